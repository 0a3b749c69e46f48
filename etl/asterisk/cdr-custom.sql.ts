/**
 * Asterisk cdr_custom (cdr-custom/Master.csv): each line is the template of cdr_custom.conf. The
 * one layout read is that of cdr_custom.conf.sample, which most installations copy: 19 fields,
 * `clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start, answer, end,
 * duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield` quoted by
 * CSV_QUOTE, then `sequence`; fields an installation appends after them are not read. Times are
 * `YYYY-MM-DD HH:MM:SS`, or Unix times with `${CDR(start,f)}`. Another template is not told
 * from the lines: a mapping (--map) reads it.
 */
export const CDR_CUSTOM_LAYOUT = [
  'clid',
  'src',
  'dst',
  'dcontext',
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
  'accountcode',
  'uniqueid',
  'userfield',
  'sequence',
];

export const CDR_CUSTOM_WIDTH_SQL = `SELECT count(*) AS n FROM (DESCRIBE SELECT * FROM read_csv($file, header = false,
  all_varchar = true, delim = ',', quote = '"', escape = '"'))`;

const OUT = `'%Y-%m-%d %H:%M:%S'`;
const TIME = `'%Y-%m-%d %H:%M:%S'`;

/** A time as cdr_csv writes it: a Unix time (`,f`) becomes wall-clock time in $tz, or UTC when $gmt. */
const wallClock = (c: string) => `CASE
    -- an unanswered call's answer with ,f is 0.000000: none
    WHEN regexp_full_match(trim(${c}), '0+([.]0*)?') THEN ''
    WHEN regexp_full_match(trim(${c}), '[0-9]{9,11}([.][0-9]*)?') THEN
      strftime(CASE WHEN $gmt THEN timezone('UTC', to_timestamp(CAST(trim(${c}) AS DOUBLE)))
        ELSE timezone($tz, to_timestamp(CAST(trim(${c}) AS DOUBLE))) END, ${OUT})
    WHEN try_strptime(trim(${c}), ${TIME}) IS NOT NULL THEN trim(${c})
    ELSE ${c} END`;

/**
 * The file into `cdr_raw` with the 21-column layout's names, its `_raw` and `_problem`. $file,
 * $tz, $gmt. `width` is the file's number of fields, 19 or more.
 */
export function cdrCustomReadSql(width: number): string {
  const columns = Array.from({ length: width }, (_, i) => `'f${i}': 'VARCHAR'`).join(', ');
  const named = CDR_CUSTOM_LAYOUT.map((c, i) => `f${i} AS "${c}"`).join(', ');
  const raw = Array.from(
    { length: width },
    (_, i) => `'"' || replace(coalesce(f${i}, ''), '"', '""') || '"'`,
  ).join(', ');
  return `CREATE OR REPLACE TEMP TABLE cdr_raw AS
WITH t AS (
  SELECT row_number() OVER () AS line, ${named}, concat_ws(',', ${raw}) AS _raw
  FROM read_csv($file, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"',
    null_padding = true, columns = {${columns}})
)
SELECT line, accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata,
  ${wallClock('start')} AS start, ${wallClock('answer')} AS answer, ${wallClock('"end"')} AS "end",
  -- a duration with ,f is a fraction of seconds
  coalesce(CAST(round(try_cast(duration AS DOUBLE)) AS BIGINT)::VARCHAR, duration) AS duration,
  coalesce(CAST(round(try_cast(billsec AS DOUBLE)) AS BIGINT)::VARCHAR, billsec) AS billsec,
  disposition, amaflags, uniqueid, userfield, NULL::VARCHAR AS peeraccount, NULL::VARCHAR AS linkedid,
  sequence, _raw, NULL::VARCHAR AS _problem
FROM t`;
}
