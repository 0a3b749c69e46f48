import { inLocalRange } from '../../stores/range.sql.ts';

/**
 * Per operator, the call criteria of SCORING.md: handled calls, completed tasks, AHT, and the
 * operator's own speed of answer. An answered call with no outcome counts as completed.
 */
export const CALL_CRITERIA_SQL = `
SELECT operator_id,
  count(answered_at) AS handled,
  count(*) FILTER (
    WHERE answered_at IS NOT NULL AND coalesce(outcome, 'completed') IN ('completed', 'transferred')
  ) AS tasks,
  avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0))
    FILTER (WHERE answered_at IS NOT NULL) AS aht_s,
  -- a direct inbound call has no queue entry: its wait starts when it rang
  avg(epoch(answered_at) - epoch(coalesce(queued_at, started_at)))
    FILTER (WHERE direction = 'inbound' AND answered_at IS NOT NULL) AS asa_s
FROM calls
WHERE ${inLocalRange('started_at')}
  AND operator_id IS NOT NULL
GROUP BY operator_id
`;
