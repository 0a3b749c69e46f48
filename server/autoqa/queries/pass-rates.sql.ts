import { inLocalRange, operatorFilter } from '../../../stores/range.sql.ts';

/**
 * Results of rule-set version $version over the calls of a local-date range, counted per operator,
 * check and result. Calls of no operator are left out: the checks are of what an operator says.
 */
export const PASS_RATES_SQL = `
  SELECT c.operator_id, r.check_key, r.result, count(*) AS n
  FROM autoqa_results r
  JOIN calls c USING (call_id)
  WHERE r.rules_version = $version
    AND ${inLocalRange('started_at')}
    AND ${operatorFilter}
    AND c.operator_id IS NOT NULL
  GROUP BY ALL`;
