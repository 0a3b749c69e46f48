import { AppError, describeIssues } from '../../core/errors.ts';
import { SETTING_KEYS, type SettingKey, type Settings, settingsSchema } from '../../schemas/settings.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { CLAIM_PERIODS_LOCK, rederiveClaimPeriods } from '../scoring/claim-periods.ts';

export async function readSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value);
  // A key stored by an older version that no longer validates falls back to its default
  // rather than making the whole data directory unreadable.
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return settingsSchema.parse(Object.fromEntries(Object.entries(stored).filter(([k]) => !bad.has(k))));
}

export const isSettingKey = (k: string): k is SettingKey => (SETTING_KEYS as string[]).includes(k);

/**
 * Validates and stores one setting; the change is audited with its old and new value. A new time
 * zone also re-derives the pay months of claims in months not yet approved (audited apart).
 */
export async function writeSetting(db: Db, key: string, raw: unknown, actor: string): Promise<Settings> {
  if (!isSettingKey(key)) {
    throw new AppError('bad_request', `unknown setting "${key}" (known: ${SETTING_KEYS.join(', ')})`);
  }
  if (raw === undefined) throw new AppError('bad_request', `value: is required (the new value of ${key})`);
  return db.transaction().execute(async (tx) => {
    // Read under a lock: two changes at once each audit the value the other left, and a new time
    // zone re-derives the claims' months under the lock an approval takes (CLAIM_PERIODS_LOCK).
    await lockKey(tx, 'settings');
    if (key === 'timeZone') await lockKey(tx, CLAIM_PERIODS_LOCK);
    const current = await readSettings(tx);
    const next = settingsSchema.safeParse({ ...current, [key]: raw });
    if (!next.success) throw new AppError('bad_request', describeIssues(next.error.issues));
    await tx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(next.data[key]) })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: JSON.stringify(next.data[key]), updated_at: new Date().toISOString() }),
      )
      .execute();
    await audit(tx, {
      actor,
      action: 'update',
      entity: 'setting',
      entityId: key,
      before: current[key],
      after: next.data[key],
    });
    // Periods are cut on local dates: calls and orders follow the new zone by themselves, the
    // claims' stored pay months are re-derived here, except in approved months.
    if (key === 'timeZone' && next.data.timeZone !== current.timeZone) {
      const moved = await rederiveClaimPeriods(tx, next.data.timeZone);
      await audit(tx, {
        actor,
        action: 'rederive',
        entity: 'claim_period',
        entityId: null,
        before: { timeZone: current.timeZone },
        after: { timeZone: next.data.timeZone, moved },
      });
    }
    return next.data;
  });
}
