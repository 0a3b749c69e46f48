import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { ClaimDecisionRequest, ClaimsQuery, ClaimView, NewClaimRequest } from '../../schemas/claims.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertOperatorInScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { periodInstants } from '../periods/period.ts';
import {
  claimRowToView,
  decideOpenClaim,
  findClaimRow,
  insertClaim,
  listClaimRows,
} from './claims.repository.ts';

/** Imported and registered claims in one list, open ones first, newest first. */
export async function listClaims(db: Db, q: ClaimsQuery, scope: Scope, tz: string): Promise<ClaimView[]> {
  const rows = await listClaimRows(db, {
    operatorIds: scope.operatorIds,
    q,
    decidedOrReceived: q.period ? periodInstants(monthRange(q.period), tz) : null,
  });
  const now = Date.now();
  return rows.map((r) => claimRowToView(r, now));
}

export async function getClaim(db: Db, claimId: string, scope: Scope): Promise<ClaimView> {
  const r = await findClaimRow(db, claimId);
  if (!r || (scope.operatorIds && !scope.operatorIds.includes(r.operator_id))) {
    throw new AppError('not_found', `no claim "${claimId}"`);
  }
  return claimRowToView(r, Date.now());
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
    await insertClaim(tx, row);
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
    const decided = await decideOpenClaim(tx, claimId, {
      status: req.status,
      decided_at: decidedAt,
      decision_note: req.note,
      updated_at: decidedAt,
    });
    if (!decided) throw new AppError('conflict', `claim ${claimId} was judged by someone else a moment ago`);
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
