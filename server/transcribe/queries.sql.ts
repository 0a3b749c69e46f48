import { inLocalRange } from '../../stores/range.sql.ts';

/**
 * The answered calls of the local month [$from, $to) in $tz with a recording and no transcript, in
 * the order they happened: what a run has left to do. A failed call is among them again.
 * `call_s` is how long the call lasted by its times (null when it lacks one).
 */
export const PENDING_CALLS_SQL = `
  SELECT c.call_id, c.recording,
    CASE WHEN c.ended_at IS NOT NULL THEN epoch(c.ended_at) - epoch(c.started_at) END AS call_s
  FROM calls c
  WHERE c.disposition = 'answered' AND coalesce(c.recording, '') <> ''
    AND ${inLocalRange('started_at')}
    AND NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.call_id)
  ORDER BY c.started_at, c.call_id`;

export const CLEAR_FAILURE_SQL = 'DELETE FROM transcribe_failures WHERE call_id = $call';
export const RECORD_FAILURE_SQL = `INSERT INTO transcribe_failures (call_id, engine, reason, failed_at)
  VALUES ($call, $engine, $reason, now())`;
/** Failures whose call now has a transcript are over. */
export const CLEAR_DONE_FAILURES_SQL = `DELETE FROM transcribe_failures f
  WHERE EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = f.call_id)`;
export const FAILURES_SQL = `SELECT call_id, engine, reason, failed_at::VARCHAR AS failed_at
  FROM transcribe_failures ORDER BY call_id`;

/**
 * The stored failures with their call's local date and recording, for the administrators' list:
 * those of the local month [$from, $to) in $tz, or every one when $all.
 */
export const FAILURES_VIEW_SQL = `
  SELECT f.call_id, strftime(timezone($tz, c.started_at), '%Y-%m-%d') AS date, c.recording,
    f.engine, f.reason, strftime(timezone('UTC', f.failed_at), '%Y-%m-%dT%H:%M:%SZ') AS failed_at
  FROM transcribe_failures f LEFT JOIN calls c USING (call_id)
  WHERE $all OR (c.started_at >= timezone($tz, $from::DATE::TIMESTAMP)
    AND c.started_at < timezone($tz, $to::DATE::TIMESTAMP))
  ORDER BY c.started_at NULLS LAST, f.call_id`;
