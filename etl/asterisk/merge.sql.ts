/**
 * Rebuilds the calls of the call ids in `touched` from both telephony sources. The queue_log
 * decides what happened to a queued call (who answered, when, for how long, abandoned or
 * transferred); the CDR gives the rest (start and end of the whole call, numbers) and is the only
 * source for calls that never queued. Operators are found through `pbx_map` (pbx_ids).
 */

/**
 * The keys of a channel or agent name (`col`) that pbx_ids may hold: the whole name, its
 * `TECH/EXT` or its `EXT` (`Local/101@from-queue/n` is also `Local/101` and `101`), lower-cased.
 */
export const nameKeys = (col: string) => `[
    lower(${col}),
    lower(regexp_extract(${col}, '^([A-Za-z0-9_]+/[^-@/]+)', 1)),
    lower(regexp_extract(${col}, '^[A-Za-z0-9_]+/([^-@/]+)', 1))
  ]`;

/**
 * The operator whose pbx_ids name each channel or agent of the touched calls: the whole name, its
 * `TECH/EXT` or its `EXT`. Each distinct name is looked up once, by a join on its three keys (a
 * lookup per row, as a subquery, was most of a big CDR's import).
 */
const OPERATOR_OF = `names AS (
  SELECT channel AS name FROM pbx_cdr WHERE call_id IN (SELECT call_id FROM touched) AND channel IS NOT NULL
  UNION SELECT dstchannel FROM pbx_cdr WHERE call_id IN (SELECT call_id FROM touched) AND dstchannel IS NOT NULL
  UNION SELECT agent FROM pbx_queue_calls WHERE call_id IN (SELECT call_id FROM touched) AND agent IS NOT NULL
),
name_keys AS (
  SELECT name, unnest(${nameKeys('name')}) AS key
  FROM names
),
operator_of AS (
  SELECT k.name, min(m.operator_id) AS operator_id
  FROM name_keys k JOIN pbx_map m ON m.key = k.key
  WHERE k.key <> ''
  GROUP BY k.name
)`;

/**
 * Dialled-side legs: the channel a Dial or a Queue rang (AppDial, AppQueue) has a CDR of its own
 * on many installations. It is the other end of a leg the caller's side already records, never
 * a call of its own (read as one, it would be an outbound call of the agent who answered).
 */
export const DIALLED_SIDE = `('APPDIAL', 'APPDIAL2', 'APPQUEUE')`;

/** The merged calls with an ANSWERED leg that no person took and no queue held: the PBX's own. */
export const PBX_ANSWERED_SQL = `SELECT count(*) FROM merged
  WHERE answered_at IS NULL AND disposition = 'no_answer' AND call_id IN (
    SELECT call_id FROM pbx_cdr WHERE disposition = 'ANSWERED' AND upper(coalesce(lastapp, '')) NOT IN ${DIALLED_SIDE}
  )`;

export const MERGE_CALLS_SQL = `
CREATE OR REPLACE TEMP TABLE merged AS
WITH ${OPERATOR_OF},
legs AS (
  SELECT c.*, upper(coalesce(c.lastapp, '')) AS app,
    src_of.operator_id AS src_operator, dst_of.operator_id AS dst_operator
  FROM pbx_cdr c
  LEFT JOIN operator_of src_of ON src_of.name = c.channel
  LEFT JOIN operator_of dst_of ON dst_of.name = c.dstchannel
  WHERE c.call_id IN (SELECT call_id FROM touched) AND upper(coalesce(c.lastapp, '')) NOT IN ${DIALLED_SIDE}
),
judged AS (
  -- handled: a person took it (a Queue or Dial bridged to a channel); an ANSWERED leg of any
  -- other application (IVR, Playback, VoiceMail, ConfBridge, Hangup …) was answered by the PBX
  SELECT *, disposition = 'ANSWERED' AND app IN ('DIAL', 'QUEUE') AND dstchannel IS NOT NULL AS handled,
    coalesce(answer_at, start_at) AS answered_key
  FROM legs
),
-- The legs of one call folded: the earliest start, the last end, answered when a leg was handled
-- (the first such leg is the answering one: its answer time, billsec and operator)
cdr AS (
  SELECT call_id,
    arg_min(src, start_at) AS src, arg_min(dst, start_at) AS dst, arg_min(dcontext, start_at) AS dcontext,
    min(start_at) AS start_at, max(coalesce(end_at, start_at)) AS cdr_end_at,
    bool_or(handled) AS handled,
    min(answer_at) FILTER (WHERE handled) AS answer_at,
    arg_min(billsec, answered_key) FILTER (WHERE handled) AS billsec,
    arg_min(dst_operator, answered_key) FILTER (WHERE handled) AS answering_dst_operator,
    arg_min(src_operator, answered_key) FILTER (WHERE handled) AS answering_src_operator,
    arg_min(dst_operator, start_at) FILTER (WHERE dst_operator IS NOT NULL) AS rung_operator,
    arg_min(src_operator, start_at) FILTER (WHERE src_operator IS NOT NULL) AS dialling_operator,
    bool_or(dst_operator IS NOT NULL) AS to_operator,
    arg_min(dcontext, start_at) = 'from-internal' OR bool_or(src_operator IS NOT NULL) AS from_operator,
    bool_or(app = 'QUEUE') AS via_queue,
    arg_min(split_part(lastdata, ',', 1), start_at) FILTER (WHERE app = 'QUEUE') AS cdr_queue,
    bool_or(disposition = 'ANSWERED') AS pbx_answered,
    bool_or(disposition = 'NO ANSWER') AS rang,
    bool_or(disposition = 'BUSY') AS busy
  FROM judged GROUP BY call_id
),
q AS (
  SELECT q.call_id, q.queue, q.caller, q.enter_at, q.connect_at, q.agent, q.wait_s, q.calltime_s, q.end_event,
    q.end_at AS q_end_at, q.transferred_to, q.first_at, q.direction AS q_direction,
    agent_of.operator_id AS agent_operator
  FROM pbx_queue_calls q
  LEFT JOIN operator_of agent_of ON agent_of.name = q.agent
  WHERE q.call_id IN (SELECT call_id FROM touched)
),
m AS (
  SELECT coalesce(cdr.call_id, q.call_id) AS call_id, cdr.* EXCLUDE (call_id), q.* EXCLUDE (call_id),
    q.call_id IS NOT NULL AS queued,
    cdr.call_id IS NOT NULL AS has_cdr,
    CASE
      WHEN q.call_id IS NOT NULL THEN q.q_direction
      WHEN cdr.to_operator THEN 'inbound'
      WHEN cdr.from_operator THEN 'outbound'
      ELSE 'inbound'
    END AS dir
  FROM cdr FULL OUTER JOIN q ON q.call_id = cdr.call_id
)
SELECT call_id,
  coalesce(start_at, enter_at, first_at) AS started_at,
  enter_at AS queued_at,
  CASE WHEN queued THEN connect_at WHEN handled THEN answer_at END AS answered_at,
  coalesce(cdr_end_at, q_end_at) AS ended_at,
  dir AS direction,
  CASE
    WHEN queued THEN agent_operator
    WHEN dir = 'inbound' THEN coalesce(answering_dst_operator, CASE WHEN NOT handled THEN rung_operator END)
    ELSE coalesce(answering_src_operator, dialling_operator)
  END AS operator_id,
  NULL::VARCHAR AS client_id,
  CASE WHEN dir = 'outbound' THEN coalesce(dst, caller) ELSE coalesce(src, caller) END AS phone,
  coalesce(queue, cdr_queue) AS queue,
  CASE
    WHEN queued AND connect_at IS NOT NULL THEN 'answered'
    WHEN queued AND end_event = 'OUTCANCEL' THEN 'no_answer'
    WHEN queued AND end_event IN ('OUTCHANUNAVAIL', 'OUTCONGESTION') THEN 'failed'
    WHEN queued AND dir = 'inbound' THEN 'abandoned'
    WHEN handled THEN 'answered'
    -- the Queue application answers the line itself: a caller who left it unanswered gave up
    WHEN via_queue AND pbx_answered THEN 'abandoned'
    -- answered by the PBX alone (IVR, voicemail …) or rung unanswered: no one took it
    WHEN rang OR pbx_answered THEN 'no_answer'
    WHEN busy THEN 'busy'
    ELSE 'failed'
  END AS disposition,
  NULL::VARCHAR AS task_type,
  CASE
    WHEN end_event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'OUTTRANSFER') THEN 'transferred'
    WHEN queued AND connect_at IS NOT NULL THEN 'completed'
    WHEN NOT queued AND handled THEN 'completed'
  END AS outcome,
  -- a queued call whose queue_log end was lost is over by its CDR (written at hang-up)
  CASE
    WHEN queued THEN coalesce(calltime_s, CASE WHEN end_event IS NULL THEN date_diff('second', connect_at, cdr_end_at) END)
    WHEN handled THEN billsec
  END::DOUBLE AS talk_s,
  NULL::DOUBLE AS hold_s,
  NULL::DOUBLE AS wrap_s,
  transferred_to,
  -- userfield means something else on every installation: no recording is guessed from it
  NULL::VARCHAR AS recording
FROM m
-- a queued call not over yet (no ending event, no CDR, which is written at hangup) waits for the
-- file that ends it
WHERE NOT (queued AND end_event IS NULL AND NOT has_cdr)`;

/**
 * Replaces the touched calls with the merged ones. What the PBX cannot know (client, task type,
 * hold and wrap-up, recording) is kept from a canonical import of the same call.
 */
export const REPLACE_CALLS_SQL = [
  `CREATE OR REPLACE TEMP TABLE replaced AS
   SELECT n.* REPLACE (
     coalesce(n.client_id, o.client_id) AS client_id,
     coalesce(n.task_type, o.task_type) AS task_type,
     coalesce(n.hold_s, o.hold_s) AS hold_s,
     coalesce(n.wrap_s, o.wrap_s) AS wrap_s,
     coalesce(n.recording, o.recording) AS recording)
   FROM merged n LEFT JOIN calls o ON o.call_id = n.call_id`,
  `DELETE FROM calls WHERE call_id IN (SELECT call_id FROM merged)`,
  `INSERT INTO calls BY NAME SELECT *, $importId AS import_id FROM replaced`,
];
