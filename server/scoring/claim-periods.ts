import type { Db } from '../../stores/sqlite.ts';
import { monthOfInstant, nextMonth } from '../periods/period.ts';

/**
 * Gives every justified claim that has none yet the pay period it counts in: its decision's
 * month, or, when that month was already approved, the first later month still open (docs/scoring.md:
 * a claim decided after a period was locked lands in the open period). Runs before scoring and
 * before approving, so no claim can slip past a lock; a claim keeps its period once given.
 */
export async function settleClaimPeriods(db: Db, tz: string): Promise<number> {
  const pending = await db
    .selectFrom('claims')
    .leftJoin('claim_periods', 'claim_periods.claim_id', 'claims.claim_id')
    .select(['claims.claim_id', 'claims.decided_at'])
    .where('claims.status', '=', 'justified')
    .where('claims.decided_at', 'is not', null)
    .where('claim_periods.claim_id', 'is', null)
    .execute();
  if (pending.length === 0) return 0;
  const locked = new Set(
    (await db.selectFrom('pay_periods').select('period').where('status', '=', 'approved').execute()).map(
      (r) => r.period,
    ),
  );
  const at = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    for (const claim of pending) {
      let period = monthOfInstant(claim.decided_at as string, tz);
      while (locked.has(period)) period = nextMonth(period);
      await tx
        .insertInto('claim_periods')
        .values({ claim_id: claim.claim_id, period, assigned_at: at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  return pending.length;
}

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
  const locked = new Set(
    (await db.selectFrom('pay_periods').select('period').where('status', '=', 'approved').execute()).map(
      (r) => r.period,
    ),
  );
  const rows = await db
    .selectFrom('claim_periods')
    .innerJoin('claims', 'claims.claim_id', 'claim_periods.claim_id')
    .select(['claim_periods.claim_id', 'claim_periods.period', 'claims.decided_at'])
    .where('claims.decided_at', 'is not', null)
    .orderBy('claim_periods.claim_id')
    .execute();
  const moves: ClaimMove[] = [];
  for (const r of rows) {
    if (locked.has(r.period)) continue;
    let period = monthOfInstant(r.decided_at as string, tz);
    while (locked.has(period)) period = nextMonth(period);
    if (period === r.period) continue;
    await db.updateTable('claim_periods').set({ period }).where('claim_id', '=', r.claim_id).execute();
    moves.push({ claimId: r.claim_id, from: r.period, to: period });
  }
  return moves;
}
