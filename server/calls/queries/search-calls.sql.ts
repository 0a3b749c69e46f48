import { inLocalRange, operatorFilter } from '../../../stores/range.sql.ts';
import { isoUtc } from './call-facts.sql.ts';

/** What `sort` may name, and the column it orders by; nothing else reaches ORDER BY. */
export const CALL_SORT_COLUMNS = {
  startedAt: 'started_at',
  talk: 'talk_s',
  operator: 'operator_id',
} as const;

/**
 * Calls of a local date range with optional filters; every filter is off when its parameter is
 * null. `order` is built from CALL_SORT_COLUMNS and asc/desc only.
 */
export const searchCallsSql = (order: string) => `
WITH hits AS (
  SELECT * FROM calls
  WHERE ${inLocalRange('started_at')}
    AND ${operatorFilter}
    AND ($operator::VARCHAR IS NULL OR operator_id = $operator)
    AND ($client::VARCHAR IS NULL OR client_id = $client)
    AND ($direction::VARCHAR IS NULL OR direction = $direction)
    AND ($task_type::VARCHAR IS NULL OR task_type = $task_type)
    AND ($disposition::VARCHAR IS NULL OR disposition = $disposition)
    -- duration bounds are on talk time: a call nobody answered has none and drops out
    AND ($min_talk::DOUBLE IS NULL OR talk_s >= $min_talk)
    AND ($max_talk::DOUBLE IS NULL OR talk_s <= $max_talk)
    AND ($has_recording::BOOLEAN IS NULL OR (recording IS NOT NULL) = $has_recording)
    -- $evaluated holds the evaluated call ids from the operational store
    AND ($has_evaluation::BOOLEAN IS NULL OR (call_id IN (SELECT unnest($evaluated))) = $has_evaluation)
    -- AutoQA under the rule set in force: the check named (or any) gave $check_result
    AND ($check_result::VARCHAR IS NULL OR call_id IN (
      SELECT call_id FROM autoqa_results
      WHERE rules_version = $rules_version AND result = $check_result
        AND ($check::VARCHAR IS NULL OR check_key = $check)))
)
SELECT call_id, operator_id, client_id, direction, disposition, task_type, outcome, queue, phone,
  talk_s, hold_s, wrap_s, transferred_to, recording,
  ${isoUtc('started_at')} AS started_at,
  ${isoUtc('queued_at')} AS queued_at,
  ${isoUtc('answered_at')} AS answered_at,
  ${isoUtc('ended_at')} AS ended_at,
  count(*) OVER () AS total
FROM hits
ORDER BY ${order}, call_id
LIMIT $limit OFFSET $offset
`;
