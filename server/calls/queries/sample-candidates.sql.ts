import { inLocalRange, operatorFilter } from '../../../stores/range.sql.ts';
import { isoUtc } from './call-facts.sql.ts';

/**
 * Calls that may be sampled (docs/scoring.md, "Sampling"): handled, recorded, at least 30 s of talk.
 * A targeted sample (docs/autoqa.md, "Pass rates and sampling") marks the calls that failed, under
 * rule-set version $version, one of the checks targeted for their direction ($inbound_checks,
 * $outbound_checks; both empty for an untargeted sample) and lists those checks.
 * Within each operator and task type they are ranked targeted first, claimed next, then by md5
 * of the call id and the seed: a stable pseudo-random order, the same for the same seed on any
 * machine. Only the first $k of each group can be drawn, so only those leave the database.
 */
export const SAMPLE_CANDIDATES_SQL = `
WITH c AS (
  SELECT call_id, operator_id, task_type, talk_s, started_at, direction,
    call_id IN (SELECT unnest($claimed)) AS claimed,
    md5(call_id || '|' || $seed) AS draw
  FROM calls
  WHERE ${inLocalRange('started_at')}
    AND ${operatorFilter}
    AND operator_id IS NOT NULL
    AND answered_at IS NOT NULL
    AND recording IS NOT NULL
    AND talk_s >= 30
),
failed AS (
  SELECT r.call_id, list(r.check_key) AS checks
  FROM autoqa_results r
  JOIN c USING (call_id)
  WHERE r.rules_version = $version AND r.result = 'fail'
    AND list_contains(
      CASE c.direction WHEN 'inbound' THEN $inbound_checks WHEN 'outbound' THEN $outbound_checks
        ELSE []::VARCHAR[] END,
      r.check_key)
  GROUP BY r.call_id
)
SELECT c.call_id, operator_id, task_type, talk_s, ${isoUtc('started_at')} AS started_at, claimed, draw,
  coalesce(f.checks, []::VARCHAR[]) AS failed_checks,
  f.call_id IS NOT NULL AS targeted,
  count(*) OVER (PARTITION BY operator_id) AS available,
  row_number() OVER (
    PARTITION BY operator_id, coalesce(task_type, '') ORDER BY f.call_id IS NOT NULL DESC, claimed DESC, draw
  ) AS rank
FROM c
LEFT JOIN failed f ON f.call_id = c.call_id
QUALIFY rank <= $k
ORDER BY operator_id, task_type, rank
`;
