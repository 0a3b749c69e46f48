import type { Db } from '../../stores/sqlite.ts';

/** Every team, by name. */
export const listTeams = (db: Db) =>
  db.selectFrom('teams').select(['team_id', 'name']).orderBy('name').execute();

/** A period's team targets. */
export const targetsOf = (db: Db, period: string) =>
  db.selectFrom('targets').selectAll().where('period', '=', period).execute();

/** A period's team and operator task norms. */
export const normsOf = (db: Db, period: string) =>
  db.selectFrom('norms').selectAll().where('period', '=', period).execute();

/** Whether a team exists. */
export async function teamExists(db: Db, teamId: string): Promise<boolean> {
  const team = await db
    .selectFrom('teams')
    .select('team_id')
    .where('team_id', '=', teamId)
    .executeTakeFirst();
  return team !== undefined;
}

export interface TargetKey {
  team_id: string;
  period: string;
  metric: string;
}

/** A team's target for a month and metric, if set. */
export const findTarget = (db: Db, key: TargetKey) =>
  db
    .selectFrom('targets')
    .select('target')
    .where('team_id', '=', key.team_id)
    .where('period', '=', key.period)
    .where('metric', '=', key.metric)
    .executeTakeFirst();

/** Replaces a team's target for a month and metric (null: removes it). */
export async function replaceTarget(db: Db, key: TargetKey, target: number | null): Promise<void> {
  await db
    .deleteFrom('targets')
    .where('team_id', '=', key.team_id)
    .where('period', '=', key.period)
    .where('metric', '=', key.metric)
    .execute();
  if (target !== null)
    await db
      .insertInto('targets')
      .values({ ...key, target, import_id: null })
      .execute();
}

export interface NormKey {
  scope: 'team' | 'operator';
  subjectId: string;
  period: string;
}

/** A team's or an operator's task norm for a month, if set. */
export const findNorm = (db: Db, key: NormKey) =>
  db
    .selectFrom('norms')
    .select('tasks_norm')
    .where('scope', '=', key.scope)
    .where('subject_id', '=', key.subjectId)
    .where('period', '=', key.period)
    .executeTakeFirst();

/** Replaces a team's or an operator's task norm for a month (null: removes it). */
export async function replaceNorm(db: Db, key: NormKey, tasksNorm: number | null): Promise<void> {
  await db
    .deleteFrom('norms')
    .where('scope', '=', key.scope)
    .where('subject_id', '=', key.subjectId)
    .where('period', '=', key.period)
    .execute();
  if (tasksNorm !== null) {
    await db
      .insertInto('norms')
      .values({
        scope: key.scope,
        subject_id: key.subjectId,
        period: key.period,
        tasks_norm: tasksNorm,
        import_id: null,
      })
      .execute();
  }
}

/** An operator's variable-pay base for a month, if set. */
export const findVariablePay = (db: Db, operatorId: string, period: string) =>
  db
    .selectFrom('variable_pay')
    .select(['variable_base', 'currency'])
    .where('operator_id', '=', operatorId)
    .where('period', '=', period)
    .executeTakeFirst();

/** Replaces an operator's variable-pay base for a month (null: removes it). */
export async function replaceVariablePay(
  db: Db,
  operatorId: string,
  period: string,
  base: { variableBase: number; currency: string } | null,
): Promise<void> {
  await db
    .deleteFrom('variable_pay')
    .where('operator_id', '=', operatorId)
    .where('period', '=', period)
    .execute();
  if (base !== null) {
    await db
      .insertInto('variable_pay')
      .values({
        operator_id: operatorId,
        period,
        variable_base: base.variableBase,
        currency: base.currency,
        import_id: null,
      })
      .execute();
  }
}
