import { QUEUED_CALL_COLUMNS } from './reader.ts';
import { cell, isoUtc, operatorOf } from './text.sql.ts';

/** A header's column as its cell (`f[i]`), or NULL (read-text.ts columnOf). */
type Col = (...names: string[]) => string;

/**
 * 3CX V20's call detail records (the `cdroutput` table, and the CDR service writing the same
 * fields): one record per segment of a call, from one participant to another, many segments to a
 * call (`call_history_id`). Times are UTC (`2026-10-01 06:00:00.123456+00`); one written without
 * an offset is read as UTC too.
 */
const utc = (x: string) => `CASE
    WHEN regexp_matches(trim(${x}), '(Z|[+-]\\d{2}(:?\\d{2})?)$') THEN try_cast(trim(${x}) AS TIMESTAMPTZ)
    ELSE timezone('UTC', try_cast(nullif(trim(${x}), '') AS TIMESTAMP))
  END`;

const lower = (x: string) => `lower(${cell(x)})`;

export const cdroutputTypedSql = (col: Col) => `CREATE OR REPLACE TEMP TABLE tcx_seg AS
SELECT line, raw, len(f) AS width, $width AS header_width,
  ${cell(col('call_history_id'))} AS flow, ${lower(col('creation_method'))} AS method,
  ${lower(col('cdr_id'))} AS cdr_id, ${lower(col('continued_in_cdr_id'))} AS next_id,
  coalesce(${lower(col('source_entity_type'))}, ${lower(col('source_dn_type'))}) AS src_type,
  ${cell(col('source_dn_number'))} AS src_dn,
  coalesce(${cell(col('source_participant_phone_number'))}, ${cell(col('source_dn_number'))}) AS src_phone,
  coalesce(${lower(col('destination_entity_type'))}, ${lower(col('destination_dn_type'))}) AS dst_type,
  ${cell(col('destination_dn_number'))} AS dst_dn,
  coalesce(${cell(col('destination_dn_name'))}, ${cell(col('destination_dn_number'))}) AS dst_name,
  coalesce(${cell(col('destination_participant_phone_number'))}, ${cell(col('destination_dn_number'))}) AS dst_phone,
  ${lower(col('termination_reason'))} AS reason, ${lower(col('termination_reason_details'))} AS details,
  ${utc(col('cdr_started_at'))} AS start_at, ${utc(col('cdr_answered_at'))} AS answer_at,
  ${utc(col('cdr_ended_at'))} AS end_at
FROM delimited_rows`;

const list = (xs: string[]) => `(${xs.map((x) => `'${x}'`).join(', ')})`;

/** termination_reason_details of a call that could not be placed or routed. */
export const CDROUTPUT_FAILED = [
  'not_found',
  'not_available',
  'target_disabled',
  'caller_disabled',
  'license_limit_reached',
  'server_error',
  'forwarding_loop',
  'no_destinations',
  'external_call_disabled',
  'no_route',
  'destination_prohibited',
  'caller_blacklisted',
  'feature_disabled',
  'invalid_dialcode',
  'invalid_destination',
  'disabled',
  'no_access',
];
/** termination_reason_details of a callee who was busy or declined. */
export const CDROUTPUT_BUSY = ['busy', 'line_busy', 'declined'];

/** Destinations that are no person: a caller who hangs up on them gave up on no one. */
const SELF_SERVICE = ['ivr', 'voicemail', 'vmail_console', 'script', 'endcall'];

/**
 * The segment that ended the call: the last to end of those a participant ended or that failed,
 * rather than one the call manager let go on (`continued_in`, `redirected`) or stopped ringing
 * when another answered or the caller left (`cancelled`: a queue's polled agents).
 */
const LAST = `(coalesce(reason, '') NOT IN ('continued_in', 'redirected', 'cancelled'), coalesce(end_at, start_at), line)`;

/** Problems that make a segment unreadable: it is quarantined on its own line. */
export const CDROUTPUT_PROBLEM = `CASE
    WHEN width <> header_width THEN 'has ' || width || ' fields; the header has ' || header_width
    WHEN flow IS NULL THEN 'call_history_id: is empty'
    WHEN start_at IS NULL THEN 'cdr_started_at: is not a date-time'
  END`;

/**
 * One call per call flow, staged on its first segment's line (the `call_init`). Outbound when an
 * extension opened it: the caller is the operator, the call answered when an extension or an
 * external line it reached answered. Otherwise inbound: answered when an extension answered (its
 * operator, his answer, his talk until his segment ended); a queue, IVR or voicemail answering is
 * no person. Unanswered: a failure of the last segment is `failed`, a busy or declining callee
 * `busy`, an inbound caller who hung up (`src_participant_terminated`) while waiting for a person
 * `abandoned`; one who hung up in an IVR or voicemail, and any other, `no_answer`. An inbound
 * call whose answering agent's segment continued in a `transfer` is `transferred`, to the
 * transfer's destination; he keeps the call, his talk ending with his segment.
 */
export const CDROUTPUT_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH seg AS (
  SELECT *, ${CDROUTPUT_PROBLEM} AS problem FROM tcx_seg
), good AS (
  SELECT * FROM seg WHERE problem IS NULL
), firsts AS (
  SELECT flow, line, raw, src_type = 'extension' AS outbound, src_dn, src_phone, dst_phone
  FROM good
  QUALIFY row_number() OVER (PARTITION BY flow ORDER BY method = 'call_init' DESC, start_at, line) = 1
), flows AS (
  SELECT flow, min(start_at) AS started, max(coalesce(end_at, start_at)) AS ended,
    arg_max(reason, ${LAST}) AS last_reason,
    arg_max(details, ${LAST}) AS last_details,
    arg_max(dst_type, ${LAST}) AS last_dst_type,
    min(start_at) FILTER (WHERE dst_type = 'queue') AS queued,
    arg_min(dst_name, start_at) FILTER (WHERE dst_type = 'queue') AS queue,
    min(answer_at) FILTER (WHERE dst_type = 'extension') AS ext_answer,
    arg_min(dst_dn, answer_at) FILTER (WHERE dst_type = 'extension' AND answer_at IS NOT NULL) AS ext_dn,
    arg_min(end_at, answer_at) FILTER (WHERE dst_type = 'extension' AND answer_at IS NOT NULL) AS ext_end,
    arg_min(next_id, answer_at) FILTER (WHERE dst_type = 'extension' AND answer_at IS NOT NULL) AS ext_next,
    min(answer_at) FILTER (WHERE dst_type IN ('extension', 'external_line')) AS out_answer,
    arg_min(end_at, answer_at) FILTER (WHERE dst_type IN ('extension', 'external_line') AND answer_at IS NOT NULL) AS out_end,
    arg_min(dst_phone, start_at) FILTER (WHERE dst_type = 'external_line') AS ext_line_phone
  FROM good GROUP BY flow
), calls AS (
  SELECT f.*, x.*,
    CASE WHEN f.outbound THEN x.out_answer ELSE x.ext_answer END AS answer,
    CASE WHEN f.outbound THEN x.out_end ELSE x.ext_end END AS talk_end,
    -- the agent who answered handed the call on: his segment continued in a transfer
    (SELECT coalesce(t.dst_dn, t.dst_name) FROM good t
      WHERE t.flow = x.flow AND t.cdr_id = x.ext_next AND t.method = 'transfer') AS transferred_to
  FROM firsts f JOIN flows x USING (flow)
)
SELECT line, raw, NULL::VARCHAR AS _row_problem,
  $prefix || flow AS call_id,
  ${isoUtc('started')} AS started_at,
  ${isoUtc('queued')} AS queued_at,
  ${isoUtc('answer')} AS answered_at,
  ${isoUtc('ended')} AS ended_at,
  CASE WHEN outbound THEN 'outbound' ELSE 'inbound' END AS direction,
  CASE WHEN outbound THEN ${operatorOf('src_dn')} ELSE ${operatorOf('ext_dn')} END AS operator_id,
  CASE WHEN outbound THEN coalesce(ext_line_phone, dst_phone) ELSE src_phone END AS phone,
  queue,
  CASE
    WHEN answer IS NOT NULL THEN 'answered'
    WHEN last_details IN ${list(CDROUTPUT_FAILED)} THEN 'failed'
    WHEN last_details IN ${list(CDROUTPUT_BUSY)} THEN 'busy'
    WHEN NOT outbound AND last_reason = 'src_participant_terminated'
      AND coalesce(last_dst_type, '') NOT IN ${list(SELF_SERVICE)} THEN 'abandoned'
    ELSE 'no_answer'
  END AS disposition,
  CASE WHEN answer IS NOT NULL THEN greatest(date_diff('second', answer, coalesce(talk_end, ended)), 0)::VARCHAR END AS talk_s,
  CASE WHEN answer IS NOT NULL AND NOT outbound AND transferred_to IS NOT NULL THEN 'transferred' END AS outcome,
  CASE WHEN answer IS NOT NULL AND NOT outbound THEN transferred_to END AS transferred_to
FROM calls
UNION ALL
SELECT line, raw, problem, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM seg WHERE problem IS NOT NULL
ORDER BY line`;

export const CDROUTPUT_COLUMNS = [...QUEUED_CALL_COLUMNS, 'outcome', 'transferred_to'];
