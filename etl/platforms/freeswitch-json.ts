import {
  FS_JSON_B_LEGS,
  FS_JSON_COLUMNS,
  FS_JSON_STAGE_SQL,
  FS_JSON_TYPED_SQL,
} from './freeswitch-json.sql.ts';
import { countWhere, loadJsonRecords } from './read-text.ts';
import type { PlatformReader } from './reader.ts';

/**
 * A mod_json_cdr record: the channel's variables beside its callflow or channel data, or (when a
 * long callStats pushes the variables past the first bytes) its core-uuid then channel_data.
 */
const SHAPE = /"(callflow|channel_data|core-uuid)"\s*:/;

export const freeswitchJson: PlatformReader = {
  format: 'freeswitch-json',
  kind: 'calls',
  platform: 'FreeSWITCH mod_json_cdr',
  detect: (head) =>
    /^\s*[[{]/.test(head) &&
    SHAPE.test(head) &&
    (/"variables"\s*:/.test(head) || /"core-uuid"\s*:[\s\S]*"channel_data"\s*:/.test(head)),
  async stage(c, file, ctx) {
    await loadJsonRecords(c, file, ctx.lineBatch);
    await c.run(FS_JSON_TYPED_SQL);
    const bLegs = await countWhere(c, 'fs_json', FS_JSON_B_LEGS);
    await c.run(FS_JSON_STAGE_SQL, { prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    return {
      columns: FS_JSON_COLUMNS,
      notes: bLegs ? [`b-leg and agent-leg records, the other side of calls, not read: ${bLegs}`] : [],
    };
  },
};
