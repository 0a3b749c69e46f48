/**
 * Asterisk queue_log: `epoch|callid|queuename|agent|event|data1..data5`, one event a line, no
 * quoting. Lines have as many fields as their event needs, hence the padding.
 */
export const QUEUE_LOG_READ_SQL = `CREATE OR REPLACE TEMP TABLE qlog_raw AS
SELECT row_number() OVER () AS line, *
FROM read_csv($file, header = false, auto_detect = false, delim = '|', quote = '', escape = '',
  null_padding = true, strict_mode = false,
  columns = {'epoch': 'VARCHAR', 'callid': 'VARCHAR', 'queuename': 'VARCHAR', 'agent': 'VARCHAR',
    'event': 'VARCHAR', 'data1': 'VARCHAR', 'data2': 'VARCHAR', 'data3': 'VARCHAR', 'data4': 'VARCHAR',
    'data5': 'VARCHAR'})`;

/** Events that end a queued call, and those that end it unanswered. */
const END_EVENTS = `('COMPLETEAGENT', 'COMPLETECALLER', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER',
  'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY')`;
const KNOWN_EVENTS = `('ENTERQUEUE', 'CONNECT', 'RINGNOANSWER', 'RINGCANCELED', 'COMPLETEAGENT', 'COMPLETECALLER',
  'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY',
  'AGENTLOGIN', 'AGENTLOGOFF', 'AGENTCALLBACKLOGIN', 'AGENTCALLBACKLOGOFF', 'ADDMEMBER', 'REMOVEMEMBER',
  'PAUSE', 'UNPAUSE', 'PAUSEALL', 'UNPAUSEALL', 'QUEUESTART', 'CONFIGRELOAD', 'SYSCOMPAT', 'AGENTDUMP',
  'ENTERQUEUE', 'DID', 'INFO', 'HOLD', 'UNHOLD')`;

/** Checks each line; events of agent sessions (callid NONE) are read but belong to no call. */
export const QUEUE_LOG_CHECK_SQL = `CREATE OR REPLACE TEMP TABLE qlog AS
SELECT line, try_cast(epoch AS BIGINT) AS epoch, trim(callid) AS callid, queuename, agent, upper(event) AS event,
  data1, data2, data3, data4, data5,
  CASE
    WHEN try_cast(epoch AS BIGINT) IS NULL THEN 'epoch: is not a Unix time'
    WHEN nullif(trim(callid), '') IS NULL THEN 'callid: is empty'
    WHEN upper(event) NOT IN ${KNOWN_EVENTS} THEN 'event: "' || coalesce(event, '') || '" is not a queue_log event'
  END AS problem,
  -- the line again, its empty fields kept (concat_ws would drop them), the padding after it not
  rtrim(concat_ws('|', coalesce(epoch, ''), coalesce(callid, ''), coalesce(queuename, ''),
    coalesce(agent, ''), coalesce(event, ''), coalesce(data1, ''), coalesce(data2, ''),
    coalesce(data3, ''), coalesce(data4, ''), coalesce(data5, '')), '|') AS raw
FROM qlog_raw`;

/**
 * One row per queued call. The talk time is the calltime of the event that ended the call
 * (billsec in the CDR would include the wait); the operator is the agent of the last CONNECT,
 * not one who only rang (RINGNOANSWER).
 */
export const QUEUE_CALLS_SQL = `CREATE OR REPLACE TEMP TABLE qcalls AS
WITH e AS (SELECT * FROM qlog WHERE problem IS NULL AND callid <> 'NONE'),
ended AS (
  SELECT callid, arg_max(event, epoch) AS end_event, max(epoch) AS end_epoch,
    arg_max(CASE
      WHEN event IN ('COMPLETEAGENT', 'COMPLETECALLER') THEN try_cast(data2 AS INTEGER)
      WHEN event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') THEN try_cast(data4 AS INTEGER)
    END, epoch) AS calltime_s,
    arg_max(CASE
      WHEN event IN ('ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY') THEN try_cast(data3 AS INTEGER)
      -- key|position|origposition|waittime: the key pressed comes first
      WHEN event = 'EXITWITHKEY' THEN try_cast(data4 AS INTEGER)
    END, epoch) AS abandon_wait_s,
    arg_max(CASE WHEN event IN ('TRANSFER', 'BLINDTRANSFER') THEN data1 END, epoch) AS transferred_to
  FROM e WHERE event IN ${END_EVENTS}
  GROUP BY callid
),
entered AS (
  SELECT callid, arg_min(queuename, epoch) AS queue, arg_min(data2, epoch) AS caller, min(epoch) AS enter_epoch
  FROM e WHERE event = 'ENTERQUEUE' GROUP BY callid
),
connected AS (
  SELECT callid, arg_max(agent, epoch) AS agent, max(epoch) AS connect_epoch,
    arg_max(try_cast(data1 AS INTEGER), epoch) AS wait_s
  FROM e WHERE event = 'CONNECT' GROUP BY callid
),
ids AS (SELECT callid, any_value(queuename) AS any_queue FROM e GROUP BY callid)
SELECT ids.callid AS call_id,
  coalesce(entered.queue, ids.any_queue) AS queue,
  nullif(trim(entered.caller), '') AS caller,
  to_timestamp(entered.enter_epoch) AS enter_at,
  to_timestamp(connected.connect_epoch) AS connect_at,
  connected.agent,
  coalesce(connected.wait_s, ended.abandon_wait_s) AS wait_s,
  ended.calltime_s,
  ended.end_event,
  to_timestamp(ended.end_epoch) AS end_at,
  ended.transferred_to
FROM ids
LEFT JOIN entered USING (callid)
LEFT JOIN connected USING (callid)
LEFT JOIN ended USING (callid)`;

/** Lines whose bytes no likely encoding reads as text ($lines) are quarantined with $reason. */
export const QUEUE_LOG_UNREADABLE_SQL = 'UPDATE qlog SET problem = $reason WHERE list_contains($lines, line)';
