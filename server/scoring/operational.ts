import { sql } from 'kysely';
import { COUNTED_STATUSES } from '../../schemas/evaluations.ts';
import type { Period } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import { monthShares, periodInstants } from '../periods/period.ts';

export interface RosterEntry {
  operatorId: string;
  name: string;
  teamId: string;
  teamName: string;
  department: string | null;
}

export interface OperationalFacts {
  roster: RosterEntry[];
  /** Operator norms, prorated over the range; team norms likewise. */
  operatorNorms: Map<string, number>;
  teamNorms: Map<string, number>;
  /** Per team: metric → target (prorated). */
  targets: Map<string, Map<string, number>>;
  /** Only for a calendar month: minor units and currency. */
  bases: Map<string, { base: number; currency: string }>;
  /** Per operator: the sum of counted scores in millionths of a point (exact), their count. */
  quality: Map<string, { micros: number; count: number; critical: number }>;
  claims: Map<string, { internal: number; client: number }>;
  negativeAssessments: Map<string, number>;
}

const addTo = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** Everything the criteria need from the operational store (SQLite) for one range. */
export async function readOperational(db: Db, range: Period, tz: string): Promise<OperationalFacts> {
  const shares = monthShares(range);
  const months = shares.map((s) => s.month);
  const shareOf = new Map(shares.map((s) => [s.month, s.share]));
  const bounds = periodInstants(range, tz);

  const roster = (
    await db
      .selectFrom('operators')
      .leftJoin('teams', 'teams.team_id', 'operators.team_id')
      .select([
        'operators.operator_id',
        'operators.name',
        'operators.team_id',
        'teams.name as team_name',
        'teams.department',
      ])
      .orderBy('operators.operator_id')
      .execute()
  ).map(
    (r): RosterEntry => ({
      operatorId: r.operator_id,
      name: r.name,
      teamId: r.team_id,
      teamName: r.team_name ?? r.team_id,
      department: r.department ?? null,
    }),
  );

  const operatorNorms = new Map<string, number>();
  const teamNorms = new Map<string, number>();
  for (const n of await db.selectFrom('norms').selectAll().where('period', 'in', months).execute()) {
    addTo(
      n.scope === 'operator' ? operatorNorms : teamNorms,
      n.subject_id,
      n.tasks_norm * (shareOf.get(n.period) ?? 0),
    );
  }

  const targets = new Map<string, Map<string, number>>();
  for (const t of await db.selectFrom('targets').selectAll().where('period', 'in', months).execute()) {
    const team = targets.get(t.team_id) ?? new Map<string, number>();
    addTo(team, t.metric, t.target * (shareOf.get(t.period) ?? 0));
    targets.set(t.team_id, team);
  }

  const bases = new Map<string, { base: number; currency: string }>();
  if (range.month) {
    const rows = await db.selectFrom('variable_pay').selectAll().where('period', '=', range.month).execute();
    for (const b of rows) bases.set(b.operator_id, { base: b.variable_base, currency: b.currency });
  }

  const quality = new Map<string, { micros: number; count: number; critical: number }>();
  const evals = await db
    .selectFrom('evaluations')
    .select((eb) => [
      'operator_id',
      // Summed as integers so the mean the pay rule reads is exact (a REAL sum is not): a score
      // has two decimals (docs/scoring.md), six are kept for an imported one with more.
      sql<number>`sum(cast(round(score * 1000000) as integer))`.as('micros'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('critical_failed').as('critical'),
    ])
    .where('status', 'in', COUNTED_STATUSES)
    .where('calibration', '=', 0)
    .where('score', 'is not', null)
    .where('operator_id', 'is not', null)
    .where('call_started_at', '>=', bounds.from)
    .where('call_started_at', '<', bounds.to)
    .groupBy('operator_id')
    .execute();
  for (const e of evals) {
    quality.set(e.operator_id as string, {
      micros: Number(e.micros),
      count: Number(e.count),
      critical: Number(e.critical ?? 0),
    });
  }

  // A pay month counts the claims paid in it (claim_periods); another range counts claims by
  // their decision date, as nothing is paid on it.
  const claimRows = range.month
    ? await db
        .selectFrom('claims')
        .innerJoin('claim_periods', 'claim_periods.claim_id', 'claims.claim_id')
        .select(['claims.operator_id', 'claims.source'])
        .where('claims.status', '=', 'justified')
        .where('claim_periods.period', '=', range.month)
        .execute()
    : await db
        .selectFrom('claims')
        .select(['operator_id', 'source'])
        .where('status', '=', 'justified')
        .where('decided_at', '>=', bounds.from)
        .where('decided_at', '<', bounds.to)
        .execute();
  const claims = new Map<string, { internal: number; client: number }>();
  for (const c of claimRows) {
    const k = claims.get(c.operator_id) ?? { internal: 0, client: 0 };
    if (c.source === 'internal') k.internal++;
    else if (c.source === 'client') k.client++;
    claims.set(c.operator_id, k);
  }

  const negativeAssessments = new Map<string, number>();
  const assessments = await db
    .selectFrom('assessments')
    .select((eb) => ['operator_id', eb.fn.countAll<number>().as('n')])
    .where('polarity', '=', 'negative')
    .where('assessed_at', '>=', bounds.from)
    .where('assessed_at', '<', bounds.to)
    .groupBy('operator_id')
    .execute();
  for (const a of assessments) negativeAssessments.set(a.operator_id, Number(a.n));

  return { roster, operatorNorms, teamNorms, targets, bases, quality, claims, negativeAssessments };
}
