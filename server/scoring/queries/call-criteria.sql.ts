import { inLocalRange } from '../../../stores/range.sql.ts';

/**
 * Per operator, the call criteria of docs/scoring.md: handled calls, completed tasks, AHT, and the
 * operator's own speed of answer. An answered call with no outcome counts as completed.
 * Plain sums over CASE (rather than FILTER clauses) let DuckDB evaluate each row once; the wait
 * is taken in microseconds, which is an integer subtraction instead of two epoch conversions.
 */
export const CALL_CRITERIA_SQL = `
SELECT operator_id,
  count(answered_at) AS handled,
  sum(CASE WHEN answered_at IS NOT NULL
        AND (outcome IS NULL OR outcome = 'completed' OR outcome = 'transferred') THEN 1 ELSE 0 END) AS tasks,
  sum(CASE WHEN answered_at IS NOT NULL THEN coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0) END)
    / nullif(count(answered_at), 0) AS aht_s,
  -- a direct inbound call has no queue entry: its wait starts when it rang
  avg(CASE WHEN direction = 'inbound'
        THEN (epoch_us(answered_at) - epoch_us(coalesce(queued_at, started_at))) / 1e6 END) AS asa_s
FROM calls
WHERE ${inLocalRange('started_at')}
  AND operator_id IS NOT NULL
GROUP BY operator_id
`;

/**
 * Per operator, AutoQA's criteria over his handled calls of the range: those with a transcript
 * (autoCoverage's numerator), and those with a scored auto evaluation, their scores summed in
 * millionths as integers so that the mean the pay rule reads is exact (autoQualityScore).
 */
export const AUTO_CRITERIA_SQL = `
SELECT c.operator_id,
  count(t.call_id) AS transcribed,
  count(e.score) AS auto_evaluations,
  sum(round(e.score * 1000000)::BIGINT) AS auto_micros
FROM calls c
LEFT JOIN transcripts t ON t.call_id = c.call_id
LEFT JOIN autoqa_evaluations e ON e.call_id = c.call_id
WHERE ${inLocalRange('started_at')}
  AND c.operator_id IS NOT NULL
  AND c.answered_at IS NOT NULL
GROUP BY c.operator_id
`;

/**
 * The blend's AutoQA part (docs/scoring.md, "Quality source"): per operator, the auto scores of
 * his handled calls of the range that the monitors did not evaluate ($evaluated: their call ids),
 * summed in millionths, and how many.
 */
export const BLEND_AUTO_SQL = `
SELECT c.operator_id,
  count(e.score) AS calls,
  sum(round(e.score * 1000000)::BIGINT) AS micros
FROM calls c
JOIN autoqa_evaluations e ON e.call_id = c.call_id
WHERE ${inLocalRange('started_at')}
  AND c.operator_id IS NOT NULL
  AND c.answered_at IS NOT NULL
  AND e.score IS NOT NULL
  AND c.call_id NOT IN (SELECT unnest($evaluated))
GROUP BY c.operator_id
`;
