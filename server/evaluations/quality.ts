import { COUNTED_STATUSES, type OperatorQuality } from '../../schemas/evaluations.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { Scope } from '../context.ts';
import { periodInstants } from '../periods/period.ts';
import { mean, meanInterval95, round2, sampleSd } from './stats.ts';

/** Scores of counted evaluations (docs/scoring.md: qualityScore) per operator in a local month. */
export async function countedScores(
  db: Db,
  period: string,
  timeZone: string,
  operatorIds: readonly string[] | null,
): Promise<Map<string, { scores: number[]; critical: number }>> {
  const range = periodInstants(monthRange(period), timeZone);
  const rows = await db
    .selectFrom('evaluations')
    .select(['operator_id', 'score', 'critical_failed'])
    .where('status', 'in', [...COUNTED_STATUSES])
    .where('calibration', '=', 0)
    .where('score', 'is not', null)
    .where('operator_id', 'is not', null)
    .where('call_started_at', '>=', range.from)
    .where('call_started_at', '<', range.to)
    .$if(operatorIds !== null, (q) => q.where('operator_id', 'in', [...(operatorIds ?? []), '']))
    .execute();
  const by = new Map<string, { scores: number[]; critical: number }>();
  for (const r of rows) {
    const id = r.operator_id as string;
    const e = by.get(id) ?? { scores: [], critical: 0 };
    e.scores.push(r.score as number);
    e.critical += r.critical_failed;
    by.set(id, e);
  }
  return by;
}

/** Each operator's quality in the period: count, mean, spread and the 95% interval of the mean. */
export async function operatorQuality(
  db: Db,
  period: string,
  timeZone: string,
  scope: Scope,
  team: string | null,
): Promise<OperatorQuality[]> {
  const roster = await db
    .selectFrom('operators')
    .select(['operator_id', 'name', 'team_id'])
    .$if(scope.operatorIds !== null, (q) => q.where('operator_id', 'in', [...(scope.operatorIds ?? []), '']))
    .$if(team !== null, (q) => q.where('team_id', '=', team ?? ''))
    .orderBy('name')
    .execute();
  const scores = await countedScores(db, period, timeZone, scope.operatorIds);
  return roster.map((o): OperatorQuality => {
    const s = scores.get(o.operator_id);
    const xs = s?.scores ?? [];
    const m = mean(xs);
    const sd = sampleSd(xs);
    const ci = meanInterval95(xs);
    return {
      operatorId: o.operator_id,
      name: o.name,
      teamId: o.team_id,
      n: xs.length,
      mean: m === null ? null : round2(m),
      sd: sd === null ? null : round2(sd),
      ci95: ci && { low: round2(Math.max(0, ci.low)), high: round2(Math.min(100, ci.high)) },
      criticalFailures: s?.critical ?? 0,
    };
  });
}
