import type { Db } from '../../stores/sqlite.ts';

/** A month's pay-period record, if it has one. */
export const findPayPeriod = (db: Db, period: string) =>
  db.selectFrom('pay_periods').selectAll().where('period', '=', period).executeTakeFirst();

/** The stored scorecards (JSON) of an approved month, by operator. */
export const snapshotScorecards = (db: Db, period: string) =>
  db
    .selectFrom('pay_snapshots')
    .select('scorecard')
    .where('period', '=', period)
    .orderBy('operator_id')
    .execute();

/** The months with a pay-period record. */
export async function payPeriodMonths(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('pay_periods').select('period').execute();
  return rows.map((r) => r.period);
}

/** The months with a variable-pay base, each once. */
export async function variablePayMonths(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('variable_pay').select('period').distinct().execute();
  return rows.map((r) => r.period);
}

/**
 * Marks a month approved, with when and by whom, whether or not it had a record; false when it is
 * approved already. The status is checked in the statement, so of two approvals at once one does.
 */
export async function upsertApprovedPeriod(
  db: Db,
  period: string,
  at: string,
  actor: string,
): Promise<boolean> {
  const row = await db
    .insertInto('pay_periods')
    .values({ period, status: 'approved', approved_at: at, approved_by: actor })
    .onConflict((oc) =>
      oc
        .column('period')
        .doUpdateSet({ status: 'approved', approved_at: at, approved_by: actor })
        .where('pay_periods.status', '<>', 'approved'),
    )
    .returning('period')
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks an approved month open again, with when, by whom and why; false when it is not approved. */
export async function markPeriodReopened(
  db: Db,
  period: string,
  at: string,
  actor: string,
  reason: string,
): Promise<boolean> {
  const r = await db
    .updateTable('pay_periods')
    .set({ status: 'open', reopened_at: at, reopened_by: actor, reopen_reason: reason })
    .where('period', '=', period)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Where the import log and a month's claims stand: the last import, the imports running (in this
 * process or another), and the claims given to the month. An approval compares them before it
 * scores and as it stores, so it never locks figures an import or a claim changed in between.
 */
export async function payInputsMark(db: Db, period: string): Promise<string> {
  const imports = await db
    .selectFrom('imports')
    .select((eb) => [
      eb.fn.max('id').as('last'),
      eb.fn.count<number>(eb.case().when('status', '=', 'running').then(1).end()).as('running'),
    ])
    .executeTakeFirstOrThrow();
  const claims = await db
    .selectFrom('claim_periods')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('assigned_at').as('last')])
    .where('period', '=', period)
    .executeTakeFirstOrThrow();
  return JSON.stringify([imports.last ?? 0, Number(imports.running), Number(claims.n), claims.last ?? '']);
}

/** The imports running now, in any process. */
export async function runningImports(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('imports').select('file_name').where('status', '=', 'running').execute();
  return rows.map((r) => r.file_name);
}

export const deletePaySnapshots = (db: Db, period: string) =>
  db.deleteFrom('pay_snapshots').where('period', '=', period).execute();

export const deletePayExports = (db: Db, period: string) =>
  db.deleteFrom('pay_exports').where('period', '=', period).execute();

export const insertPaySnapshot = (db: Db, period: string, operatorId: string, scorecard: string) =>
  db.insertInto('pay_snapshots').values({ period, operator_id: operatorId, scorecard }).execute();

export const insertPayExport = (
  db: Db,
  e: { period: string; format: 'xlsx'; content: Buffer; sha256: string },
) => db.insertInto('pay_exports').values(e).execute();

/** The stored file of a month in a format, if there is one. */
export const findPayExport = (db: Db, period: string, format: 'xlsx') =>
  db
    .selectFrom('pay_exports')
    .select('content')
    .where('period', '=', period)
    .where('format', '=', format)
    .executeTakeFirst();
