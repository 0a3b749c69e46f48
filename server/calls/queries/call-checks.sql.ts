/**
 * The AutoQA checks each of the calls $ids failed under rule-set version $version; a call without
 * a row has not been checked under it.
 */
export const FAILED_CHECKS_SQL = `
  SELECT call_id, list(check_key) FILTER (WHERE result = 'fail') AS failed
  FROM autoqa_results
  WHERE rules_version = $version AND list_contains($ids, call_id)
  GROUP BY call_id`;
