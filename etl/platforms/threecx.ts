import { columnOf, headerNames, loadLines, requireColumns, splitRows } from './read-text.ts';
import type { PlatformReader } from './reader.ts';
import { THREECX_COLUMNS, THREECX_FIELDS, THREECX_STAGE_SQL, threecxTypedSql } from './threecx.sql.ts';

/** A record in the documented order: historyid, callid, a duration, then time-start. */
const RECORD = /^[^,]*\d[^,]*,[^,]*,(\d+:)?\d{1,2}:\d{2}(:\d{2})?,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},/;
/** A header naming 3CX's fields. */
const HEADER = /\bhistoryid\b/i;
const isHeader = (line: string) => HEADER.test(line) && /time[-_]start/i.test(line);

const firstLine = (head: string) => head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';

export const threecx: PlatformReader = {
  format: '3cx',
  kind: 'calls',
  platform: '3CX CDR',
  detect: (head) => {
    const first = firstLine(head);
    return isHeader(first) || RECORD.test(first);
  },
  async stage(c, file, ctx) {
    const first = await loadLines(c, file, ctx.lineBatch);
    let names = THREECX_FIELDS;
    let after = 0;
    if (first && isHeader(first.text)) {
      names = await headerNames(c, first.line, ',');
      requireColumns(names, ['time_start', 'time_end'], '3CX CDR');
      after = first.line;
    }
    await splitRows(c, ',', after);
    await c.run(threecxTypedSql(columnOf(names)), { tz: ctx.timeZone, width: names.length });
    await c.run(THREECX_STAGE_SQL, { prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    return {
      columns: THREECX_COLUMNS,
      notes: after
        ? []
        : [
            'read in the documented field order (historyid, callid, duration, time-start, …): the file has no header',
          ],
    };
  },
};
