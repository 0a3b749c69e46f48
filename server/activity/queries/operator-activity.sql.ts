import { inLocalRange, operatorFilter } from '../../../stores/range.sql.ts';

/** Calls, orders and time logged in (by state) per operator in a local date range. */
export const OPERATOR_ACTIVITY_SQL = `
WITH c AS (
  SELECT operator_id,
    count(*) AS calls,
    -- handled = a person talked to the caller (docs/scoring.md, handledCalls)
    count(answered_at) AS handled,
    count(*) FILTER (WHERE direction = 'inbound') AS inbound,
    count(*) FILTER (WHERE direction = 'outbound') AS outbound,
    coalesce(sum(talk_s) FILTER (WHERE answered_at IS NOT NULL), 0) AS talk_s,
    avg(coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0))
      FILTER (WHERE answered_at IS NOT NULL) AS aht_s
  FROM calls
  WHERE ${inLocalRange('started_at')}
    AND operator_id IS NOT NULL
    AND ${operatorFilter}
  GROUP BY operator_id
), o AS (
  SELECT operator_id,
    -- every accepted order counts, cancelled ones too (ordersAccepted)
    count(*) AS orders,
    -- revenue leaves cancelled orders out (the order_revenue target)
    coalesce(sum(total) FILTER (WHERE status <> 'cancelled'), 0) AS revenue
  FROM orders
  WHERE ${inLocalRange('created_at')}
    AND ${operatorFilter}
  GROUP BY operator_id
), s AS (
  -- a state belongs to the day it started on, as a call does
  SELECT operator_id,
    sum(epoch(ended_at) - epoch(started_at)) FILTER (WHERE state = 'available') AS available_s,
    sum(epoch(ended_at) - epoch(started_at)) FILTER (WHERE state = 'talk') AS talk_state_s,
    sum(epoch(ended_at) - epoch(started_at)) FILTER (WHERE state = 'wrap') AS wrap_state_s,
    sum(epoch(ended_at) - epoch(started_at)) FILTER (WHERE state = 'pause') AS pause_s
  FROM operator_states
  WHERE ${inLocalRange('started_at')}
    AND ${operatorFilter}
  GROUP BY operator_id
), pr AS (
  SELECT operator_id, reason, sum(epoch(ended_at) - epoch(started_at)) AS s
  FROM operator_states
  WHERE state = 'pause' AND ${inLocalRange('started_at')}
    AND ${operatorFilter}
  GROUP BY operator_id, reason
), pauses AS (
  -- each pause reason's time, the longest first
  SELECT operator_id, list({'reason': reason, 'seconds': s} ORDER BY s DESC, reason) AS pauses
  FROM pr GROUP BY operator_id
), co AS (
  SELECT coalesce(c.operator_id, o.operator_id) AS operator_id, c.calls, c.handled, c.inbound, c.outbound,
    c.talk_s, c.aht_s, o.orders, o.revenue
  FROM c FULL OUTER JOIN o ON o.operator_id = c.operator_id
)
SELECT coalesce(c.operator_id, s.operator_id) AS operator_id,
  coalesce(c.calls, 0) AS calls, coalesce(c.handled, 0) AS handled,
  coalesce(c.inbound, 0) AS inbound, coalesce(c.outbound, 0) AS outbound,
  coalesce(c.talk_s, 0) AS talk_s, c.aht_s,
  coalesce(c.orders, 0) AS orders, coalesce(c.revenue, 0) AS revenue,
  s.operator_id IS NOT NULL AS has_states,
  coalesce(s.available_s, 0) AS available_s, coalesce(s.talk_state_s, 0) AS talk_state_s,
  coalesce(s.wrap_state_s, 0) AS wrap_state_s, coalesce(s.pause_s, 0) AS pause_s,
  p.pauses
FROM co c FULL OUTER JOIN s ON s.operator_id = c.operator_id
LEFT JOIN pauses p ON p.operator_id = s.operator_id
`;
