import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { ClaimDecisionRequest, ClaimsQuery, ClaimView, NewClaimRequest } from '../../schemas/claims.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertOperatorInScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { periodInstants } from '../periods/period.ts';

const DAY = 86_400_000;

const baseQuery = (db: Db) =>
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

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toView = (r: Row, now: number): ClaimView => ({
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

/** Imported and registered claims in one list, open ones first, newest first. */
export async function listClaims(db: Db, q: ClaimsQuery, scope: Scope, tz: string): Promise<ClaimView[]> {
  let query = baseQuery(db);
  if (scope.operatorIds)
    query = query.where('claims.operator_id', 'in', scope.operatorIds.length ? scope.operatorIds : ['']);
  if (q.status) query = query.where('claims.status', '=', q.status);
  if (q.source) query = query.where('claims.source', '=', q.source);
  if (q.operator) query = query.where('claims.operator_id', '=', q.operator);
  if (q.team) query = query.where('operators.team_id', '=', q.team);
  if (q.period) {
    const b = periodInstants(monthRange(q.period), tz);
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('claims.received_at', '>=', b.from), eb('claims.received_at', '<', b.to)]),
        eb.and([eb('claims.decided_at', '>=', b.from), eb('claims.decided_at', '<', b.to)]),
      ]),
    );
  }
  const rows = await query
    .orderBy((eb) => eb.case().when('claims.status', '=', 'open').then(0).else(1).end())
    .orderBy('claims.received_at', 'desc')
    .limit(q.limit)
    .execute();
  const now = Date.now();
  return rows.map((r) => toView(r, now));
}

export async function getClaim(db: Db, claimId: string, scope: Scope): Promise<ClaimView> {
  const r = await baseQuery(db).where('claims.claim_id', '=', claimId).executeTakeFirst();
  if (!r || (scope.operatorIds && !scope.operatorIds.includes(r.operator_id))) {
    throw new AppError('not_found', `no claim "${claimId}"`);
  }
  return toView(r, Date.now());
}

/** Registers a claim from a client or another division; it starts open. */
export async function registerClaim(
  db: Db,
  req: NewClaimRequest,
  scope: Scope,
  actor: string,
): Promise<ClaimView> {
  await assertOperatorInScope(db, req.operatorId, scope);
  const claimId = `CLM-${randomUUID().slice(0, 8).toUpperCase()}`;
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const row = {
      claim_id: claimId,
      operator_id: req.operatorId,
      source: req.source,
      division: req.division ?? null,
      call_id: req.callId ?? null,
      order_id: req.orderId ?? null,
      received_at: req.receivedAt ? new Date(req.receivedAt).toISOString() : now,
      status: 'open',
      decided_at: null,
      description: req.description,
      origin: 'manual',
      import_id: null,
    };
    await tx.insertInto('claims').values(row).execute();
    await audit(tx, { actor, action: 'create', entity: 'claim', entityId: claimId, after: row });
  });
  return getClaim(db, claimId, scope);
}

/**
 * Judges a claim justified or rejected, with the reason. A justified claim counts against the
 * operator in the pay period of the decision (or the next open one if that month is locked).
 * A decided claim is not decided again: that would move money between closed months.
 */
export async function decideClaim(
  db: Db,
  claimId: string,
  req: ClaimDecisionRequest,
  scope: Scope,
  actor: string,
): Promise<ClaimView> {
  const before = await getClaim(db, claimId, scope);
  if (before.status !== 'open') {
    throw new AppError(
      'conflict',
      `claim ${claimId} was already judged ${before.status} on ${before.decidedAt}`,
    );
  }
  const decidedAt = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('claims')
      .set({ status: req.status, decided_at: decidedAt, decision_note: req.note, updated_at: decidedAt })
      .where('claim_id', '=', claimId)
      .execute();
    await audit(tx, {
      actor,
      action: req.status === 'justified' ? 'justify' : 'reject',
      entity: 'claim',
      entityId: claimId,
      before: { status: before.status },
      after: { status: req.status, decidedAt, note: req.note },
    });
  });
  return getClaim(db, claimId, scope);
}
