import { countWhere } from './read-text.ts';
import type { PlatformReader } from './reader.ts';
import { AGENT_COLUMNS, AGENT_STAGE_SQL, agentTypedSql } from './vicidial-agent.sql.ts';
import { headerOf, readTableExport } from './vicidial-header.ts';

/**
 * vicidial_agent_log is agent time, not calls: each row's pause, wait, talk and dispo seconds
 * become the operator's states (`operator-states`), the base of occupancy and pause time. The
 * calls themselves come from vicidial_closer_log and vicidial_log.
 */
export const vicidialAgent: PlatformReader = {
  format: 'vicidial-agent',
  kind: 'operator-states',
  platform: 'VICIdial vicidial_agent_log',
  detect: (head) => {
    const h = headerOf(head);
    return h.includes('agent_log_id') && h.includes('talk_sec') && h.includes('dispo_sec');
  },
  async stage(c, file, ctx) {
    const { col, width } = await readTableExport(
      c,
      file,
      'vicidial_agent_log',
      [
        'user',
        'pause_epoch',
        'pause_sec',
        'wait_epoch',
        'wait_sec',
        'talk_epoch',
        'talk_sec',
        'dispo_epoch',
        'dispo_sec',
      ],
      ctx.lineBatch,
    );
    await c.run(agentTypedSql(col), { width });
    await c.run(AGENT_STAGE_SQL);
    const rows = await countWhere(c, 'vd_agent', 'true');
    const states = await countWhere(c, 'staging', '_row_problem IS NULL');
    return {
      columns: AGENT_COLUMNS,
      notes: [`${rows} agent log rows give ${states} operator states (pause, available, talk, wrap)`],
    };
  },
};
