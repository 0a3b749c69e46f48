import {
  CTR_COLUMNS,
  CTR_EARLIER,
  CTR_NOT_CALLS,
  CTR_STAGE_SQL,
  CTR_TYPED_SQL,
} from './amazon-connect.sql.ts';
import { countWhere, loadJsonRecords } from './read-text.ts';
import type { PlatformReader } from './reader.ts';

/** A contact record names its contact and how it began. */
const SHAPE = [/"ContactId"\s*:/, /"InitiationMethod"\s*:/];

export const amazonConnect: PlatformReader = {
  format: 'amazon-connect',
  kind: 'calls',
  platform: 'Amazon Connect contact records (CTR)',
  detect: (head) => /^\s*[[{]/.test(head) && SHAPE.every((r) => r.test(head)),
  async stage(c, file, ctx) {
    await loadJsonRecords(c, file, ctx.lineBatch);
    await c.run(CTR_TYPED_SQL);
    const notCalls = await countWhere(c, 'ctr', CTR_NOT_CALLS);
    const earlier = await countWhere(c, 'ctr', CTR_EARLIER);
    await c.run(CTR_STAGE_SQL, { prefix: ctx.pbx ? `${ctx.pbx}:` : '' });
    const notes: string[] = [];
    if (notCalls)
      notes.push(`contacts that are no voice call (chat, task, e-mail, monitoring), not read: ${notCalls}`);
    if (earlier) notes.push(`contacts delivered again, read in their last version: ${earlier}`);
    return { columns: CTR_COLUMNS, notes };
  },
};
