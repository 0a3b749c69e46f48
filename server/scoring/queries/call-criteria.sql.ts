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
