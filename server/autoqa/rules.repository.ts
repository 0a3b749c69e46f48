import type { Selectable } from 'kysely';
import { type CheckDef, checkDef, type RuleSetView } from '../../schemas/autoqa.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { AutoqaRuleSetsTable } from '../../stores/tables.ts';

type RuleSetRow = Selectable<AutoqaRuleSetsTable>;

/** A stored version, its checks read through the schema so defaults added later apply. */
export const ruleSetRowToView = (row: RuleSetRow): RuleSetView => ({
  version: row.version,
  createdAt: row.created_at,
  createdBy: row.created_by,
  checks: (JSON.parse(row.checks) as unknown[]).map((c) => checkDef.parse(c)),
});

export const latestRuleSetRow = (db: Db) =>
  db.selectFrom('autoqa_rule_sets').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();

export const insertRuleSet = (db: Db, version: number, checks: readonly CheckDef[], actor: string) =>
  db
    .insertInto('autoqa_rule_sets')
    .values({
      version,
      checks: JSON.stringify(checks),
      created_at: new Date().toISOString(),
      created_by: actor,
    })
    .execute();

export const ruleSetRow = (db: Db, version: number) =>
  db.selectFrom('autoqa_rule_sets').selectAll().where('version', '=', version).executeTakeFirst();

/** Every stored version, newest first, without parsing their checks. */
export const ruleSetVersionRows = (db: Db) =>
  db
    .selectFrom('autoqa_rule_sets')
    .select(['version', 'created_at', 'created_by', 'checks'])
    .orderBy('version', 'desc')
    .execute();
