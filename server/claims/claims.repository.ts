import type { Insertable, Updateable } from 'kysely';
import type { ClaimsQuery, ClaimView } from '../../schemas/claims.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { ClaimsTable } from '../../stores/tables.ts';

const DAY = 86_400_000;

/** Claims with their operator's name and team and the pay period they count in. */
const selectClaims = (db: Db) =>
  db
    .selectFrom('claims')
    .leftJoin('operators', 'operators.operator_id', 'claims.operator_id')
    .leftJoin('claim_periods', 'claim_periods.claim_id', 'claims.claim_id')
    .select([
      'claims.claim_id',
      'claims.operator_id',
      'operators.name as operator_name',
      'operators.team_id',
      'claims.source',
      'claims.division',
      'claims.call_id',
      'claims.order_id',
      'claims.received_at',
      'claims.status',
      'claims.decided_at',
      'claims.decision_note',
      'claims.description',
      'claims.origin',
      'claim_periods.period as pay_period',
    ]);

export type ClaimRow = Awaited<ReturnType<ReturnType<typeof selectClaims>['execute']>>[number];

export const claimRowToView = (r: ClaimRow, now: number): ClaimView => ({
  claimId: r.claim_id,
  operatorId: r.operator_id,
  operatorName: r.operator_name ?? null,
  teamId: r.team_id ?? null,
  source: r.source as ClaimView['source'],
  division: r.division,
  callId: r.call_id,
  orderId: r.order_id,
  receivedAt: r.received_at,
  status: r.status as ClaimView['status'],
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  description: r.description,
  origin: r.origin,
  ageDays: r.status === 'open' ? Math.max(0, Math.floor((now - Date.parse(r.received_at)) / DAY)) : null,
  payPeriod: r.pay_period ?? null,
});

/**
 * Claims of the operators named (null: all) matching the query, open ones first, newest first;
 * with `decidedOrReceived`, only those received or decided in [from, to).
 */
export async function listClaimRows(
  db: Db,
  f: {
    operatorIds: readonly string[] | null;
    q: ClaimsQuery;
    decidedOrReceived: { from: string; to: string } | null;
  },
): Promise<ClaimRow[]> {
  const { q } = f;
  let query = selectClaims(db);
  if (f.operatorIds)
    query = query.where('claims.operator_id', 'in', f.operatorIds.length ? f.operatorIds : ['']);
  if (q.status) query = query.where('claims.status', '=', q.status);
  if (q.source) query = query.where('claims.source', '=', q.source);
  if (q.operator) query = query.where('claims.operator_id', '=', q.operator);
  if (q.team) query = query.where('operators.team_id', '=', q.team);
  const b = f.decidedOrReceived;
  if (b) {
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('claims.received_at', '>=', b.from), eb('claims.received_at', '<', b.to)]),
        eb.and([eb('claims.decided_at', '>=', b.from), eb('claims.decided_at', '<', b.to)]),
      ]),
    );
  }
  return query
    .orderBy((eb) => eb.case().when('claims.status', '=', 'open').then(0).else(1).end())
    .orderBy('claims.received_at', 'desc')
    .limit(q.limit)
    .execute();
}

export const findClaimRow = (db: Db, claimId: string) =>
  selectClaims(db).where('claims.claim_id', '=', claimId).executeTakeFirst();

export const insertClaim = (db: Db, row: Insertable<ClaimsTable>) =>
  db.insertInto('claims').values(row).execute();

/**
 * Decides an open claim; false when it is no longer open. The status is checked in the update
 * itself, so of two heads deciding at once (two connections, or two processes) exactly one does.
 */
export async function decideOpenClaim(
  db: Db,
  claimId: string,
  set: Updateable<ClaimsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('claims')
    .set(set)
    .where('claim_id', '=', claimId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
