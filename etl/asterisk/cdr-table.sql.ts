import { csvRawSql } from '../facts/stage.sql.ts';
import { cell, columnOf, DATE_TIMES, exportRead } from './export-header.ts';

/**
 * Asterisk's `cdr` table (cdr_mysql, cdr_odbc, cdr_adaptive_odbc, cdr_pgsql; FreePBX's and
 * Issabel's `asteriskcdrdb.cdr`, VitalPBX, PBXware) exported as CSV with a header: columns by
 * name, in any order. The table has one time, `calldate`, the start; answer and end are derived
 * from it (answer = start + duration − billsec for an ANSWERED leg, end = start + duration), or
 * read from `answer` and `end` columns where a table has them.
 */

/** The columns read, each by the names tables give it; any other column is ignored. */
export const CDR_TABLE_COLUMNS: Record<string, string[]> = {
  start: ['calldate', 'start'],
  answer: ['answer'],
  end: ['end'],
  clid: ['clid'],
  src: ['src'],
  dst: ['dst'],
  dcontext: ['dcontext'],
  channel: ['channel'],
  dstchannel: ['dstchannel'],
  lastapp: ['lastapp'],
  lastdata: ['lastdata'],
  duration: ['duration'],
  billsec: ['billsec'],
  disposition: ['disposition'],
  amaflags: ['amaflags'],
  accountcode: ['accountcode'],
  uniqueid: ['uniqueid'],
  userfield: ['userfield'],
  peeraccount: ['peeraccount'],
  linkedid: ['linkedid'],
  sequence: ['sequence'],
};

/** Without these a leg cannot be told: refused naming them. */
export const CDR_TABLE_REQUIRED = ['start', 'duration', 'billsec', 'disposition'];

const OUT = `'%Y-%m-%d %H:%M:%S'`;

/**
 * The export into `cdr_raw` with the 21-column layout's names (times as `YYYY-MM-DD HH:MM:SS`,
 * as cdr_csv writes them), each record's line as if no record were set aside (REJECTED_LINES_SQL
 * moves them past those that were), `_raw` and `_problem`. $file, $delim.
 */
export function cdrTableReadSql(names: readonly string[]): string {
  const col = (field: string) => cell(columnOf(names, ...(CDR_TABLE_COLUMNS[field] as string[])));
  const fields = Object.keys(CDR_TABLE_COLUMNS)
    .map((f) => `${col(f)} AS "${f}"`)
    .join(',\n    ');
  return `CREATE OR REPLACE TEMP TABLE cdr_raw AS
WITH t AS (
  SELECT ordinality AS n, ${fields},
    ${csvRawSql(names)} AS _raw
  FROM ${exportRead(names)} WITH ORDINALITY
),
p AS (
  SELECT *, try_strptime(start, ${DATE_TIMES}) AS start_ts,
    try_cast(duration AS DOUBLE) AS dur, try_cast(billsec AS DOUBLE) AS bill,
    -- a MySQL DATETIME column with no value is 0000-00-00 00:00:00: no time
    try_strptime(answer, ${DATE_TIMES}) AS answer_ts, try_strptime("end", ${DATE_TIMES}) AS end_ts
  FROM t
)
SELECT n + 1 AS line,
  accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata,
  coalesce(strftime(start_ts, ${OUT}), start) AS start,
  coalesce(strftime(answer_ts, ${OUT}), CASE WHEN upper(disposition) = 'ANSWERED'
    THEN strftime(start_ts + to_seconds(CAST(round(dur - bill) AS BIGINT)), ${OUT}) END) AS answer,
  coalesce(strftime(end_ts, ${OUT}), strftime(start_ts + to_seconds(CAST(round(dur) AS BIGINT)), ${OUT})) AS "end",
  CAST(round(dur) AS BIGINT)::VARCHAR AS duration, CAST(round(bill) AS BIGINT)::VARCHAR AS billsec,
  disposition, amaflags, uniqueid, userfield, peeraccount, linkedid, sequence, _raw,
  CASE
    WHEN start_ts IS NULL THEN '${names.find((n) => /^calldate$/i.test(n)) ? 'calldate' : 'start'}: is not a date-time (YYYY-MM-DD HH:MM:SS)'
    WHEN dur IS NULL OR dur < 0 THEN 'duration: is not a number of seconds'
    WHEN bill IS NULL OR bill < 0 THEN 'billsec: is not a number of seconds'
    WHEN bill > dur THEN 'billsec: is more than duration'
  END AS _problem
FROM p`;
}
