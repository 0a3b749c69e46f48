import { unansweredDisposition } from './freeswitch-causes.ts';
import { QUEUED_CALL_COLUMNS } from './reader.ts';
import { epochTime, isoUtc, operatorOf } from './text.sql.ts';

/** A channel variable, URL-decoded (mod_json_cdr's encode-values writes them so). */
const v = (name: string) => `url_decode(nullif(trim(j->>'$.variables.${name}'), ''))`;
/** A field of the call's caller profile, where callflow is an array (1.6 on) or one object. */
const profile = (name: string) =>
  `nullif(trim(coalesce(j->>'$.callflow[0].caller_profile.${name}', j->>'$.callflow.caller_profile.${name}')), '')`;

/** mod_json_cdr records by their fields; epochs are Unix seconds (UTC). */
export const FS_JSON_TYPED_SQL = `CREATE OR REPLACE TEMP TABLE fs_json AS
SELECT line, raw, j IS NOT NULL AS is_object, json_type(j, '$.variables') = 'OBJECT' AS has_variables,
  coalesce(${v('uuid')}, ${profile('uuid')}) AS uuid,
  ${profile('caller_id_number')} AS caller, ${profile('destination_number')} AS dest,
  coalesce(${v('dialed_user')}, ${v('last_sent_callee_id_number')}) AS dialed,
  ${epochTime(v('start_epoch'))} AS start_at, ${epochTime(v('answer_epoch'))} AS answer_at,
  ${epochTime(v('end_epoch'))} AS end_at, try_cast(${v('billsec')} AS BIGINT) AS billsec,
  upper(${v('hangup_cause')}) AS cause, ${v('hold_accum_seconds')} AS hold,
  coalesce(${v('last_bridge_to')}, ${v('bridge_uuid')}, ${v('bridge_channel')}) IS NOT NULL AS bridged,
  ${v('originating_leg_uuid')} AS originating_leg, lower(${v('cc_side')}) AS cc_side,
  ${v('cc_queue')} AS queue, ${v('cc_agent')} AS agent,
  ${epochTime(v('cc_queue_joined_epoch'))} AS joined_at, ${epochTime(v('cc_queue_answered_epoch'))} AS agent_at,
  ${epochTime(v('cc_queue_terminated_epoch'))} AS terminated_at,
  upper(${v('cc_cancel_reason')}) AS cancel_reason
FROM json_records`;

/**
 * The other side of a call: a leg FreeSWITCH originated for it (originating_leg_uuid), the agent's
 * leg mod_callcenter rang (cc_side=agent). Its a-leg is the call.
 */
export const FS_JSON_B_LEGS = `coalesce(is_object AND has_variables AND (cc_side = 'agent' OR originating_leg <> coalesce(uuid, '')), false)`;

/**
 * One call per a-leg. A call that entered a mod_callcenter queue is inbound: queued when it
 * joined, answered when an agent did (cc_queue_answered_epoch), by that agent; one no agent took
 * is `abandoned` when the caller hung up (BREAK_OUT, or no cancel reason), `no_answer` when the
 * queue let it go (TIMEOUT, NO_AGENT_TIMEOUT, EXIT_WITH_KEY). Any other call is outbound when its
 * caller is an operator's extension, and answered when it was answered and bridged.
 */
export const FS_JSON_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH legs AS (
  SELECT *, queue IS NOT NULL AS queued, ${operatorOf('caller')} AS caller_op
  FROM fs_json WHERE NOT (${FS_JSON_B_LEGS})
), calls AS (
  SELECT *, NOT queued AND caller_op IS NOT NULL AS outbound,
    CASE WHEN queued THEN agent_at IS NOT NULL ELSE answer_at IS NOT NULL AND bridged END AS handled
  FROM legs
)
SELECT line, raw,
  CASE
    WHEN NOT is_object THEN 'is not a JSON object'
    WHEN NOT coalesce(has_variables, false) THEN 'variables: is missing (not a mod_json_cdr record)'
    WHEN uuid IS NULL THEN 'uuid: is missing'
    WHEN start_at IS NULL THEN 'start_epoch: is not a Unix time'
  END AS _row_problem,
  $prefix || uuid AS call_id,
  ${isoUtc('start_at')} AS started_at,
  ${isoUtc('joined_at')} AS queued_at,
  CASE WHEN handled THEN ${isoUtc('coalesce(CASE WHEN queued THEN agent_at END, answer_at)')} END AS answered_at,
  ${isoUtc('end_at')} AS ended_at,
  CASE WHEN outbound THEN 'outbound' ELSE 'inbound' END AS direction,
  CASE
    WHEN queued THEN coalesce(${operatorOf('agent')}, ${operatorOf("split_part(agent, '@', 1)")})
    WHEN outbound THEN caller_op
    ELSE ${operatorOf('coalesce(dialed, dest)')}
  END AS operator_id,
  CASE WHEN outbound THEN dest ELSE caller END AS phone,
  queue,
  CASE
    WHEN handled THEN 'answered'
    WHEN queued THEN CASE WHEN coalesce(cancel_reason, 'BREAK_OUT') IN ('BREAK_OUT', 'NONE') THEN 'abandoned' ELSE 'no_answer' END
    WHEN answer_at IS NOT NULL THEN 'no_answer'
    ELSE ${unansweredDisposition('cause', 'outbound')}
  END AS disposition,
  CASE WHEN handled THEN
    CASE WHEN queued THEN greatest(date_diff('second', agent_at, coalesce(terminated_at, end_at)), 0) ELSE billsec END::VARCHAR
  END AS talk_s,
  CASE WHEN handled THEN hold END AS hold_s
FROM calls`;

export const FS_JSON_COLUMNS = [...QUEUED_CALL_COLUMNS, 'hold_s'];
