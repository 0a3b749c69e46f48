/**
 * Asterisk queue_log: `epoch|callid|queuename|agent|event|data1..data5`, one event a line, no
 * quoting. Lines have as many fields as their event needs, hence the padding.
 */
export const QUEUE_LOG_READ_SQL = `CREATE OR REPLACE TEMP TABLE qlog_raw AS
SELECT row_number() OVER () AS line, *, NULL::VARCHAR AS _problem, NULL::VARCHAR AS _raw
FROM read_csv($file, header = false, auto_detect = false, delim = '|', quote = '', escape = '',
  null_padding = true, strict_mode = false,
  columns = {'epoch': 'VARCHAR', 'callid': 'VARCHAR', 'queuename': 'VARCHAR', 'agent': 'VARCHAR',
    'event': 'VARCHAR', 'data1': 'VARCHAR', 'data2': 'VARCHAR', 'data3': 'VARCHAR', 'data4': 'VARCHAR',
    'data5': 'VARCHAR'})`;

const list = (events: string[]) => `(${events.map((e) => `'${e}'`).join(', ')})`;

/** Events that end a queued call: after talking, by a transfer, or unanswered. */
const TALK_ENDS = ['COMPLETEAGENT', 'COMPLETECALLER'];
const TRANSFERS = ['TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'OUTTRANSFER'];
const GAVE_UP = ['ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY'];
/** An outbound attempt the queue dialled (OUTDIAL) that reached no one. */
const OUT_FAILED = ['OUTCANCEL', 'OUTCHANUNAVAIL', 'OUTCONGESTION'];
export const END_EVENTS = [...TALK_ENDS, ...TRANSFERS, ...GAVE_UP, ...OUT_FAILED];

/** Events of a call that say what happened to it. */
const CALL_EVENTS = ['ENTERQUEUE', 'CONNECT', 'OUTDIAL', 'OUTANSWER', ...END_EVENTS];
/**
 * Events of a call that carry nothing the calls table holds: read, kept with the call (they tie a
 * part of a call in a later file to it) and counted by name in the report.
 */
const CALL_NOTES = [
  'AGENTCALLED',
  'RINGNOANSWER',
  'RINGCANCELED',
  'AGENTDUMP',
  'DID',
  'INFO',
  'HOLD',
  'UNHOLD',
];
/**
 * Events of queue members and of the queue itself, whatever their callid (`NONE`, `CLI`,
 * `MANAGER`, `REALTIME`, or the uniqueid of the channel that ran the login, as a FreePBX *45 does):
 * never a call.
 */
const MEMBER_EVENTS = [
  'AGENTLOGIN',
  'AGENTLOGOFF',
  'AGENTCALLBACKLOGIN',
  'AGENTCALLBACKLOGOFF',
  'ADDMEMBER',
  'REMOVEMEMBER',
  'PAUSE',
  'UNPAUSE',
  'PAUSEALL',
  'UNPAUSEALL',
  'PENALTY',
  'QUEUESTART',
  'CONFIGRELOAD',
  'SYSCOMPAT',
];

/**
 * Checks each line of `qlog_raw` and sorts it (a database table's rows come with their own `_raw`,
 * the record as the file has it, and `_problem`, what its reader found wrong first): `call` (an event of a call, kept), `member` (of a member or the
 * queue: counted). `rank` orders the events of one second as they happen in a call.
 */
export const QUEUE_LOG_CHECK_SQL = `CREATE OR REPLACE TEMP TABLE qlog AS
SELECT line, try_cast(epoch AS BIGINT) AS epoch, $prefix || trim(callid) AS callid, queuename, agent,
  upper(trim(event)) AS event, data1, data2, data3, data4, data5,
  CASE
    WHEN upper(trim(event)) IN ${list(MEMBER_EVENTS)} THEN 'member'
    WHEN upper(trim(event)) IN ${list([...CALL_EVENTS, ...CALL_NOTES])} AND upper(trim(callid)) <> 'NONE' THEN 'call'
    WHEN upper(trim(event)) IN ${list([...CALL_EVENTS, ...CALL_NOTES])} THEN 'member'
  END AS class,
  CASE
    WHEN _problem IS NOT NULL THEN _problem
    WHEN try_cast(epoch AS BIGINT) IS NULL THEN 'epoch: is not a Unix time'
    WHEN nullif(trim(callid), '') IS NULL THEN 'callid: is empty'
    WHEN upper(trim(event)) NOT IN ${list([...CALL_EVENTS, ...CALL_NOTES, ...MEMBER_EVENTS])}
      THEN 'event: "' || coalesce(event, '') || '" is not a queue_log event'
  END AS problem,
  -- the line again, its empty fields kept (concat_ws would drop them), the padding after it not
  coalesce(_raw, rtrim(concat_ws('|', coalesce(epoch, ''), coalesce(callid, ''), coalesce(queuename, ''),
    coalesce(agent, ''), coalesce(event, ''), coalesce(data1, ''), coalesce(data2, ''),
    coalesce(data3, ''), coalesce(data4, ''), coalesce(data5, '')), '|')) AS raw
FROM qlog_raw`;

/** The call events of the file not stored yet (a line read twice, in two files, is one event). */
export const QUEUE_EVENTS_FRESH_SQL = `CREATE OR REPLACE TEMP TABLE fresh_events AS
(SELECT DISTINCT callid AS call_id, epoch, queuename AS queue, agent, event, data1, data2, data3, data4, data5
  FROM qlog WHERE problem IS NULL AND class = 'call')
EXCEPT
(SELECT call_id, epoch, queue, agent, event, data1, data2, data3, data4, data5 FROM pbx_queue_events
  -- only the stored events of the file's calls are compared, not the whole history
  WHERE call_id IN (SELECT callid FROM qlog WHERE problem IS NULL AND class = 'call'))`;

/** Orders the events of one second as a call goes: in, ringing, answered, over. */
const RANK = `(epoch * 8 + CASE
  WHEN event IN ('DID', 'ENTERQUEUE', 'OUTDIAL') THEN 0
  WHEN event IN ('AGENTCALLED', 'RINGNOANSWER', 'RINGCANCELED') THEN 1
  WHEN event IN ('CONNECT', 'OUTANSWER') THEN 2
  WHEN event IN ${list(END_EVENTS)} THEN 4
  ELSE 3 END)`;

/**
 * One row per call of `touched`, from all its stored events (every file's). The talk time is the
 * calltime of the event that ended the call (billsec in the CDR would include the wait), else the
 * time from the answer to the end; the operator is the agent of the last CONNECT (OUTANSWER, or
 * the agent who dialled, for an outbound call), not one who only rang (RINGNOANSWER). A call
 * with no ending event yet has no `end_event`: it is still open.
 */
export const QUEUE_CALLS_SQL = `CREATE OR REPLACE TEMP TABLE qcalls AS
WITH e AS (SELECT *, ${RANK} AS rank FROM pbx_queue_events WHERE call_id IN (SELECT call_id FROM touched)),
ended AS (
  SELECT call_id, arg_max(event, rank) AS end_event, arg_max(epoch, rank) AS end_epoch,
    arg_max(CASE
      WHEN event IN ${list(TALK_ENDS)} THEN try_cast(data2 AS INTEGER)
      WHEN event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') THEN try_cast(data4 AS INTEGER)
    END, rank) AS calltime_s,
    arg_max(CASE
      WHEN event IN ('ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY') THEN try_cast(data3 AS INTEGER)
      -- key|position|origposition|waittime: the key pressed comes first
      WHEN event = 'EXITWITHKEY' THEN try_cast(data4 AS INTEGER)
    END, rank) AS abandon_wait_s,
    -- holdtime|calltime… after talking; extension|context|holdtime|calltime… after a transfer
    arg_max(CASE
      WHEN event IN ${list(TALK_ENDS)} THEN try_cast(data1 AS INTEGER)
      WHEN event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') THEN try_cast(data3 AS INTEGER)
    END, rank) AS hold_s,
    arg_max(agent, rank) AS end_agent,
    arg_max(CASE WHEN event IN ('TRANSFER', 'BLINDTRANSFER', 'OUTTRANSFER') THEN data1 END, rank) AS transferred_to
  FROM e WHERE event IN ${list(END_EVENTS)}
  GROUP BY call_id
),
entered AS (
  SELECT call_id, arg_min(queue, rank) AS queue, arg_min(data2, rank) AS caller, min(epoch) AS enter_epoch
  FROM e WHERE event = 'ENTERQUEUE' GROUP BY call_id
),
dialled AS (
  SELECT call_id, arg_min(queue, rank) AS queue, arg_min(data1, rank) AS number, arg_min(agent, rank) AS agent
  FROM e WHERE event = 'OUTDIAL' GROUP BY call_id
),
connected AS (
  SELECT call_id, arg_max(agent, rank) AS agent, arg_max(epoch, rank) AS connect_epoch,
    arg_max(CASE WHEN event = 'CONNECT' THEN try_cast(data1 AS INTEGER) END, rank) AS wait_s
  FROM e WHERE event IN ('CONNECT', 'OUTANSWER') GROUP BY call_id
),
ids AS (SELECT call_id, arg_min(queue, rank) AS any_queue, min(epoch) AS first_epoch FROM e GROUP BY call_id),
-- A call whose CONNECT was in a file not imported (it began before the oldest file) is known to
-- have been answered from its end after talking: calltime seconds before it, holdtime after it came
talked AS (
  SELECT call_id, end_epoch - calltime_s AS connect_epoch, end_epoch - calltime_s - hold_s AS came_epoch
  FROM ended WHERE end_event IN ${list([...TALK_ENDS, 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER'])}
)
SELECT ids.call_id,
  coalesce(entered.queue, dialled.queue, ids.any_queue) AS queue,
  nullif(trim(coalesce(entered.caller, dialled.number)), '') AS caller,
  to_timestamp(entered.enter_epoch) AS enter_at,
  to_timestamp(coalesce(connected.connect_epoch, talked.connect_epoch)) AS connect_at,
  coalesce(nullif(trim(connected.agent), ''), dialled.agent, CASE WHEN talked.call_id IS NOT NULL THEN ended.end_agent END) AS agent,
  coalesce(connected.wait_s, ended.hold_s, ended.abandon_wait_s) AS wait_s,
  coalesce(ended.calltime_s, CASE
    WHEN ended.end_event NOT IN ${list([...GAVE_UP, ...OUT_FAILED])} THEN ended.end_epoch - connected.connect_epoch
  END)::INTEGER AS calltime_s,
  ended.end_event,
  to_timestamp(ended.end_epoch) AS end_at,
  ended.transferred_to,
  to_timestamp(least(ids.first_epoch, talked.came_epoch)) AS first_at,
  CASE WHEN dialled.call_id IS NOT NULL AND entered.call_id IS NULL THEN 'outbound' ELSE 'inbound' END AS direction
FROM ids
LEFT JOIN entered USING (call_id)
LEFT JOIN dialled USING (call_id)
LEFT JOIN connected USING (call_id)
LEFT JOIN ended USING (call_id)
LEFT JOIN talked USING (call_id)`;

/** Lines whose bytes no likely encoding reads as text ($lines) are quarantined with $reason. */
export const QUEUE_LOG_UNREADABLE_SQL = 'UPDATE qlog SET problem = $reason WHERE list_contains($lines, line)';

/**
 * The file's calls not over yet, for the report: no ending event among all their events so far,
 * and no CDR (written at hang-up).
 */
export const OPEN_CALLS_SQL = `SELECT count(*) FROM pbx_queue_calls
  WHERE end_event IS NULL AND call_id IN (SELECT callid FROM qlog WHERE problem IS NULL AND class = 'call')
    AND call_id NOT IN (SELECT call_id FROM pbx_cdr)`;
