/** Instants leave DuckDB as ISO text in UTC with milliseconds, the form SQLite rows keep them in. */
export const isoUtc = (column: string) => `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')`;

/** One call's own facts. */
export const CALL_FACTS_SQL = `
SELECT call_id, operator_id, client_id, direction, disposition, task_type, outcome, queue, phone,
  talk_s, hold_s, wrap_s, transferred_to, recording,
  ${isoUtc('started_at')} AS started_at,
  ${isoUtc('queued_at')} AS queued_at,
  ${isoUtc('answered_at')} AS answered_at,
  ${isoUtc('ended_at')} AS ended_at
FROM calls
WHERE call_id = $id
LIMIT 1
`;

/** Whether a PBX file brought the call: its CDR legs or queue_log events are kept. */
export const CALL_FROM_PBX_SQL = `
SELECT EXISTS (SELECT 1 FROM pbx_cdr WHERE call_id = $id)
  OR EXISTS (SELECT 1 FROM pbx_queue_calls WHERE call_id = $id) AS from_pbx
`;
