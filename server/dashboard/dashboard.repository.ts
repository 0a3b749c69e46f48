import type { Db } from '../../stores/sqlite.ts';

/** The departments of the teams (given operator ids, only of their teams). */
export const departmentsOf = (db: Db, operatorIds: readonly string[] | null) =>
  db
    .selectFrom('teams')
    .select('department')
    .distinct()
    .where('department', 'is not', null)
    .$if(operatorIds !== null, (b) =>
      b.where('team_id', 'in', (eb) =>
        eb
          .selectFrom('operators')
          .select('team_id')
          .where('operator_id', 'in', [...(operatorIds ?? []), '']),
      ),
    )
    .execute();

/**
 * An operator's claims received or decided in [from, to), or counted in the month if given,
 * with the pay period each counts in; newest first, at most `limit`.
 */
export const claimsOfOperator = (
  db: Db,
  operatorId: string,
  b: { from: string; to: string },
  month: string | null | undefined,
  limit: number,
) =>
  db
    .selectFrom('claims')
    .leftJoin('claim_periods', 'claim_periods.claim_id', 'claims.claim_id')
    .selectAll('claims')
    .select('claim_periods.period as counted_in')
    .where('claims.operator_id', '=', operatorId)
    .where((eb) =>
      eb.or([
        eb.and([eb('claims.received_at', '>=', b.from), eb('claims.received_at', '<', b.to)]),
        eb.and([eb('claims.decided_at', '>=', b.from), eb('claims.decided_at', '<', b.to)]),
        ...(month ? [eb('claim_periods.period', '=', month)] : []),
      ]),
    )
    .orderBy('claims.received_at', 'desc')
    .limit(limit)
    .execute();

/** An operator's assessments made in [from, to), newest first, at most `limit`. */
export const assessmentsOfOperator = (
  db: Db,
  operatorId: string,
  b: { from: string; to: string },
  limit: number,
) =>
  db
    .selectFrom('assessments')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('assessed_at', '>=', b.from)
    .where('assessed_at', '<', b.to)
    .orderBy('assessed_at', 'desc')
    .limit(limit)
    .execute();
