import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { monthOfInstant, nextMonth } from '../periods/period.ts';
import {
  approvedPeriods,
  claimPeriodsOfDecidedClaims,
  claimsWithoutPeriod,
  insertClaimPeriod,
  moveClaimPeriod,
} from './claim-periods.repository.ts';

/**
 * Gives every justified claim that has none yet the pay period it counts in: its decision's
 * month, or, when that month was already approved, the first later month still open (docs/scoring.md:
 * a claim decided after a period was locked lands in the open period). Runs before scoring and
 * before approving, so no claim can slip past a lock; a claim keeps its period once given.
 */
export async function settleClaimPeriods(db: Db, tz: string): Promise<number> {
  if ((await claimsWithoutPeriod(db)).length === 0) return 0;
  const at = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    // Read again under the lock an approval takes too (CLAIM_PERIODS_LOCK): a claim is given a
    // month either before an approval computes its figures or after it has committed, when the
    // month is seen approved.
    await lockKey(tx, CLAIM_PERIODS_LOCK);
    const pending = await claimsWithoutPeriod(tx);
    const locked = await approvedPeriods(tx);
    for (const claim of pending) {
      let period = monthOfInstant(claim.decided_at as string, tz);
      while (locked.has(period)) period = nextMonth(period);
      await insertClaimPeriod(tx, claim.claim_id, period, at);
    }
    return pending.length;
  });
}

/** The lock of the claims' pay months, taken by settleClaimPeriods and by an approval. */
export const CLAIM_PERIODS_LOCK = 'claim_periods';

export interface ClaimMove {
  claimId: string;
  from: string;
  to: string;
}

/**
 * After the company time zone changes: gives every claim whose pay month is still open the month
 * its decision falls in under the new zone (or the first open one after it, as above), as calls,
 * orders and assessments move with the zone. A claim in an approved month stays there: that month
 * has paid it. Run inside the setting's transaction; returns the claims that moved.
 */
export async function rederiveClaimPeriods(db: Db, tz: string): Promise<ClaimMove[]> {
  const locked = await approvedPeriods(db);
  const rows = await claimPeriodsOfDecidedClaims(db);
  const moves: ClaimMove[] = [];
  for (const r of rows) {
    if (locked.has(r.period)) continue;
    let period = monthOfInstant(r.decided_at as string, tz);
    while (locked.has(period)) period = nextMonth(period);
    if (period === r.period) continue;
    await moveClaimPeriod(db, r.claim_id, period);
    moves.push({ claimId: r.claim_id, from: r.period, to: period });
  }
  return moves;
}
