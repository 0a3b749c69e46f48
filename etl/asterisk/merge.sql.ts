/**
 * Rebuilds the calls of the call ids in `touched` from both telephony sources. The queue_log
 * decides what happened to a queued call (who answered, when, for how long, abandoned or
 * transferred); the CDR gives the rest (start and end of the whole call, numbers) and is the only
 * source for calls that never queued. Operators are found through `pbx_map` (pbx_ids).
 */

/** The operator whose pbx_ids name this channel or agent: whole name, `TECH/EXT`, or `EXT`. */
const operatorOf = (expr: string, alias: string) => `(
  SELECT min(m.operator_id) FROM pbx_map m
  WHERE m.key IN (
    lower(${expr}),
    lower(regexp_extract(${expr}, '^([A-Za-z0-9_]+/[^-@/]+)', 1)),
    lower(regexp_extract(${expr}, '^[A-Za-z0-9_]+/([^-@/]+)', 1))
  )
) AS ${alias}`;

export const MERGE_CALLS_SQL = `
CREATE OR REPLACE TEMP TABLE merged AS
WITH cdr AS (
  SELECT c.call_id, c.src, c.dst, c.dcontext, c.channel, c.dstchannel, c.lastapp, c.lastdata, c.start_at,
    c.answer_at, c.end_at AS cdr_end_at, c.billsec, c.disposition,
    ${operatorOf('c.channel', 'src_operator')}, ${operatorOf('c.dstchannel', 'dst_operator')}
  FROM pbx_cdr c WHERE c.call_id IN (SELECT call_id FROM touched)
),
q AS (
  SELECT q.call_id, q.queue, q.caller, q.enter_at, q.connect_at, q.agent, q.wait_s, q.calltime_s, q.end_event,
    q.end_at AS q_end_at, q.transferred_to, ${operatorOf('q.agent', 'agent_operator')}
  FROM pbx_queue_calls q WHERE q.call_id IN (SELECT call_id FROM touched)
),
m AS (
  SELECT coalesce(cdr.call_id, q.call_id) AS call_id, cdr.* EXCLUDE (call_id), q.* EXCLUDE (call_id),
    q.call_id IS NOT NULL AS queued,
    -- the Queue application answers the line itself: an ANSWERED CDR with no one on the other
    -- side is a caller who gave up waiting
    cdr.lastapp = 'Queue' AND cdr.dstchannel IS NULL AS queue_gave_up,
    CASE
      WHEN q.call_id IS NOT NULL OR cdr.dst_operator IS NOT NULL THEN 'inbound'
      WHEN cdr.src_operator IS NOT NULL OR cdr.dcontext = 'from-internal' THEN 'outbound'
      ELSE 'inbound'
    END AS dir
  FROM cdr FULL OUTER JOIN q ON q.call_id = cdr.call_id
)
SELECT call_id,
  coalesce(start_at, enter_at) AS started_at,
  enter_at AS queued_at,
  CASE
    WHEN queued THEN connect_at
    WHEN disposition = 'ANSWERED' AND NOT coalesce(queue_gave_up, false) THEN answer_at
  END AS answered_at,
  coalesce(cdr_end_at, q_end_at) AS ended_at,
  dir AS direction,
  CASE
    WHEN queued THEN agent_operator
    WHEN dir = 'inbound' THEN dst_operator
    ELSE src_operator
  END AS operator_id,
  NULL::VARCHAR AS client_id,
  CASE WHEN dir = 'outbound' THEN dst ELSE coalesce(src, caller) END AS phone,
  coalesce(queue, CASE WHEN lastapp = 'Queue' THEN split_part(lastdata, ',', 1) END) AS queue,
  CASE
    WHEN queued THEN CASE WHEN connect_at IS NULL THEN 'abandoned' ELSE 'answered' END
    WHEN disposition = 'ANSWERED' THEN CASE WHEN queue_gave_up THEN 'abandoned' ELSE 'answered' END
    WHEN disposition = 'NO ANSWER' THEN 'no_answer'
    WHEN disposition = 'BUSY' THEN 'busy'
    ELSE 'failed'
  END AS disposition,
  NULL::VARCHAR AS task_type,
  CASE
    WHEN end_event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') THEN 'transferred'
    WHEN queued AND connect_at IS NOT NULL THEN 'completed'
    WHEN NOT queued AND disposition = 'ANSWERED' AND NOT coalesce(queue_gave_up, false) THEN 'completed'
  END AS outcome,
  CASE
    WHEN queued THEN calltime_s
    WHEN disposition = 'ANSWERED' AND NOT coalesce(queue_gave_up, false) THEN billsec
  END::DOUBLE AS talk_s,
  NULL::DOUBLE AS hold_s,
  NULL::DOUBLE AS wrap_s,
  transferred_to,
  -- userfield means something else on every installation: no recording is guessed from it
  NULL::VARCHAR AS recording
FROM m`;

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
  `DELETE FROM calls WHERE call_id IN (SELECT call_id FROM touched)`,
  `INSERT INTO calls BY NAME SELECT *, $importId AS import_id FROM replaced`,
];
