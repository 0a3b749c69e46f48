import { LIST, VARCHAR } from '@duckdb/node-api';
import { sql } from 'kysely';
import { COUNTED_STATUSES } from '../../schemas/evaluations.ts';
import type { Period } from '../../schemas/period.ts';
import { num, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { periodInstants } from '../periods/period.ts';
import { add, div, type Ratio, ratio, ZERO } from './exact.ts';
import { BLEND_AUTO_SQL } from './queries/call-criteria.sql.ts';

/**
 * The blended quality score of docs/scoring.md ("Quality source"), per operator: over his calls
 * of the range that have a score, each call's monitors' score where it has counted evaluations
 * (their mean), else its auto evaluation's, averaged over the calls. Exact: each call's mean is
 * a ratio of integers (scores in millionths), and so is their mean.
 */
export async function blendedQuality(stores: Stores, range: Period, tz: string): Promise<Map<string, Ratio>> {
  const bounds = periodInstants(range, tz);
  // The calls the monitors evaluated (the evaluations qualityScore counts), grouped by call.
  const human = await stores.db
    .selectFrom('evaluations')
    .select((eb) => [
      'operator_id',
      'call_id',
      sql<number>`sum(cast(round(score * 1000000) as integer))`.as('micros'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('status', 'in', COUNTED_STATUSES)
    .where('calibration', '=', 0)
    .where('score', 'is not', null)
    .where('operator_id', 'is not', null)
    .where('call_started_at', '>=', bounds.from)
    .where('call_started_at', '<', bounds.to)
    .groupBy(['operator_id', 'call_id'])
    .execute();
  const sums = new Map<string, { sum: Ratio; calls: number }>();
  const addCall = (operatorId: string, score: Ratio, calls = 1) => {
    const s = sums.get(operatorId) ?? { sum: ZERO, calls: 0 };
    sums.set(operatorId, { sum: add(s.sum, score), calls: s.calls + calls });
  };
  for (const h of human) addCall(String(h.operator_id), ratio(Number(h.micros), Number(h.count) * 1_000_000));
  // The other calls' auto scores, summed per operator in DuckDB (a month may hold millions).
  const auto = await stores.analytics.rows(
    BLEND_AUTO_SQL,
    { tz, from: range.from, to: range.to, evaluated: textList(human.map((h) => h.call_id)) },
    { evaluated: LIST(VARCHAR) },
  );
  for (const a of auto)
    addCall(String(a.operator_id), ratio(BigInt(String(a.micros ?? 0)), 1_000_000), num(a.calls));
  const out = new Map<string, Ratio>();
  for (const [id, s] of sums) if (s.calls > 0) out.set(id, div(s.sum, ratio(s.calls)));
  return out;
}
