import { boundQuestions } from '../../core/auto-answer.ts';
import { AppError } from '../../core/errors.ts';
import type { CheckDef, RuleSetView } from '../../schemas/autoqa.ts';
import { DEFAULT_CHECKS } from '../../schemas/autoqa-rules.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { definitionOf, listFormRows } from '../forms/forms.repository.ts';
import { insertRuleSet, latestRuleSetRow, ruleSetRowToView } from './rules.repository.ts';

/** Whoever reads the latest version to store the next one. */
const RULE_SETS_LOCK = 'autoqa_rule_sets';

/**
 * The rule set in force: the highest stored version. A data directory that has none gets the
 * default rule set stored as version 1 on first use, so every result names a version that exists.
 */
export async function currentRuleSet(db: Db): Promise<RuleSetView> {
  const row = await latestRuleSetRow(db);
  if (row) return ruleSetRowToView(row);
  await db.transaction().execute(async (tx) => {
    await lockKey(tx, RULE_SETS_LOCK);
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
    // Read in the transaction, under its lock: two edits at once make two versions, never one
    // version twice.
    await lockKey(tx, RULE_SETS_LOCK);
    const before = ruleSetRowToView(
      (await latestRuleSetRow(tx)) as NonNullable<Awaited<ReturnType<typeof latestRuleSetRow>>>,
    );
    await assertBindingsKept(tx, checks);
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

/**
 * A rule set may not drop a check that a form in use answers from: the question would silently
 * stop being answered on every auto evaluation. The form is changed first (another check, or none).
 */
async function assertBindingsKept(db: Db, checks: readonly CheckDef[]): Promise<void> {
  const keys = new Set(checks.map((c) => c.key));
  const latest = new Map<string, Awaited<ReturnType<typeof listFormRows>>[number]>();
  for (const row of await listFormRows(db)) if (!latest.has(row.form_key)) latest.set(row.form_key, row);
  const lost: string[] = [];
  for (const row of latest.values()) {
    if (row.status !== 'published') continue;
    for (const q of boundQuestions(definitionOf(row)))
      if (q.auto && !keys.has(q.auto.check))
        lost.push(`question "${q.id}" of the form "${row.name}" is answered by the check "${q.auto.check}"`);
  }
  if (lost.length > 0)
    throw new AppError(
      'conflict',
      `${lost.join('; ')}: bind ${lost.length === 1 ? 'it' : 'them'} to another check, or to none, before the check leaves the rule set`,
    );
}
