import { STATE_EVENTS } from './member-states.ts';
import { nameKeys } from './merge.sql.ts';

const LOGINS = `('ADDMEMBER', 'AGENTLOGIN', 'AGENTCALLBACKLOGIN')`;
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

/**
 * For the report: the file's new member events whose name matches no operator ('unknown', by
 * name), and its member events that give no state (PENALTY, QUEUESTART …: 'ignored', by event).
 */
export const MEMBER_NOTES_SQL = `SELECT 'unknown' AS what, agent AS name, count(*) AS n FROM fresh_members
  WHERE agent NOT IN (SELECT name FROM member_of) GROUP BY agent
UNION ALL
SELECT 'ignored', event, count(*) FROM qlog
  WHERE problem IS NULL AND class = 'member' AND NOT (event IN ${STATE_LIST} AND ${AGENT} IS NOT NULL)
  GROUP BY event
ORDER BY what, name`;

/**
 * The operators whose states this import rebuilds, each from `from_s`: those with new member
 * events, those of the calls it merged (their talk), and those still logged in at the last
 * import's end ($horizon: their open state runs on to this file's end). An operator is rebuilt
 * from the start of his login the earliest of these falls in (a stored state of his that none of
 * his ends at: before it he was logged out, so nothing earlier changes what follows), or from
 * the beginning when none is before it: a day's file replays a day, not his whole history.
 */
export const STATE_OPERATORS_SQL = `CREATE OR REPLACE TEMP TABLE state_ops AS
WITH since AS (
  SELECT m.operator_id, f.epoch AS t FROM fresh_members f JOIN member_of m ON m.name = f.agent
  UNION ALL SELECT operator_id, epoch(coalesce(answered_at, started_at))::BIGINT FROM merged
    WHERE operator_id IS NOT NULL
  UNION ALL SELECT operator_id, epoch(started_at)::BIGINT FROM operator_states
    WHERE derived_from = 'queue_log' AND ended_at = to_timestamp($horizon)
),
ops AS (SELECT operator_id, min(t) AS t0 FROM since GROUP BY operator_id),
mine AS (
  SELECT operator_id, epoch(started_at)::BIGINT AS at_s, epoch(ended_at)::BIGINT AS end_s
  FROM operator_states WHERE derived_from = 'queue_log' AND operator_id IN (SELECT operator_id FROM ops)
),
logins AS (
  SELECT a.operator_id, a.at_s FROM mine a
  WHERE NOT EXISTS (SELECT 1 FROM mine b WHERE b.operator_id = a.operator_id AND b.end_s = a.at_s)
)
SELECT ops.operator_id, coalesce(max(l.at_s) FILTER (WHERE l.at_s <= ops.t0), 0) AS from_s
FROM ops LEFT JOIN logins l ON l.operator_id = ops.operator_id
GROUP BY ops.operator_id`;

/**
 * The stored member events of those operators from their `from_s`, in the order they happened,
 * with the second of the queue_log's last line before each (`before_s`: where a login re-added
 * without a removal ended).
 */
export const STATE_EVENTS_SQL = `WITH ev AS (
  -- two PBXs' queues of one name are two queues
  SELECT m.operator_id, e.epoch, CASE WHEN e.pbx = '' THEN e.queue ELSE e.pbx || ':' || e.queue END AS queue,
    e.event, e.data1, e.import_id, e.line
  FROM pbx_member_events e JOIN member_of m ON m.name = e.agent
  JOIN state_ops o ON o.operator_id = m.operator_id
  WHERE e.epoch >= o.from_s
),
lo AS (SELECT min(from_s) AS lo FROM state_ops),
-- the seconds of the logins (0) among those of every line since (1): a login's running maximum
-- of the lines' seconds, same-second lines sorted after it, is the last line before it
marks AS (
  SELECT DISTINCT epoch, 0 AS kind FROM ev WHERE event IN ${LOGINS}
  UNION ALL SELECT epoch, 1 FROM pbx_queue_events WHERE epoch >= (SELECT lo FROM lo)
  UNION ALL SELECT epoch, 1 FROM pbx_member_events WHERE epoch >= (SELECT lo FROM lo)
),
befores AS (
  SELECT epoch, kind, max(CASE WHEN kind = 1 THEN epoch END)
    OVER (ORDER BY epoch, kind ROWS UNBOUNDED PRECEDING) AS before_s
  FROM marks
)
SELECT ev.operator_id, ev.epoch, ev.queue, ev.event, ev.data1,
  CASE WHEN ev.event IN ${LOGINS} THEN b.before_s END AS before_s
FROM ev LEFT JOIN (SELECT epoch, before_s FROM befores WHERE kind = 0) b ON b.epoch = ev.epoch
ORDER BY ev.operator_id, ev.epoch, ev.import_id, ev.line`;

/** Their answered calls after `from_s`: from the answer for the talk time (to the end, without one). */
export const STATE_TALKS_SQL = `SELECT * FROM (
  SELECT c.operator_id, epoch(c.answered_at)::BIGINT AS from_s,
    coalesce(epoch(c.answered_at)::BIGINT + c.talk_s, epoch(c.ended_at)::BIGINT) AS to_s, o.from_s AS since
  FROM calls c JOIN state_ops o ON o.operator_id = c.operator_id
  WHERE c.answered_at IS NOT NULL
) WHERE to_s > since
ORDER BY operator_id, from_s`;

export const MEMBER_STATES_TABLE_SQL = `CREATE OR REPLACE TEMP TABLE member_states (
  operator_id VARCHAR, state VARCHAR, from_s BIGINT, to_s BIGINT, reason VARCHAR)`;

/**
 * The rebuilt states replace the stored ones of the same operators from their `from_s` that differ; a state that
 * comes out the same keeps the import that wrote it (a file imported again changes nothing).
 */
const STORED = `SELECT s.operator_id, s.state, s.started_at, s.ended_at, s.reason FROM operator_states s
    JOIN state_ops o ON o.operator_id = s.operator_id
    WHERE s.derived_from = 'queue_log' AND s.started_at >= to_timestamp(o.from_s)`;
const REBUILT = `SELECT operator_id, state, to_timestamp(from_s), to_timestamp(to_s), reason FROM member_states`;

export const REPLACE_STATES_SQL = [
  `CREATE OR REPLACE TEMP TABLE gone AS ${STORED} EXCEPT ${REBUILT}`,
  `CREATE OR REPLACE TEMP TABLE added AS ${REBUILT} EXCEPT ${STORED}`,
  `DELETE FROM operator_states s USING gone g
    WHERE s.derived_from = 'queue_log' AND s.operator_id = g.operator_id AND s.state = g.state
      AND s.started_at = g.started_at AND s.ended_at = g.ended_at
      AND s.reason IS NOT DISTINCT FROM g.reason`,
  `INSERT INTO operator_states (operator_id, state, started_at, ended_at, reason, import_id, derived_from)
    SELECT *, $importId, 'queue_log' FROM added`,
];

export const MEMBER_TEMP_TABLES = [
  'fresh_members',
  'member_of',
  'state_ops',
  'member_states',
  'gone',
  'added',
];
