import { cell, isoUtc, operatorOf } from './text.sql.ts';

/**
 * 3CX's CDR service output (cdr.log, or a socket), one call a line, comma-separated. Its fields
 * and their order are chosen in the management console; this is the order of the documented
 * list, which a file without a header is read in. With a header line, columns are found by name
 * (`time-start` and `time_start` alike).
 */
export const THREECX_FIELDS = [
  'historyid',
  'callid',
  'duration',
  'time_start',
  'time_answered',
  'time_end',
  'reason_terminated',
  'from_no',
  'to_no',
  'from_dn',
  'to_dn',
  'dial_no',
  'reason_changed',
  'final_number',
  'final_dn',
  'bill_code',
  'bill_rate',
  'bill_cost',
  'bill_name',
  'chain',
  'from_type',
  'to_type',
  'final_type',
  'from_dispname',
  'to_dispname',
  'final_dispname',
  'missed_queue_calls',
];

type Col = (...names: string[]) => string;

/** 3CX writes `2026/10/01 09:00:00`; ISO-like dates are read too. Wall-clock time in $tz. */
const time3cx = (x: string) => `timezone($tz, coalesce(
  try_strptime(nullif(trim(${x}), ''), '%Y/%m/%d %H:%M:%S'),
  try_strptime(nullif(trim(${x}), ''), '%Y-%m-%d %H:%M:%S'))::TIMESTAMP)`;

/** An extension as 3CX writes a number (`Ext.1001`) or a DN (`1001`). */
const ext = (x: string) => `regexp_replace(${cell(x)}, '^Ext\\.', '', 'i')`;

export const threecxTypedSql = (col: Col) => `CREATE OR REPLACE TEMP TABLE tcx AS
SELECT line, raw, len(f) AS width, $width AS header_width,
  coalesce(${cell(col('callid'))}, ${cell(col('historyid'))}) AS call_key,
  ${time3cx(col('time_start'))} AS start_at, ${time3cx(col('time_answered'))} AS answer_at,
  ${time3cx(col('time_end'))} AS end_at,
  lower(trim(${col('reason_terminated')})) AS reason,
  ${cell(col('from_no'))} AS from_no, ${cell(col('to_no'))} AS to_no, ${cell(col('dial_no'))} AS dial_no,
  ${ext(col('from_dn'))} AS from_dn, ${ext(col('to_dn'))} AS to_dn, ${ext(col('final_dn'))} AS final_dn,
  ${ext(col('from_no'))} AS from_ext,
  lower(trim(${col('from_type')})) AS from_type, lower(trim(${col('to_type')})) AS to_type,
  ${cell(col('to_dispname'))} AS to_dispname
FROM delimited_rows`;

/**
 * One call per record. Outbound when the caller is an extension (from-type `Extension`, or its DN
 * an operator's); its operator is the caller, an inbound call's the final DN (who took it after a
 * queue or a transfer), else the DN it was sent to. Answered when it has time-answered and, inbound,
 * a person's extension took it: answered by an IVR or voicemail alone, it is `no_answer`. An unanswered inbound call the caller
 * ended (TerminatedBySrc) is abandoned; one the destination ended, busy; a failure, failed.
 */
export const THREECX_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH legs AS (
  SELECT *, coalesce(${operatorOf('from_dn')}, ${operatorOf('from_ext')}) AS caller_op,
    ${operatorOf('coalesce(final_dn, to_dn)')} AS callee_op
  FROM tcx
), calls AS (
  SELECT *, caller_op IS NOT NULL OR from_type = 'extension' AS outbound
  FROM legs
), judged AS (
  SELECT *, answer_at IS NOT NULL AND (outbound OR callee_op IS NOT NULL) AS handled FROM calls
)
SELECT line, raw,
  CASE
    WHEN width <> header_width THEN 'has ' || width || ' fields; expected ' || header_width
    WHEN start_at IS NULL THEN 'time-start: is not a date-time (YYYY/MM/DD HH:MM:SS)'
    WHEN call_key IS NULL THEN 'callid, historyid: both are empty'
  END AS _row_problem,
  $prefix || call_key AS call_id,
  ${isoUtc('start_at')} AS started_at,
  CASE WHEN handled THEN ${isoUtc('answer_at')} END AS answered_at,
  ${isoUtc('end_at')} AS ended_at,
  CASE WHEN outbound THEN 'outbound' ELSE 'inbound' END AS direction,
  CASE WHEN outbound THEN caller_op ELSE callee_op END AS operator_id,
  CASE WHEN outbound THEN coalesce(dial_no, to_no) ELSE from_no END AS phone,
  CASE WHEN to_type = 'queue' THEN coalesce(to_dispname, to_dn) END AS queue,
  CASE
    WHEN handled THEN 'answered'
    WHEN answer_at IS NOT NULL THEN 'no_answer'
    WHEN reason LIKE '%fail%' THEN 'failed'
    WHEN reason = 'terminatedbysrc' AND NOT outbound THEN 'abandoned'
    WHEN reason = 'terminatedbydst' THEN 'busy'
    ELSE 'no_answer'
  END AS disposition,
  CASE WHEN handled THEN greatest(date_diff('second', answer_at, end_at), 0)::VARCHAR END AS talk_s
FROM judged`;

export const THREECX_COLUMNS = [
  'call_id',
  'started_at',
  'answered_at',
  'ended_at',
  'direction',
  'operator_id',
  'phone',
  'queue',
  'disposition',
  'talk_s',
];
