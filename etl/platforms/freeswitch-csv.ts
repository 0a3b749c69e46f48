import {
  FS_CSV_BLEG_COUNT_SQL,
  FS_CSV_COLUMNS,
  FS_CSV_STAGE_SQL,
  FS_CSV_TYPED_SQL,
} from './freeswitch-csv.sql.ts';
import { loadLines, splitRows } from './read-text.ts';
import type { PlatformReader } from './reader.ts';

/** A record of the `example` template: four quoted fields, then a quoted `YYYY-MM-DD HH:MM:SS`. */
const RECORD = /^("[^"]*",){4}"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}",("[^"]*",){5}"[0-9a-fA-F-]{36}"/;

export const freeswitchCsv: PlatformReader = {
  format: 'freeswitch-csv',
  kind: 'calls',
  platform: 'FreeSWITCH mod_cdr_csv',
  detect: (head) => RECORD.test(head.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''),
  async stage(c, file, ctx) {
    await loadLines(c, file, ctx.lineBatch);
    await splitRows(c, ',', 0);
    await c.run(FS_CSV_TYPED_SQL);
    const bLegs = Number((await c.runAndReadAll(FS_CSV_BLEG_COUNT_SQL)).getRows()[0]?.[0] ?? 0);
    await c.run(FS_CSV_STAGE_SQL, { prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    return {
      columns: FS_CSV_COLUMNS,
      notes: bLegs ? [`b-leg records read with their calls: ${bLegs}`] : [],
    };
  },
};
