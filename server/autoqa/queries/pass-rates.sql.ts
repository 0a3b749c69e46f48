import { inLocalRange } from '../../../stores/range.sql.ts';

/**
 * Results of rule-set version $version over the calls of a local-date range, counted per operator,
 * check and result. Calls of no operator are left out: the checks are of what an operator says.
 * The operators $ops (unless $all) are a semi-join rather than `list_contains` per row: a third
 * less time over a million calls' twelve million results.
 */
export const PASS_RATES_SQL = `
  SELECT c.operator_id, r.check_key, r.result, count(*) AS n
  FROM autoqa_results r
  JOIN calls c USING (call_id)
  WHERE r.rules_version = $version
    AND ${inLocalRange('started_at')}
    AND ($all OR c.operator_id IN (SELECT unnest($ops)))
    AND c.operator_id IS NOT NULL
  GROUP BY ALL`;
