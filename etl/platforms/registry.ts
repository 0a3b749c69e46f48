import type { Format } from '../../schemas/import-report.ts';
import { amazonConnect } from './amazon-connect.ts';
import { freeswitchCsv } from './freeswitch-csv.ts';
import type { PlatformReader } from './reader.ts';

/** Every platform reader, in the order detection tries them (the most particular first). */
export const PLATFORM_READERS: readonly PlatformReader[] = [freeswitchCsv, amazonConnect];

export const platformReader = (format: Format): PlatformReader | undefined =>
  PLATFORM_READERS.find((r) => r.format === format);
