import type { Format } from '../../schemas/import-report.ts';
import { amazonConnect } from './amazon-connect.ts';
import { freeswitchCsv } from './freeswitch-csv.ts';
import { freeswitchJson } from './freeswitch-json.ts';
import type { PlatformReader } from './reader.ts';
import { threecx } from './threecx.ts';
import { threecxCdroutput } from './threecx-cdroutput.ts';
import { vicidialAgent } from './vicidial-agent.ts';
import { vicidialCloser } from './vicidial-closer.ts';
import { vicidialLog } from './vicidial-log.ts';

/** Every platform reader, in the order detection tries them (the most particular first). */
export const PLATFORM_READERS: readonly PlatformReader[] = [
  freeswitchCsv,
  amazonConnect,
  freeswitchJson,
  vicidialCloser,
  vicidialAgent,
  vicidialLog,
  threecxCdroutput,
  threecx,
];

export const platformReader = (format: Format): PlatformReader | undefined =>
  PLATFORM_READERS.find((r) => r.format === format);
