import { STATE_EVENTS } from './member-states.ts';
import { nameKeys } from './merge.sql.ts';

const STATE_LIST = `(${STATE_EVENTS.map((e) => `'${e}'`).join(', ')})`;

/** The member's name as written; `NONE` (a queue's own event) is nobody. */
const AGENT = `nullif(nullif(trim(agent), ''), 'NONE')`;

/**
 * The last second the stored queue_log reaches (call and member events, every file): a login
 * still open runs to it for now.
 */
export const HORIZON_SQL = `SELECT coalesce(greatest((SELECT max(epoch) FROM pbx_queue_events),
  (SELECT max(epoch) FROM pbx_member_events)), 0)`;

/**
 * The file's login and pause events not stored yet (`qlog`, after QUEUE_LOG_CHECK_SQL): a line
 * read twice, in two files, is one event. $pbx is the source's name ('' for none). The queue is
 * null for none (`NONE`, empty): all the member's queues.
 */
export const MEMBER_EVENTS_FRESH_SQL = `CREATE OR REPLACE TEMP TABLE fresh_members AS
WITH f AS (
  SELECT $pbx AS pbx, epoch,
    CASE WHEN upper(trim(coalesce(queuename, ''))) IN ('', 'NONE') THEN NULL ELSE trim(queuename) END AS queue,
    ${AGENT} AS agent, event, data1, data2, data3, min(line) AS line
  FROM qlog
  WHERE problem IS NULL AND class = 'member' AND event IN ${STATE_LIST} AND ${AGENT} IS NOT NULL
  GROUP BY ALL
)
SELECT * FROM f WHERE NOT EXISTS (
  SELECT 1 FROM pbx_member_events p
  WHERE p.pbx = f.pbx AND p.epoch = f.epoch AND p.agent = f.agent AND p.event = f.event
    AND p.queue IS NOT DISTINCT FROM f.queue AND p.data1 IS NOT DISTINCT FROM f.data1
    AND p.data2 IS NOT DISTINCT FROM f.data2 AND p.data3 IS NOT DISTINCT FROM f.data3
)`;

/** The member events of the file that give no state (PENALTY, QUEUESTART …), by name. */
export const MEMBER_IGNORED_SQL = `SELECT event, count(*) FROM qlog
  WHERE problem IS NULL AND class = 'member' AND NOT (event IN ${STATE_LIST} AND ${AGENT} IS NOT NULL)
  GROUP BY event ORDER BY event`;

/**
 * The operator of every member name stored (`pbx_map`, as the calls' agents are matched: the whole
 * name, its TECH/EXT or its EXT).
 */
export const MEMBER_OF_SQL = `CREATE OR REPLACE TEMP TABLE member_of AS
WITH names AS (SELECT DISTINCT agent AS name FROM pbx_member_events),
keys AS (SELECT name, unnest(${nameKeys('name')}) AS key FROM names)
SELECT k.name, min(m.operator_id) AS operator_id
FROM keys k JOIN pbx_map m ON m.key = k.key
WHERE k.key <> ''
GROUP BY k.name`;

/** The file's member names that match no operator, with their events. */
export const MEMBER_UNKNOWN_SQL = `SELECT agent, count(*) FROM fresh_members
  WHERE agent NOT IN (SELECT name FROM member_of) GROUP BY agent ORDER BY agent`;

/**
 * The operators whose states this import rebuilds: those with new member events, those of the
 * calls it merged (their talk), and those still logged in at the last import's end
 * ($horizon: their open state runs on to this file's end).
 */
export const STATE_OPERATORS_SQL = `CREATE OR REPLACE TEMP TABLE state_ops AS
SELECT operator_id FROM member_of WHERE name IN (SELECT agent FROM fresh_members)
UNION SELECT operator_id FROM merged WHERE operator_id IS NOT NULL
UNION SELECT operator_id FROM operator_states
  WHERE derived_from = 'queue_log' AND ended_at = to_timestamp($horizon)`;

/**
 * Every stored member event of those operators, in the order they happened, with the second of
 * the queue_log's last line before it (`before_s`: where a login re-added without a removal ended).
 */
export const STATE_EVENTS_SQL = `WITH ev AS (
  SELECT m.operator_id, e.epoch, e.queue, e.event, e.data1, e.import_id, e.line
  FROM pbx_member_events e JOIN member_of m ON m.name = e.agent
  WHERE m.operator_id IN (SELECT operator_id FROM state_ops)
),
seconds AS (SELECT DISTINCT epoch FROM pbx_queue_events UNION SELECT DISTINCT epoch FROM pbx_member_events)
SELECT ev.operator_id, ev.epoch, ev.queue, ev.event, ev.data1, s.epoch AS before_s
FROM ev ASOF LEFT JOIN seconds s ON ev.epoch > s.epoch
ORDER BY ev.operator_id, ev.epoch, ev.import_id, ev.line`;

/** Their answered calls: from the answer for the talk time (to the end, without one). */
export const STATE_TALKS_SQL = `SELECT operator_id, epoch(answered_at)::BIGINT AS from_s,
  coalesce(epoch(answered_at)::BIGINT + talk_s, epoch(ended_at)::BIGINT) AS to_s
FROM calls
WHERE operator_id IN (SELECT operator_id FROM state_ops) AND answered_at IS NOT NULL
ORDER BY operator_id, from_s`;

export const MEMBER_STATES_TABLE_SQL = `CREATE OR REPLACE TEMP TABLE member_states (
  operator_id VARCHAR, state VARCHAR, from_s BIGINT, to_s BIGINT, reason VARCHAR)`;

/**
 * The rebuilt states replace the stored ones of the same operators that differ; a state that
 * comes out the same keeps the import that wrote it (a file imported again changes nothing).
 */
export const REPLACE_STATES_SQL = [
  `CREATE OR REPLACE TEMP TABLE rebuilt AS
    SELECT operator_id, state, to_timestamp(from_s) AS started_at, to_timestamp(to_s) AS ended_at, reason
    FROM member_states`,
  `CREATE OR REPLACE TEMP TABLE gone AS
    SELECT operator_id, state, started_at, ended_at, reason FROM operator_states
    WHERE derived_from = 'queue_log' AND operator_id IN (SELECT operator_id FROM state_ops)
    EXCEPT SELECT * FROM rebuilt`,
  `CREATE OR REPLACE TEMP TABLE added AS
    SELECT * FROM rebuilt
    EXCEPT SELECT operator_id, state, started_at, ended_at, reason FROM operator_states
    WHERE derived_from = 'queue_log' AND operator_id IN (SELECT operator_id FROM state_ops)`,
  `DELETE FROM operator_states s USING gone g
    WHERE s.derived_from = 'queue_log' AND s.operator_id = g.operator_id AND s.state = g.state
      AND s.started_at = g.started_at AND s.ended_at = g.ended_at
      AND s.reason IS NOT DISTINCT FROM g.reason`,
  `INSERT INTO operator_states BY NAME
    SELECT *, $importId AS import_id, 'queue_log' AS derived_from FROM added`,
];

export const MEMBER_TEMP_TABLES = [
  'fresh_members',
  'member_of',
  'state_ops',
  'member_states',
  'rebuilt',
  'gone',
  'added',
];
