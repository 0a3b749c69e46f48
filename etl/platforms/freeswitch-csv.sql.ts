import { unansweredDisposition } from './freeswitch-causes.ts';
import { cell, operatorOf } from './text.sql.ts';

/**
 * FreeSWITCH mod_cdr_csv with its shipped template (`example`, the `default-template` of
 * cdr_csv.conf.xml): no header, every field quoted, 15 fields a record.
 */
export const FS_CSV_FIELDS = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
  'read_codec',
  'write_codec',
];

const STAMP = '%Y-%m-%d %H:%M:%S';

/**
 * Each record by its field names. A stamp is checked as `YYYY-MM-DD HH:MM:SS` and kept as ISO 8601
 * wall-clock text without an offset: the canonical validation reads such a time in the company
 * zone, as FreeSWITCH wrote it.
 */
const stamp = (x: string) =>
  `CASE WHEN try_strptime(trim(${x}), '${STAMP}') IS NOT NULL THEN replace(trim(${x}), ' ', 'T') END`;

export const FS_CSV_TYPED_SQL = `CREATE OR REPLACE TEMP TABLE fs_csv AS
SELECT line, raw, len(f) AS width,
  ${cell('f[2]')} AS caller, ${cell('f[3]')} AS dest,
  ${stamp('f[5]')} AS start_at, ${stamp('f[6]')} AS answer_at, ${stamp('f[7]')} AS end_at,
  try_cast(trim(f[9]) AS BIGINT) AS billsec,
  upper(trim(f[10])) AS cause, ${cell('f[11]')} AS uuid, ${cell('f[12]')} AS bleg_uuid
FROM delimited_rows`;

/** A record whose uuid is another record's bleg_uuid is that call's b-leg (legs="ab"). */
export const FS_CSV_BLEG_COUNT_SQL = `SELECT count(*) FROM fs_csv b
WHERE b.uuid IN (SELECT bleg_uuid FROM fs_csv WHERE bleg_uuid IS NOT NULL)`;

/**
 * One call per a-leg, its b-leg (when the file has it) joined: the b-leg names the phone that
 * answered, when, and for how long. An outbound call is one an operator's extension placed
 * (caller_id_number in pbx_ids); its operator is the caller, an inbound call's the b-leg's (else
 * the a-leg's) destination_number. Only a bridged leg (a bleg_uuid) that was answered is a call a
 * person took: one answered without a b-leg was answered by the PBX alone (an IVR, voicemail).
 */
export const FS_CSV_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH legs AS (
  SELECT a.*, b.dest AS b_dest, b.answer_at AS b_answer_at, b.billsec AS b_billsec,
    ${operatorOf('a.caller')} AS caller_op
  FROM fs_csv a
  LEFT JOIN fs_csv b ON b.uuid = a.bleg_uuid AND b.line <> a.line
  WHERE a.uuid IS NULL OR a.uuid NOT IN (SELECT bleg_uuid FROM fs_csv WHERE bleg_uuid IS NOT NULL)
), calls AS (
  SELECT *, caller_op IS NOT NULL AS outbound,
    answer_at IS NOT NULL AND bleg_uuid IS NOT NULL AS handled
  FROM legs
)
SELECT line, raw,
  CASE
    WHEN width <> 15 THEN 'has ' || width || ' fields; the template "example" writes 15'
    WHEN start_at IS NULL THEN 'start_stamp: is not a date-time (YYYY-MM-DD HH:MM:SS)'
    WHEN uuid IS NULL THEN 'uuid: is empty'
  END AS _row_problem,
  $prefix || uuid AS call_id,
  start_at AS started_at,
  CASE WHEN handled THEN coalesce(b_answer_at, answer_at) END AS answered_at,
  end_at AS ended_at,
  CASE WHEN outbound THEN 'outbound' ELSE 'inbound' END AS direction,
  CASE WHEN outbound THEN caller_op ELSE ${operatorOf('coalesce(b_dest, dest)')} END AS operator_id,
  CASE WHEN outbound THEN dest ELSE caller END AS phone,
  CASE WHEN handled THEN 'answered' ELSE ${unansweredDisposition('cause', 'outbound')} END AS disposition,
  CASE WHEN handled THEN coalesce(b_billsec, billsec)::VARCHAR END AS talk_s
FROM calls`;

export const FS_CSV_COLUMNS = [
  'call_id',
  'started_at',
  'answered_at',
  'ended_at',
  'direction',
  'operator_id',
  'phone',
  'disposition',
  'talk_s',
];
