import { inLocalRange } from '../../../stores/range.sql.ts';
import { isoUtc } from '../../calls/queries/call-facts.sql.ts';

/**
 * Calls a sampling rule may give for a window of local dates [$from, $to): handled, recorded, at
 * least 30 s of talk (as the proposed sample), of the operators in $ops, matching the rule's filter:
 * task types ($types, empty: any), talk range ($talk_min, $talk_max; -1: open), an AutoQA check
 * failed under rule-set version $version ($check, '' for none), a claim ($claimed_only: the call
 * in $claimed_calls or its operator in $claimed_ops). Ordered per operator by md5 of the call id
 * and the rule: a stable pseudo-random order, the same on any machine.
 */
export const SAMPLING_CANDIDATES_SQL = `
SELECT call_id, operator_id, ${isoUtc('started_at')} AS started_at,
  md5(call_id || '|rule|' || $rule) AS draw
FROM calls
WHERE ${inLocalRange('started_at')}
  AND list_contains($ops, operator_id)
  AND answered_at IS NOT NULL
  AND recording IS NOT NULL
  AND talk_s >= 30
  AND (len($types) = 0 OR list_contains($types, task_type))
  AND ($talk_min < 0 OR talk_s >= $talk_min)
  AND ($talk_max < 0 OR talk_s <= $talk_max)
  AND (NOT $claimed_only OR list_contains($claimed_calls, call_id) OR list_contains($claimed_ops, operator_id))
  AND ($check = '' OR call_id IN (
    SELECT r.call_id FROM autoqa_results r
    WHERE r.rules_version = $version AND r.check_key = $check AND r.result = 'fail'
  ))
ORDER BY operator_id, draw
`;
