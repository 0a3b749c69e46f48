import { countWhere } from './read-text.ts';
import type { PlatformReader } from './reader.ts';
import { CLOSER_COLUMNS, CLOSER_EARLIER, CLOSER_STAGE_SQL, closerTypedSql } from './vicidial.sql.ts';
import { headerOf, readTableExport } from './vicidial-header.ts';

export const vicidialCloser: PlatformReader = {
  format: 'vicidial-closer',
  kind: 'calls',
  platform: 'VICIdial vicidial_closer_log',
  detect: (head) => {
    const h = headerOf(head);
    return h.includes('closecallid') && h.includes('queue_seconds');
  },
  async stage(c, file, ctx) {
    const { col, width } = await readTableExport(
      c,
      file,
      'vicidial_closer_log',
      ['campaign_id', 'start_epoch', 'status', 'user', 'queue_seconds'],
      ctx.lineBatch,
    );
    await c.run(closerTypedSql(col), { tz: ctx.timeZone, width });
    const earlier = await countWhere(c, 'vd_closer', CLOSER_EARLIER);
    await c.run(CLOSER_STAGE_SQL, { prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    return {
      columns: CLOSER_COLUMNS,
      notes: earlier ? [`rows of calls moved to another in-group, read with their last row: ${earlier}`] : [],
    };
  },
};
