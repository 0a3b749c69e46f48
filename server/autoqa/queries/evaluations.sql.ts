import { inLocalRange } from '../../../stores/range.sql.ts';

/**
 * The auto evaluations' queries (docs/autoqa.md, "Auto evaluations"). A call's auto evaluation
 * depends only on its form and its results of the bound checks, so the calls are grouped by that
 * pair (its `pattern`): each distinct pair is scored once, in JavaScript, and the scores land on
 * every call of the pair in one INSERT … SELECT.
 */

/**
 * The transcribed calls of a local-date range with the form that scores them now: $inbound or
 * $outbound by direction (0: no form applies).
 */
export const AUTO_CALLS_SQL = `
  CREATE OR REPLACE TEMP TABLE ae_calls AS
  SELECT t.call_id, c.operator_id,
    CASE c.direction WHEN 'inbound' THEN $inbound WHEN 'outbound' THEN $outbound ELSE 0 END::INTEGER AS form_id
  FROM transcripts t JOIN calls c USING (call_id)
  WHERE ${inLocalRange('started_at')}`;

/** Auto evaluations of the range's calls that no form applies to any more (archived, autoFor changed). */
export const DROP_UNFORMED_SQL = `
  DELETE FROM autoqa_evaluations
  WHERE call_id IN (SELECT call_id FROM ae_calls WHERE form_id = 0)`;

/**
 * The checked calls (results of version $version) whose auto evaluation is missing or names
 * another form version or rule-set version, each with its `pattern`: its results of the bound
 * checks ($keys) as a number, two bits per check in the order of $keys (0 no result, 1 pass,
 * 2 fail, 3 na). A plain sum, so grouping a million calls' twelve million results costs no
 * string building or sorting.
 */
export const AUTO_PENDING_SQL = `
  CREATE OR REPLACE TEMP TABLE ae_pending AS
  SELECT a.call_id, any_value(a.operator_id) AS operator_id, a.form_id,
    sum(CASE WHEN list_position($keys, r.check_key) > 0
      THEN (CASE r.result WHEN 'pass' THEN 1 WHEN 'fail' THEN 2 ELSE 3 END)::HUGEINT
        << (2 * (list_position($keys, r.check_key) - 1))
      ELSE 0::HUGEINT END)::VARCHAR AS pattern
  FROM ae_calls a
  JOIN autoqa_results r ON r.call_id = a.call_id AND r.rules_version = $version
  WHERE a.form_id > 0
    AND NOT EXISTS (
      SELECT 1 FROM autoqa_evaluations e
      WHERE e.call_id = a.call_id AND e.form_id = a.form_id AND e.rules_version = $version)
  GROUP BY a.call_id, a.form_id`;

/** The distinct (form, pattern) pairs to score. */
export const AUTO_PATTERNS_SQL = `
  SELECT form_id, pattern, count(*)::INTEGER AS calls FROM ae_pending GROUP BY form_id, pattern`;

/** A re-score replaces the call's row: one row per call. */
export const DROP_PENDING_SQL = `
  DELETE FROM autoqa_evaluations WHERE call_id IN (SELECT call_id FROM ae_pending)`;

/** Every pending call gets its pair's score, bound as parallel lists ($score '' is no score). */
export const INSERT_AUTO_SQL = `
  INSERT INTO autoqa_evaluations
    (call_id, operator_id, rules_version, form_id, score, critical_failed, answers, scored_at)
  SELECT p.call_id, p.operator_id, $version, p.form_id, s.score, s.critical_failed, s.answers, $now::TIMESTAMPTZ
  FROM ae_pending p
  JOIN (
    SELECT unnest($forms)::INTEGER AS form_id, unnest($patterns) AS pattern,
      nullif(unnest($scores), '')::DOUBLE AS score, unnest($criticals)::BOOLEAN AS critical_failed,
      unnest($answers) AS answers
  ) s USING (form_id, pattern)`;

/** The auto scores of a local-date range's transcribed calls. */
export const PERIOD_AUTO_SCORES_SQL = `
  SELECT e.call_id, e.score
  FROM autoqa_evaluations e JOIN calls c USING (call_id)
  WHERE ${inLocalRange('started_at')}`;

/** How many auto evaluations a form version has (an edit of it becomes a new version). */
export const FORM_AUTO_COUNT_SQL = `
  SELECT count(*)::INTEGER AS n FROM autoqa_evaluations WHERE form_id = $form`;
