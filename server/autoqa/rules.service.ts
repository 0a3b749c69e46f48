import type { CheckDef, RuleSetView } from '../../schemas/autoqa.ts';
import { DEFAULT_CHECKS } from '../../schemas/autoqa-rules.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { insertRuleSet, latestRuleSetRow, ruleSetRowToView } from './rules.repository.ts';

/**
 * The rule set in force: the highest stored version. A data directory that has none gets the
 * default rule set stored as version 1 on first use, so every result names a version that exists.
 */
export async function currentRuleSet(db: Db): Promise<RuleSetView> {
  const row = await latestRuleSetRow(db);
  if (row) return ruleSetRowToView(row);
  await db.transaction().execute(async (tx) => {
    if (await latestRuleSetRow(tx)) return;
    await insertRuleSet(tx, 1, DEFAULT_CHECKS, 'system');
    await audit(tx, { actor: 'system', action: 'create', entity: 'autoqa_rule_set', entityId: '1' });
  });
  return ruleSetRowToView(
    (await latestRuleSetRow(db)) as NonNullable<Awaited<ReturnType<typeof latestRuleSetRow>>>,
  );
}

/** An edit: stored as the next version, with its audit row, in one transaction. */
export async function saveRuleSet(db: Db, checks: readonly CheckDef[], actor: string): Promise<RuleSetView> {
  await currentRuleSet(db);
  await db.transaction().execute(async (tx) => {
    // Read in the transaction: two edits at once make two versions, never one version twice.
    const before = ruleSetRowToView(
      (await latestRuleSetRow(tx)) as NonNullable<Awaited<ReturnType<typeof latestRuleSetRow>>>,
    );
    const version = before.version + 1;
    await insertRuleSet(tx, version, checks, actor);
    await audit(tx, {
      actor,
      action: 'update',
      entity: 'autoqa_rule_set',
      entityId: String(version),
      before: { version: before.version, checks: before.checks },
      after: { version, checks },
    });
  });
  return currentRuleSet(db);
}
