import { inLocalRange, operatorFilter } from '../../../stores/range.sql.ts';

/** Calls and orders per local day of a range; days without any are left out. */
export const DAILY_ACTIVITY_SQL = `
WITH c AS (
  SELECT (started_at AT TIME ZONE $tz)::DATE AS day,
    count(*) AS calls,
    count(answered_at) AS handled,
    count(*) FILTER (WHERE direction = 'inbound') AS inbound,
    -- abandoned = inbound calls offered that nobody answered (docs/scoring.md, abandonment rate)
    count(*) FILTER (WHERE direction = 'inbound' AND answered_at IS NULL) AS abandoned
  FROM calls
  WHERE ${inLocalRange('started_at')}
    -- a team filter keeps calls of the team's operators; unanswered calls have none
    AND ${operatorFilter}
  GROUP BY day
), o AS (
  SELECT (created_at AT TIME ZONE $tz)::DATE AS day, count(*) AS orders
  FROM orders
  WHERE ${inLocalRange('created_at')} AND ${operatorFilter}
  GROUP BY day
)
SELECT strftime(coalesce(c.day, o.day), '%Y-%m-%d') AS day,
  coalesce(c.calls, 0) AS calls, coalesce(c.handled, 0) AS handled,
  coalesce(c.inbound, 0) AS inbound, coalesce(c.abandoned, 0) AS abandoned, coalesce(o.orders, 0) AS orders
FROM c FULL OUTER JOIN o ON o.day = c.day
ORDER BY day
`;
