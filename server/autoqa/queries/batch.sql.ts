import { inLocalRange } from '../../../stores/range.sql.ts';

/**
 * The transcribed calls of a local-date range ($from, $to exclusive, in $tz) that have no results
 * of rule-set version $version yet, in batches of $size calls: a run checks them a batch at a time.
 * Batches follow the call ids, so a batch's segments sit in few row groups (the file is loaded in
 * call order) and the scan of the others is skipped.
 */
export const PENDING_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_pending AS
  SELECT t.call_id, ((row_number() OVER (ORDER BY t.call_id) - 1) // $size)::INTEGER AS batch
  FROM transcripts t JOIN calls c USING (call_id)
  WHERE ${inLocalRange('started_at')}
    AND NOT EXISTS (SELECT 1 FROM autoqa_results r WHERE r.call_id = t.call_id AND r.rules_version = $version)`;

/**
 * The pending calls' numbers (autoqa_call_numbers, what the kept places are keyed by): the calls
 * without one get the next, in call-id order, so that a batch's calls hold a run of numbers; then
 * each pending call with its number.
 */
export const NUMBER_PENDING_SQL = [
  `INSERT INTO autoqa_call_numbers (call_no, call_id)
  SELECT ((SELECT coalesce(max(call_no), 0) FROM autoqa_call_numbers) + row_number() OVER (ORDER BY call_id))::INTEGER,
    call_id
  FROM aq_pending ANTI JOIN autoqa_call_numbers USING (call_id)`,
  `CREATE OR REPLACE TEMP TABLE aq_pending AS
  SELECT p.call_id, p.batch, n.call_no FROM aq_pending p JOIN autoqa_call_numbers n USING (call_id)`,
] as const;

/**
 * Each batch's size, first and last call id (its segments lie between them) and lowest and
 * highest call number (its kept places lie between them).
 */
export const PENDING_BATCHES_SQL = `
  SELECT batch, count(*)::INTEGER AS calls, min(call_id) AS lo, max(call_id) AS hi, min(call_no) AS no_lo,
    max(call_no) AS no_hi
  FROM aq_pending GROUP BY batch ORDER BY batch`;

/**
 * The batch's calls, with what the checks need beside the words: the client's type, the call's
 * local date (promotions), the debt at the call's time (the client's latest snapshot at or before
 * it shows overdue debt or a balance over the limit), and whether the rule set has phrases in the
 * call's language ($langs). `ck` numbers the calls from 1 in call-id order: the batch's other tables
 * key a call by it, an integer being cheaper to join, group and sort by than the id's text.
 */
export const BATCH_CALLS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_calls AS
  SELECT (row_number() OVER (ORDER BY t.call_id))::INTEGER AS ck, t.call_id, p.call_no, t.language, c.operator_id,
    c.client_id, cl.type AS client_type,
    timezone($tz, c.started_at)::DATE AS call_date,
    coalesce(d.overdue_amount > 0 OR d.balance > d.credit_limit, false) AS has_debt,
    list_contains($langs, t.language) AS covered
  FROM aq_pending p
  JOIN transcripts t USING (call_id)
  JOIN calls c USING (call_id)
  LEFT JOIN clients cl ON cl.client_id = c.client_id
  ASOF LEFT JOIN debts d ON d.client_id = c.client_id AND d.as_of <= c.started_at
  WHERE p.batch = $batch`;

/**
 * The batch's segments ($lo to $hi: its first and last call id): what the timeline and the phrase
 * places read. Their words are read only by a search (hits.sql.ts, TOKENS_SQL).
 */
export const BATCH_SEGMENTS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_segs AS
  SELECT c.ck, s.seq, s.speaker, s.start_s, s.end_s
  FROM transcript_segments s JOIN aq_calls c USING (call_id)
  -- Redundant with the join, but lets the scan skip the row groups of other batches' calls.
  WHERE s.call_id BETWEEN $lo AND $hi`;

/**
 * The batch's calls without a kept timeline (autoqa_timelines; $lo to $hi: the batch's lowest and
 * highest call number): the calls a run checks for the first time, or whose transcript was
 * replaced.
 */
export const UNTIMED_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_untimed AS
  SELECT c.ck, c.call_no FROM aq_calls c
  ANTI JOIN (SELECT call_no FROM autoqa_timelines WHERE call_no BETWEEN $lo AND $hi) t USING (call_no)`;

/**
 * Each untimed call's timeline, kept: one pass over its segments in time order: the agent's span
 * of speech (the windows of the opening and closing checks; none without agent speech), whether
 * both sides are labelled and the segments timed, the longest stretch no segment covers
 * (dead-air: each segment's start against the latest end of the segments before it, by start then
 * number; of two as long, the earlier), and the agent's segments that start while a client's
 * segment that started strictly earlier is still going on (talk-over: the latest end of those
 * client segments, the ties in start left out of the frame). No rule changes it, so a re-check
 * reads it instead of ordering the segments again (two windows over every segment: most of what a
 * re-check spent on the timeline).
 */
export const KEEP_TIMELINES_SQL = `
  INSERT INTO autoqa_timelines (call_no, first_s, last_e, labelled, timed, gap, gap_from, gap_to, talk_n, talk_evs)
  SELECT u.call_no, t.* EXCLUDE (ck) FROM (
    WITH w AS (
      SELECT ck, seq, speaker = 'agent' AS agent, speaker = 'customer' AS client, start_s, end_s,
        max(end_s) OVER (PARTITION BY ck ORDER BY start_s, seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to,
        max(CASE WHEN speaker = 'customer' THEN end_s END) OVER (PARTITION BY ck ORDER BY start_s
          RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP) AS client_to
      FROM aq_segs WHERE ck IN (SELECT ck FROM aq_untimed)
    )
    SELECT ck, min(start_s) FILTER (agent) AS first_s, max(end_s) FILTER (agent) AS last_e,
      bool_or(agent) AND bool_or(client) AS labelled, max(end_s) > 0 AS timed,
      max(start_s - covered_to) AS gap,
      -- Of two stretches as long, the earlier.
      arg_max(covered_to, (start_s - covered_to, -start_s, -seq)) FILTER (covered_to IS NOT NULL) AS gap_from,
      arg_max(start_s, (start_s - covered_to, -start_s, -seq)) FILTER (covered_to IS NOT NULL) AS gap_to,
      count(*) FILTER (agent AND client_to > start_s) AS talk_n,
      -- Sorted as a whole (by start, then number), not by an aggregate's ORDER BY: a sort per call.
      list_transform(list_sort(list({'k': start_s, 'seq': seq, 'ev': {'seq': seq, 'startS': start_s, 'endS': end_s}})
        FILTER (agent AND client_to > start_s)), lambda x: x.ev) AS talk_evs
    FROM w GROUP BY ck
  ) t JOIN aq_untimed u USING (ck)`;

/** The batch's timelines ($lo to $hi: its lowest and highest call number), keyed by `ck`. */
export const TIMELINE_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_time AS
  SELECT c.ck, t.* EXCLUDE (call_no)
  FROM autoqa_timelines t JOIN aq_calls c ON c.call_no = t.call_no
  WHERE t.call_no BETWEEN $lo AND $hi`;

/** The calls with agent speech and his span: what the phrase checks read. */
export const AGENT_SPANS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_agent AS
  SELECT ck, first_s, last_e FROM aq_time WHERE first_s IS NOT NULL`;
