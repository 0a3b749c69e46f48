import { csvRawSql } from '../facts/stage.sql.ts';
import { cell, columnOf, DATE_TIMES, exportRead } from './export-header.ts';

/**
 * Asterisk's `queue_log` table (realtime queue_log through res_config_odbc or res_config_mysql;
 * FreePBX, Issabel, QueueMetrics' own) exported as CSV with a header. Asterisk stores `time` as
 * `YYYY-MM-DD HH:MM:SS.ffffff`, the server's local time, or UTC with queue_log_realtime_use_gmt
 * (some installations keep the Unix time instead); the event's fields in `data1`..`data5`
 * (queue_adaptive_realtime) or, joined by `|`, in one `data`.
 */
export const QUEUE_LOG_TABLE_COLUMNS: Record<string, string[]> = {
  time: ['time', 'timestamp'],
  callid: ['callid'],
  queuename: ['queuename', 'queue'],
  agent: ['agent'],
  event: ['event', 'verb'],
  data: ['data'],
  data1: ['data1'],
  data2: ['data2'],
  data3: ['data3'],
  data4: ['data4'],
  data5: ['data5'],
};

export const QUEUE_LOG_TABLE_REQUIRED = ['time', 'callid', 'queuename', 'event'];

/**
 * The export into `qlog_raw` as the queue_log file is read (queue-log.sql.ts): `epoch` the Unix
 * time of `time` (a date-time is wall-clock time in $tz, or UTC when $gmt), the data fields,
 * each record's line as if no record were set aside, `_raw` and `_problem`. $file, $delim.
 */
export function queueLogTableReadSql(names: readonly string[]): string {
  const col = (field: string) => cell(columnOf(names, ...(QUEUE_LOG_TABLE_COLUMNS[field] as string[])));
  const fields = Object.keys(QUEUE_LOG_TABLE_COLUMNS)
    .map((f) => `${col(f)} AS "${f}"`)
    .join(',\n    ');
  const timeName = columnOf(names, ...(QUEUE_LOG_TABLE_COLUMNS.time as string[])) ?? 'time';
  const N = [1, 2, 3, 4, 5];
  // data1..data5 when the row has any of them, else the parts of `data`
  const chosen = N.map(
    (i) =>
      `CASE WHEN coalesce(data1, data2, data3, data4, data5) IS NULL THEN nullif(trim(parts[${i}]), '') ELSE data${i} END AS d${i}`,
  );
  // An empty field is none, as DuckDB reads the file's: the same event from both is one event.
  const dataN = N.map((i) => `d${i} AS data${i}`);
  return `CREATE OR REPLACE TEMP TABLE qlog_raw AS
WITH t AS (
  SELECT ordinality AS n, ${fields},
    ${csvRawSql(names)} AS _raw
  FROM ${exportRead(names)} WITH ORDINALITY
),
p AS (
  SELECT *, ${chosen.join(', ')},
    CASE WHEN regexp_full_match(time, '[0-9]{9,11}([.][0-9]*)?') THEN floor(CAST(time AS DOUBLE))::BIGINT
      ELSE floor(epoch(CASE WHEN $gmt THEN try_strptime(time, ${DATE_TIMES})::TIMESTAMP AT TIME ZONE 'UTC'
        ELSE timezone($tz, try_strptime(time, ${DATE_TIMES})::TIMESTAMP) END))::BIGINT END AS at_s
  FROM (SELECT *, string_split(data, '|') AS parts FROM t)
)
SELECT n + 1 AS line, at_s::VARCHAR AS epoch, callid, queuename, agent, event, ${dataN.join(', ')},
  CASE WHEN at_s IS NULL THEN '${timeName.replace(/'/g, "''")}: is not a date-time (YYYY-MM-DD HH:MM:SS) or a Unix time' END AS _problem,
  _raw
FROM p`;
}
