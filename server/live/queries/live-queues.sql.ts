import { isoUtc } from '../../calls/queries/call-facts.sql.ts';

/** The local day [$from, $to) of $tz as instants, computed once so columns are compared bare. */
const T0 = 'timezone($tz, $from::DATE::TIMESTAMP)';
const T1 = 'timezone($tz, $to::DATE::TIMESTAMP)';

/** An agent as the queue_log names it, in the three forms pbx_ids may hold (etl/asterisk/merge.sql.ts). */
const AGENT_KEYS = `[lower(agent),
  lower(regexp_extract(agent, '^([A-Za-z0-9_]+/[^-@/]+)', 1)),
  lower(regexp_extract(agent, '^[A-Za-z0-9_]+/([^-@/]+)', 1))]`;

/**
 * Today's figures per queue and in total (`is_total`). Calls over (the calls table) give answered,
 * abandoned, the service level ($sl seconds) and the wait; calls still open in the queue_log
 * (pbx_queue_calls with no ending event and no CDR yet, written at hang-up) give the callers
 * waiting and the operators talking. Unless $all, only the queues the operators $ops answered
 * in over the last month count, and only the agents named by their pbx_ids ($keys) as on a call.
 */
export const LIVE_QUEUES_SQL = `
WITH mine AS (
  SELECT DISTINCT queue FROM calls
  WHERE NOT $all AND list_contains($ops, operator_id)
    AND started_at >= ${T0} - INTERVAL 31 DAY AND started_at < ${T1}
),
over AS (
  SELECT queue, answered_at IS NOT NULL AS answered,
    epoch(answered_at) - epoch(coalesce(queued_at, started_at)) AS wait_s,
    NULL::VARCHAR AS agent, false AS waiting, false AS talking
  FROM calls
  WHERE direction = 'inbound' AND started_at >= ${T0} AND started_at < ${T1}
),
open AS (
  SELECT queue, NULL::BOOLEAN AS answered, NULL::DOUBLE AS wait_s, agent,
    connect_at IS NULL AND direction = 'inbound' AS waiting,
    connect_at IS NOT NULL AND ($all OR list_has_any($keys, ${AGENT_KEYS})) AS talking
  FROM pbx_queue_calls
  WHERE end_event IS NULL AND coalesce(enter_at, first_at) >= ${T0} AND coalesce(enter_at, first_at) < ${T1}
    AND call_id NOT IN (SELECT call_id FROM pbx_cdr)
),
every AS (SELECT * FROM over UNION ALL SELECT * FROM open)
SELECT grouping(queue) = 1 AS is_total, queue,
  count(*) FILTER (WHERE waiting) AS waiting,
  count(*) FILTER (WHERE answered) AS answered,
  count(*) FILTER (WHERE NOT answered) AS abandoned,
  count(*) FILTER (WHERE answered AND wait_s <= $sl) AS within_sl,
  avg(wait_s) FILTER (WHERE answered) AS avg_wait_s,
  count(DISTINCT agent) FILTER (WHERE talking) AS on_call
FROM every
WHERE queue IS NOT NULL AND ($all OR queue IN (SELECT queue FROM mine))
GROUP BY GROUPING SETS ((queue), ())
ORDER BY is_total DESC, queue
`;

/** The newest event any feed has brought, queue_log or CDR or a calls file: a stopped feed shows here. */
export const NEWEST_EVENT_SQL = `
SELECT ${isoUtc(`greatest(
  (SELECT to_timestamp(max(epoch)) FROM pbx_queue_events),
  (SELECT max(coalesce(end_at, start_at)) FROM pbx_cdr),
  (SELECT max(coalesce(ended_at, answered_at, started_at)) FROM calls WHERE started_at >= ${T0} - INTERVAL 1 DAY)
)`)} AS newest
`;
