import type { Db } from '../../stores/sqlite.ts';

/** The sampling rules, the calls their refills gave and the refills that ran (SQLite). */

export const listRuleRows = (db: Db) => db.selectFrom('sampling_rules').selectAll().orderBy('id').execute();

export const findRuleRow = (db: Db, id: number) =>
  db.selectFrom('sampling_rules').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertRuleRow(
  db: Db,
  r: { name: string; active: number; definition: string; created_by: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('sampling_rules')
    .values({
      name: r.name,
      active: r.active,
      definition: r.definition,
      created_by: r.created_by,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const updateRuleRow = (
  db: Db,
  id: number,
  r: { name: string; active: number; definition: string; at: string },
) =>
  db
    .updateTable('sampling_rules')
    .set({ name: r.name, active: r.active, definition: r.definition, updated_at: r.at })
    .where('id', '=', id)
    .execute();

/** Each rule's latest refill. */
export async function lastRefillRows(db: Db) {
  const rows = await db.selectFrom('sampling_refills').selectAll().orderBy('run_on').orderBy('id').execute();
  return new Map(rows.map((r) => [r.rule_id, r]));
}

export async function refillRan(db: Db, ruleId: number, runOn: string): Promise<boolean> {
  const row = await db
    .selectFrom('sampling_refills')
    .select('id')
    .where('rule_id', '=', ruleId)
    .where('run_on', '=', runOn)
    .executeTakeFirst();
  return row !== undefined;
}

/** The refills that ran on or after a date, as `ruleId|date`. */
export async function refillDates(db: Db, from: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('sampling_refills')
    .select(['rule_id', 'run_on'])
    .where('run_on', '>=', from)
    .execute();
  return new Set(rows.map((r) => `${r.rule_id}|${r.run_on}`));
}

export const insertRefillRow = (
  db: Db,
  r: { rule_id: number; run_on: string; ran_at: string; ran_by: string; counts: string },
) => db.insertInto('sampling_refills').values(r).execute();

export const insertItemRow = (
  db: Db,
  r: {
    rule_id: number;
    run_on: string;
    call_id: string;
    operator_id: string;
    monitor: string;
    assignment_id: number;
  },
) => db.insertInto('sampling_items').values(r).execute();

/** Calls each monitor was given by any rule on this date. */
export async function givenOn(db: Db, runOn: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sampling_items')
    .select(['monitor', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_on', '=', runOn)
    .groupBy('monitor')
    .execute();
  return new Map(rows.map((r) => [r.monitor, Number(r.n)]));
}

/** Of these calls, those already evaluated (calibration apart) or already on a worklist. */
export async function takenCalls(db: Db, callIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < callIds.length; i += 500) {
    const ids = [...callIds.slice(i, i + 500), ''];
    for (const r of await db
      .selectFrom('evaluations')
      .select('call_id')
      .where('calibration', '=', 0)
      .where('call_id', 'in', ids)
      .execute())
      out.add(r.call_id);
    for (const r of await db
      .selectFrom('evaluation_assignments')
      .select('call_id')
      .where('call_id', 'in', ids)
      .execute())
      out.add(r.call_id);
    for (const r of await db
      .selectFrom('sampling_items')
      .select('call_id')
      .where('call_id', 'in', ids)
      .execute())
      out.add(r.call_id);
  }
  return out;
}

/** Operators with a claim not rejected. */
export async function claimedOperators(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('claims')
    .select('operator_id')
    .distinct()
    .where('status', '<>', 'rejected')
    .execute();
  return rows.map((r) => r.operator_id);
}

/** Active operators with their hiring date. */
export const activeOperators = (db: Db) =>
  db
    .selectFrom('operators')
    .select(['operator_id', 'hired_on'])
    .where('active', '=', 1)
    .orderBy('operator_id')
    .execute();

/** Every active QA monitor's username. */
export async function activeMonitors(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where('active', '=', 1)
    .where('role', 'in', ['qa', 'qa_lead'])
    .orderBy('username')
    .execute();
  return rows.map((r) => r.username);
}

/** Calls given by rules, with the rule's name and the monitor's evaluation if he made one. */
export const worklistRows = (db: Db, f: { monitor: string | null; from: string | null; to: string | null }) =>
  db
    .selectFrom('sampling_items as i')
    .innerJoin('sampling_rules as r', 'r.id', 'i.rule_id')
    .leftJoin('evaluations as e', (j) =>
      j
        .onRef('e.call_id', '=', 'i.call_id')
        .onRef('e.evaluator', '=', 'i.monitor')
        .on('e.calibration', '=', 0),
    )
    .select([
      'i.call_id',
      'i.operator_id',
      'i.monitor',
      'i.run_on',
      'i.rule_id',
      'r.name as rule_name',
      'i.assignment_id',
      'e.evaluation_id',
      'e.status as evaluation_status',
    ])
    .$if(f.monitor !== null, (q) => q.where('i.monitor', '=', f.monitor ?? ''))
    .$if(f.from !== null, (q) => q.where('i.run_on', '>=', f.from ?? ''))
    .$if(f.to !== null, (q) => q.where('i.run_on', '<=', f.to ?? ''))
    .orderBy('i.run_on', 'desc')
    .orderBy('i.monitor')
    .orderBy('i.id')
    .execute();
