import { cell, epochTime, isoUtc, operatorOf } from './text.sql.ts';

/** A header's column as its cell (`f[i]`), or NULL (read-text.ts columnOf). */
type Col = (...names: string[]) => string;

/**
 * vicidial_agent_log: one row per agent and lead (or per pause with no lead), which VICIdial
 * updates as the agent goes from pause to waiting, talking and dispositioning. Each part it timed
 * is one operator state: `pause_epoch` + `pause_sec` a pause (its pause code `sub_status` the
 * reason), `wait_*` available, `talk_*` talk (dead time, the customer gone before the agent,
 * counted in it as VICIdial counts it), `dispo_*` wrap. A part with no start or no seconds is no
 * state. A row that cannot be read gives one record, to be quarantined once.
 */
export const agentTypedSql = (col: Col) => `CREATE OR REPLACE TEMP TABLE vd_agent AS
SELECT line, raw, len(f) AS width, $width AS header_width,
  ${cell(col('user'))} AS agent, ${operatorOf(col('user'))} AS operator_id,
  ${cell(col('sub_status'))} AS pause_code,
  ${epochTime(col('pause_epoch'))} AS pause_at, try_cast(trim(${col('pause_sec')}) AS BIGINT) AS pause_s,
  ${epochTime(col('wait_epoch'))} AS wait_at, try_cast(trim(${col('wait_sec')}) AS BIGINT) AS wait_s,
  ${epochTime(col('talk_epoch'))} AS talk_at, try_cast(trim(${col('talk_sec')}) AS BIGINT) AS talk_s,
  ${epochTime(col('dispo_epoch'))} AS dispo_at, try_cast(trim(${col('dispo_sec')}) AS BIGINT) AS dispo_s
FROM delimited_rows`;

const state = (name: string, at: string, s: string, reason: string) =>
  `{'state': '${name}', 'n': ${name === 'pause' ? 1 : name === 'available' ? 2 : name === 'talk' ? 3 : 4}, 'at': ${at}, 's': ${s}, 'reason': ${reason}}`;

export const AGENT_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
WITH checked AS (
  SELECT *, CASE
      WHEN width <> header_width THEN 'has ' || width || ' fields; the header has ' || header_width
      WHEN agent IS NULL THEN 'user: is empty'
      WHEN operator_id IS NULL THEN 'user: "' || agent || '" is no operator''s PBX id'
    END AS problem
  FROM vd_agent
), parts AS (
  SELECT line, raw, operator_id, unnest([
      ${state('pause', 'pause_at', 'pause_s', 'pause_code')},
      ${state('available', 'wait_at', 'wait_s', 'NULL::VARCHAR')},
      ${state('talk', 'talk_at', 'talk_s', 'NULL::VARCHAR')},
      ${state('wrap', 'dispo_at', 'dispo_s', 'NULL::VARCHAR')}
    ]) AS p
  FROM checked WHERE problem IS NULL
)
SELECT line, raw, NULL::VARCHAR AS _row_problem, operator_id, p.state AS state,
  ${isoUtc('p.at')} AS started_at, ${isoUtc('p.at + to_seconds(p.s)')} AS ended_at, p.reason AS reason,
  p.n AS part
FROM parts WHERE p.at IS NOT NULL AND coalesce(p.s, 0) <> 0
UNION ALL
SELECT line, raw, problem, NULL, NULL, NULL, NULL, NULL, 0 FROM checked WHERE problem IS NOT NULL
ORDER BY line, part`;

export const AGENT_COLUMNS = ['operator_id', 'state', 'started_at', 'ended_at', 'reason'];
