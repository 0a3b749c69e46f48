import { countWhere } from './read-text.ts';
import type { PlatformReader } from './reader.ts';
import {
  CDROUTPUT_COLUMNS,
  CDROUTPUT_PROBLEM,
  CDROUTPUT_STAGE_SQL,
  cdroutputTypedSql,
} from './threecx-cdroutput.sql.ts';
import { headerOf, readTableExport } from './vicidial-header.ts';

/** A header's names as the reader compares them: `cdr-started-at` and `cdr_started_at` alike. */
const names = (head: string) => headerOf(head).map((n) => n.replaceAll('-', '_'));

/**
 * 3CX V20's call detail records: the `cdroutput` table exported with its header (psql's
 * `\copy … CSV HEADER`, pgAdmin, a BI tool), or the CDR service's file with a header naming the
 * same fields. A call is the segments of one `call_history_id`, folded into one call.
 */
export const threecxCdroutput: PlatformReader = {
  format: '3cx-cdroutput',
  kind: 'calls',
  platform: '3CX V20 cdroutput',
  detect: (head) => {
    const h = names(head);
    return ['cdr_id', 'call_history_id', 'cdr_started_at'].every((n) => h.includes(n));
  },
  async stage(c, file, ctx) {
    const { col, width } = await readTableExport(
      c,
      file,
      '3CX cdroutput',
      ['call_history_id', 'cdr_started_at', 'cdr_ended_at'],
      ctx.lineBatch,
    );
    await c.run(cdroutputTypedSql(col), { width });
    await c.run(CDROUTPUT_STAGE_SQL, { prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    const segments = await countWhere(c, 'tcx_seg', `(${CDROUTPUT_PROBLEM}) IS NULL`);
    const calls = await countWhere(c, 'staging', '_row_problem IS NULL');
    return {
      columns: CDROUTPUT_COLUMNS,
      notes: [`${segments} CDR segments folded into ${calls} calls by call_history_id`],
    };
  },
};
