import { operatorOf } from './text.sql.ts';

/** InitiationMethod of a call placed to the customer; INBOUND, TRANSFER, QUEUE_TRANSFER are inbound. */
const OUTBOUND = `('OUTBOUND', 'CALLBACK', 'API', 'EXTERNAL_OUTBOUND')`;
const INBOUND = `('INBOUND', 'TRANSFER', 'QUEUE_TRANSFER')`;

const s = (path: string) => `nullif(trim(j->>'${path}'), '')`;

/**
 * Contact records by their fields. A contact delivered more than once (Amazon Connect delivers at
 * least once, again when it learns more) is read in its last version (LastUpdateTimestamp).
 */
export const CTR_TYPED_SQL = `CREATE OR REPLACE TEMP TABLE ctr AS
SELECT *, row_number() OVER (PARTITION BY coalesce(contact_id, line::VARCHAR) ORDER BY updated DESC NULLS LAST, line DESC) AS version
FROM (
  SELECT line, raw, j IS NOT NULL AS is_object,
    ${s('$.ContactId')} AS contact_id, upper(${s('$.Channel')}) AS channel,
    upper(${s('$.InitiationMethod')}) AS method,
    ${s('$.InitiationTimestamp')} AS initiated, ${s('$.ConnectedToSystemTimestamp')} AS connected,
    ${s('$.DisconnectTimestamp')} AS disconnected, upper(${s('$.DisconnectReason')}) AS reason,
    try_cast(${s('$.LastUpdateTimestamp')} AS TIMESTAMPTZ) AS updated,
    ${s('$.Queue.Name')} AS queue, ${s('$.Queue.EnqueueTimestamp')} AS enqueued,
    ${s('$.Agent.Username')} AS agent, ${s('$.Agent.ConnectedToAgentTimestamp')} AS agent_at,
    ${s('$.Agent.AgentInteractionDuration')} AS talk, ${s('$.Agent.CustomerHoldDuration')} AS hold,
    ${s('$.Agent.AfterContactWorkDuration')} AS wrap,
    ${s('$.CustomerEndpoint.Address')} AS phone,
    coalesce(${s('$.Recording.Location')}, ${s('$.Recordings[0].Location')}) AS recording,
    ${s('$.TransferredToEndpoint.Address')} AS transferred_to,
    ${s('$.TransferCompletedTimestamp')} AS transfer_at
  FROM json_records)`;

/** Records read as no call: chats, tasks, e-mails, and a supervisor's monitoring of a call. */
export const CTR_NOT_CALLS = `coalesce(is_object AND version = 1 AND (coalesce(channel, 'VOICE') <> 'VOICE' OR method = 'MONITOR'), false)`;
/** Earlier versions of a contact the file delivers again. */
export const CTR_EARLIER = 'version > 1';

/**
 * One call per voice contact. Answered: an agent was connected (and, on an outbound call, the
 * customer answered: ConnectedToSystemTimestamp). Else `failed` on TELECOM_PROBLEM, `abandoned`
 * for an inbound customer who hung up in the queue, otherwise `no_answer`.
 */
export const CTR_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH calls AS (
  SELECT *, method IN ${OUTBOUND} AS outbound,
    agent_at IS NOT NULL AND (method NOT IN ${OUTBOUND} OR connected IS NOT NULL) AS handled
  FROM ctr WHERE NOT (${CTR_NOT_CALLS}) AND NOT (${CTR_EARLIER})
)
SELECT line, raw,
  CASE
    WHEN NOT is_object THEN 'is not a JSON object'
    WHEN contact_id IS NULL THEN 'ContactId: is missing'
    WHEN initiated IS NULL THEN 'InitiationTimestamp: is missing'
    WHEN method IS NULL OR method NOT IN ${OUTBOUND} AND method NOT IN ${INBOUND}
      THEN 'InitiationMethod: ' || coalesce(method, 'none') || ' is not a call''s (INBOUND, TRANSFER, QUEUE_TRANSFER, OUTBOUND, CALLBACK, API, EXTERNAL_OUTBOUND)'
  END AS _row_problem,
  $prefix || contact_id AS call_id,
  initiated AS started_at, enqueued AS queued_at,
  CASE WHEN handled THEN agent_at END AS answered_at,
  disconnected AS ended_at,
  CASE WHEN outbound THEN 'outbound' ELSE 'inbound' END AS direction,
  ${operatorOf('agent')} AS operator_id,
  phone, queue,
  CASE
    WHEN handled THEN 'answered'
    WHEN reason = 'TELECOM_PROBLEM' THEN 'failed'
    WHEN NOT outbound AND enqueued IS NOT NULL AND reason = 'CUSTOMER_DISCONNECT' THEN 'abandoned'
    ELSE 'no_answer'
  END AS disposition,
  CASE WHEN handled AND (transferred_to IS NOT NULL OR transfer_at IS NOT NULL) THEN 'transferred' END AS outcome,
  CASE WHEN handled THEN talk END AS talk_s,
  CASE WHEN handled THEN hold END AS hold_s,
  CASE WHEN handled THEN wrap END AS wrap_s,
  transferred_to, recording
FROM calls`;

export const CTR_COLUMNS = [
  'call_id',
  'started_at',
  'queued_at',
  'answered_at',
  'ended_at',
  'direction',
  'operator_id',
  'phone',
  'queue',
  'disposition',
  'outcome',
  'talk_s',
  'hold_s',
  'wrap_s',
  'transferred_to',
  'recording',
];
