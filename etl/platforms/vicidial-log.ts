import type { PlatformReader } from './reader.ts';
import { LOG_COLUMNS, LOG_STAGE_SQL } from './vicidial.sql.ts';
import { headerOf, readTableExport } from './vicidial-header.ts';

export const vicidialLog: PlatformReader = {
  format: 'vicidial-log',
  kind: 'calls',
  platform: 'VICIdial vicidial_log',
  detect: (head) => {
    const h = headerOf(head);
    return (
      !h.includes('closecallid') &&
      ['uniqueid', 'lead_id', 'start_epoch', 'length_in_sec'].every((n) => h.includes(n))
    );
  },
  async stage(c, file, ctx) {
    const { col, width } = await readTableExport(
      c,
      file,
      'vicidial_log',
      ['uniqueid', 'start_epoch', 'status', 'user'],
      ctx.lineBatch,
    );
    await c.run(LOG_STAGE_SQL(col), { tz: ctx.timeZone, width, prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    return { columns: LOG_COLUMNS, notes: [] };
  },
};
