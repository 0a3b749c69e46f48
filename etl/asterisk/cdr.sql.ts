/**
 * Asterisk cdr_csv (Master.csv): no header, every field quoted. Installations write 16 columns,
 * 18 with uniqueid and userfield (loguniqueid/loguserfield), or 21 with peeraccount, linkedid and
 * sequence (newcdrcolumns).
 */
const BASE = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
];
export const CDR_LAYOUTS: Record<number, string[]> = {
  16: BASE,
  18: [...BASE, 'uniqueid', 'userfield'],
  21: [...BASE, 'uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence'],
};

export const CDR_WIDTH_SQL = `SELECT count(*) AS n FROM (DESCRIBE SELECT * FROM read_csv($file, header = false,
  all_varchar = true, delim = ',', quote = '"', escape = '"'))`;

/** Reads the file as text with its layout's column names and the line of each record. */
export const cdrReadSql = (width: number) => {
  const columns = (CDR_LAYOUTS[width] as string[]).map((c) => `'${c}': 'VARCHAR'`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE cdr_raw AS
  SELECT row_number() OVER () AS line, *
  FROM read_csv($file, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
    columns = {${columns}})`;
};

const DISPOSITIONS = `('ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION')`;
const TIME = `'%Y-%m-%d %H:%M:%S'`;

/**
 * Text to typed CDR rows, one per leg. Times are local wall-clock times in $tz unless $gmt
 * (usegmtime=yes); a CDR without a uniqueid gets a stable id from a hash of the whole row. Ids
 * start with $prefix: the source's name and a colon, or nothing. `cdr_raw` holds the columns of
 * `width`'s layout; a database table or a cdr_custom file is read into the 21 columns with its
 * own `_raw` (the record as the file has it) and `_problem` (what its reader found wrong first).
 */
export const cdrTypedSql = (
  width: number,
  own: 'layout' | 'reader' = 'layout',
) => `CREATE OR REPLACE TEMP TABLE cdr_typed AS
SELECT line,
  -- a leg is its own uniqueid; the call is its linkedid (21 columns), else the leg's
  $prefix || coalesce(nullif(trim(linkedid), ''), nullif(trim(uniqueid), ''), 'cdr-' || md5(concat_ws('|', src, dst, channel, dstchannel, start, "end"))) AS call_id,
  $prefix || coalesce(nullif(trim(uniqueid), ''), 'cdr-' || md5(concat_ws('|', src, dst, channel, dstchannel, start, "end"))) AS uniqueid,
  -- the Unix time the PBX made the uniqueid at (the channel's creation), to check the times by
  try_cast(regexp_extract(trim(uniqueid), '^([0-9]{9,10})\\.[0-9]+$', 1) AS BIGINT) AS uniqueid_epoch,
  nullif(trim(src), '') AS src,
  nullif(trim(dst), '') AS dst,
  nullif(trim(dcontext), '') AS dcontext,
  nullif(trim(channel), '') AS channel,
  nullif(trim(dstchannel), '') AS dstchannel,
  nullif(trim(lastapp), '') AS lastapp,
  nullif(trim(lastdata), '') AS lastdata,
  CASE WHEN $gmt THEN try_strptime(start, ${TIME})::TIMESTAMP AT TIME ZONE 'UTC'
       ELSE timezone($tz, try_strptime(start, ${TIME})::TIMESTAMP) END AS start_at,
  CASE WHEN $gmt THEN try_strptime(nullif(answer, ''), ${TIME})::TIMESTAMP AT TIME ZONE 'UTC'
       ELSE timezone($tz, try_strptime(nullif(answer, ''), ${TIME})::TIMESTAMP) END AS answer_at,
  CASE WHEN $gmt THEN try_strptime(nullif("end", ''), ${TIME})::TIMESTAMP AT TIME ZONE 'UTC'
       ELSE timezone($tz, try_strptime(nullif("end", ''), ${TIME})::TIMESTAMP) END AS end_at,
  try_cast(billsec AS INTEGER) AS billsec,
  upper(trim(disposition)) AS disposition,
  nullif(trim(userfield), '') AS userfield,
  -- why a row cannot be used, or null when it can
  CASE
    WHEN _problem IS NOT NULL THEN _problem
    WHEN try_strptime(start, ${TIME}) IS NULL THEN 'start: is not a date-time (YYYY-MM-DD HH:MM:SS)'
    WHEN nullif(answer, '') IS NOT NULL AND try_strptime(answer, ${TIME}) IS NULL THEN 'answer: is not a date-time'
    WHEN nullif("end", '') IS NOT NULL AND try_strptime("end", ${TIME}) IS NULL THEN 'end: is not a date-time'
    WHEN upper(trim(disposition)) NOT IN ${DISPOSITIONS} THEN 'disposition: is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION'
    WHEN nullif(billsec, '') IS NOT NULL AND try_cast(billsec AS INTEGER) IS NULL THEN 'billsec: is not a whole number'
  END AS problem,
  _raw AS raw
FROM (SELECT *${width === 16 ? `, NULL::VARCHAR AS uniqueid, NULL::VARCHAR AS userfield` : ''}${width === 21 ? '' : ', NULL::VARCHAR AS linkedid'}${
  own === 'reader'
    ? ''
    : `, NULL::VARCHAR AS _problem, concat_ws(',', ${(CDR_LAYOUTS[width] as string[]).map((c) => `'"' || replace(coalesce("${c}", ''), '"', '""') || '"'`).join(', ')}) AS _raw`
} FROM cdr_raw)`;

/** Lines whose bytes no likely encoding reads as text ($lines) are quarantined with $reason. */
export const CDR_UNREADABLE_SQL = 'UPDATE cdr_typed SET problem = $reason WHERE list_contains($lines, line)';
