import { inLocalRange } from '../../../stores/range.sql.ts';

/** Stores one check's rows for the batch: `check` is one of checks.sql.ts's queries. */
export const insertResultsSql = (check: string) => `
  INSERT INTO autoqa_results (call_id, check_key, rules_version, result, evidence, checked_at)
  SELECT call_id, $key, $version, result, evidence::VARCHAR, $now::TIMESTAMPTZ FROM (${check})`;

/** The results of rule-set version $version for the transcribed calls of a local-date range. */
export const PERIOD_RESULTS_SQL = `
  SELECT t.call_id, c.operator_id, t.language, r.check_key, r.result
  FROM transcripts t
  JOIN calls c USING (call_id)
  LEFT JOIN autoqa_results r ON r.call_id = t.call_id AND r.rules_version = $version
  WHERE ${inLocalRange('started_at')}
  ORDER BY c.started_at, t.call_id`;

/** One call's results of rule-set version $version, with evidence. */
export const CALL_RESULTS_SQL = `
  SELECT t.language, r.check_key, r.result, r.evidence, r.checked_at::VARCHAR AS checked_at
  FROM transcripts t
  LEFT JOIN autoqa_results r ON r.call_id = t.call_id AND r.rules_version = $version
  WHERE t.call_id = $id`;

/** Several calls' results of rule-set version $version, by call id ($ids), with their language. */
export const CALLS_RESULTS_SQL = `
  SELECT t.call_id, t.language, r.check_key, r.result
  FROM transcripts t
  JOIN autoqa_results r ON r.call_id = t.call_id AND r.rules_version = $version
  WHERE t.call_id IN (SELECT unnest($ids))`;
