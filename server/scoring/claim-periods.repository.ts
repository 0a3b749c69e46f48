import type { Db } from '../../stores/sqlite.ts';

/** The pay month each justified claim counts in (claim-periods.ts decides which). */

/** The months approved: their pay is locked, no claim is given or taken from them. */
export async function approvedPeriods(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('pay_periods').select('period').where('status', '=', 'approved').execute();
  return new Set(rows.map((r) => r.period));
}

/** Justified, decided claims not yet given a pay month. */
export async function claimsWithoutPeriod(db: Db) {
  return db
    .selectFrom('claims')
    .leftJoin('claim_periods', 'claim_periods.claim_id', 'claims.claim_id')
    .select(['claims.claim_id', 'claims.decided_at'])
    .where('claims.status', '=', 'justified')
    .where('claims.decided_at', 'is not', null)
    .where('claim_periods.claim_id', 'is', null)
    .execute();
}

/** Gives a claim its month; one already given keeps the month it has. */
export async function insertClaimPeriod(db: Db, claimId: string, period: string, at: string): Promise<void> {
  await db
    .insertInto('claim_periods')
    .values({ claim_id: claimId, period, assigned_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every decided claim's month, in claim order. */
export async function claimPeriodsOfDecidedClaims(db: Db) {
  return db
    .selectFrom('claim_periods')
    .innerJoin('claims', 'claims.claim_id', 'claim_periods.claim_id')
    .select(['claim_periods.claim_id', 'claim_periods.period', 'claims.decided_at'])
    .where('claims.decided_at', 'is not', null)
    .orderBy('claim_periods.claim_id')
    .execute();
}

export async function moveClaimPeriod(db: Db, claimId: string, period: string): Promise<void> {
  await db.updateTable('claim_periods').set({ period }).where('claim_id', '=', claimId).execute();
}
