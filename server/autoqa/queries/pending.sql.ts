/**
 * The local months ($tz) holding transcribed calls without results of rule-set version $version,
 * newest first, with how many: what the background job has left to check.
 */
export const PENDING_MONTHS_SQL = `
  SELECT strftime(timezone($tz, c.started_at), '%Y-%m') AS month, count(*)::INTEGER AS calls
  FROM transcripts t JOIN calls c USING (call_id)
  WHERE NOT EXISTS (SELECT 1 FROM autoqa_results r WHERE r.call_id = t.call_id AND r.rules_version = $version)
  GROUP BY month ORDER BY month DESC`;

/** How many results of version $version a catalogue change drops, and the drop itself. */
export const COUNT_VERSION_RESULTS_SQL = `SELECT count(DISTINCT call_id)::INTEGER AS calls FROM autoqa_results
  WHERE rules_version = $version`;
export const DROP_VERSION_RESULTS_SQL = 'DELETE FROM autoqa_results WHERE rules_version = $version';
