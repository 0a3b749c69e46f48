import { QUEUED_CALL_COLUMNS } from './reader.ts';
import { cell, epochTime, isoUtc, localTime, operatorOf } from './text.sql.ts';

/**
 * VICIdial's call tables exported as delimited text with the table's column names as header:
 * vicidial_closer_log (inbound: a call in an in-group) and vicidial_log (outbound: a call the
 * dialler or an agent placed). `col` gives a column's cell (`f[i]`) by the header, or NULL.
 */
type Col = (...names: string[]) => string;

const list = (xs: string[]) => `(${xs.map((x) => `'${x}'`).join(', ')})`;

/** The dialler's own users: a row of theirs is a call no agent took. */
export const SYSTEM_USERS = ['VDCL', 'VDAD'];
/** Inbound statuses the system sets on a call no agent took. */
export const CLOSER_UNANSWERED = [
  'DROP',
  'XDROP',
  'AFTHRS',
  'NANQUE',
  'TIMEOT',
  'HOLDTO',
  'MAXCAL',
  'QVMAIL',
  'ACFLTR',
];
/** term_reason of an inbound caller who gave up (hung up) before an agent took the call. */
export const GAVE_UP = ['ABANDON', 'CALLER'];
/** Outbound statuses of a call that reached no one, by the canonical disposition they give. */
export const OUT_BUSY = ['B', 'AB'];
export const OUT_FAILED = ['DC', 'ADC', 'ADCT', 'DROP', 'XDROP', 'PDROP'];
export const OUT_NO_ANSWER = ['NA', 'N', 'A', 'AA', 'AM', 'AL', 'AFAX'];

const DATE = '%Y-%m-%d %H:%M:%S';

/** The cells both tables share, typed: times from the epochs (UTC), else call_date in $tz. */
const common = (col: Col) => `line, raw, len(f) AS width, $width AS header_width,
  ${cell(col('uniqueid'))} AS uniqueid, ${cell(col('campaign_id'))} AS campaign,
  coalesce(${epochTime(col('start_epoch'))}, ${localTime(col('call_date'), DATE)}) AS start_at,
  ${epochTime(col('end_epoch'))} AS end_at, try_cast(trim(${col('length_in_sec')}) AS BIGINT) AS length_s,
  upper(trim(${col('status')})) AS status, ${cell(col('user'))} AS agent,
  ${cell(col('phone_number'))} AS phone, upper(trim(${col('term_reason')})) AS term_reason`;

const problem = (id: string) => `CASE
    WHEN width <> header_width THEN 'has ' || width || ' fields; the header has ' || header_width
    WHEN start_at IS NULL THEN 'start_epoch, call_date: neither is a time'
    WHEN ${id} IS NULL THEN 'uniqueid: is empty'
  END`;

/**
 * vicidial_closer_log. A call moved from one in-group to another has a row in each, with one
 * uniqueid: it is one call, read from its last row (the group that took or lost it), started when
 * its first row did. A call without a uniqueid is known by its closecallid.
 */
export const closerTypedSql = (col: Col) => `CREATE OR REPLACE TEMP TABLE vd_closer AS
SELECT *,
  row_number() OVER (PARTITION BY call_key ORDER BY start_at DESC NULLS LAST, line DESC) AS turn,
  min(start_at) OVER (PARTITION BY call_key) AS first_start
FROM (
  SELECT ${common(col)}, try_cast(trim(${col('queue_seconds')}) AS DOUBLE) AS queue_s,
    coalesce(${cell(col('uniqueid'))}, 'closer-' || ${cell(col('closecallid'))}) AS call_key
  FROM delimited_rows)`;

/** Earlier rows of a call that went through several in-groups. */
export const CLOSER_EARLIER = 'call_key IS NOT NULL AND turn > 1';

/**
 * Answered: a row of an agent (not VDCL/VDAD) whose status is not one the system sets on a call
 * no one took. The caller waited queue_seconds, so the agent answered then, and talked for the
 * rest of length_in_sec.
 */
export const CLOSER_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH calls AS (
  SELECT *, coalesce(agent NOT IN ${list(SYSTEM_USERS)}, false) AND status NOT IN ${list(CLOSER_UNANSWERED)} AS handled,
    to_seconds(round(coalesce(queue_s, 0))::BIGINT) AS waited
  FROM vd_closer WHERE NOT (${CLOSER_EARLIER})
)
SELECT line, raw, ${problem('call_key')} AS _row_problem,
  $prefix || call_key AS call_id,
  ${isoUtc('first_start')} AS started_at,
  ${isoUtc('start_at')} AS queued_at,
  CASE WHEN handled THEN ${isoUtc('start_at + waited')} END AS answered_at,
  ${isoUtc('coalesce(end_at, start_at + to_seconds(length_s))')} AS ended_at,
  'inbound' AS direction,
  CASE WHEN agent NOT IN ${list(SYSTEM_USERS)} THEN ${operatorOf('agent')} END AS operator_id,
  phone, campaign AS queue,
  CASE
    WHEN handled THEN 'answered'
    WHEN term_reason IN ${list(GAVE_UP)} OR (coalesce(term_reason, 'NONE') IN ('NONE', '') AND status IN ('DROP', 'XDROP')) THEN 'abandoned'
    ELSE 'no_answer'
  END AS disposition,
  CASE WHEN handled THEN greatest(length_s - round(coalesce(queue_s, 0))::BIGINT, 0)::VARCHAR END AS talk_s
FROM calls`;

/**
 * vicidial_log: the dialler writes its row when the lead answers and is sent to an agent (or when
 * the attempt fails), so an agent's call was answered at its start and talked length_in_sec.
 */
export const LOG_STAGE_SQL = (col: Col) => `CREATE OR REPLACE TEMP TABLE staging AS
WITH rows AS (SELECT ${common(col)} FROM delimited_rows),
calls AS (
  SELECT *, coalesce(agent NOT IN ${list(SYSTEM_USERS)}, false)
    AND status NOT IN ${list([...OUT_BUSY, ...OUT_FAILED, ...OUT_NO_ANSWER])} AS handled
  FROM rows
)
SELECT line, raw, ${problem('uniqueid')} AS _row_problem,
  $prefix || uniqueid AS call_id,
  ${isoUtc('start_at')} AS started_at,
  CASE WHEN handled THEN ${isoUtc('start_at')} END AS answered_at,
  ${isoUtc('coalesce(end_at, start_at + to_seconds(length_s))')} AS ended_at,
  'outbound' AS direction,
  CASE WHEN agent NOT IN ${list(SYSTEM_USERS)} THEN ${operatorOf('agent')} END AS operator_id,
  phone,
  CASE
    WHEN handled THEN 'answered'
    WHEN status IN ${list(OUT_BUSY)} THEN 'busy'
    WHEN status IN ${list(OUT_FAILED)} THEN 'failed'
    ELSE 'no_answer'
  END AS disposition,
  CASE WHEN handled THEN length_s::VARCHAR END AS talk_s
FROM calls`;

export const CLOSER_COLUMNS = [...QUEUED_CALL_COLUMNS];
export const LOG_COLUMNS = CLOSER_COLUMNS.filter((c) => c !== 'queued_at' && c !== 'queue');
