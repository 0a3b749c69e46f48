import type { OperatorQuality } from '../../schemas/evaluations.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { Scope } from '../context.ts';
import { periodInstants } from '../periods/period.ts';
import { operatorsByName } from '../roster/roster.repository.ts';
import { countedScores } from './quality.repository.ts';
import { mean, meanInterval95, round2, sampleSd } from './stats.ts';

/** Scores of counted evaluations (docs/scoring.md: qualityScore) per operator in a local month. */
export async function scoresByOperator(
  db: Db,
  period: string,
  timeZone: string,
  operatorIds: readonly string[] | null,
): Promise<Map<string, { scores: number[]; critical: number }>> {
  const range = periodInstants(monthRange(period), timeZone);
  const rows = await countedScores(db, range, operatorIds);
  const by = new Map<string, { scores: number[]; critical: number }>();
  for (const r of rows) {
    if (r.operator_id === null) continue;
    const id = r.operator_id;
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
  const roster = await operatorsByName(db, { operatorIds: scope.operatorIds, team });
  const scores = await scoresByOperator(db, period, timeZone, scope.operatorIds);
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
