import { inLocalRange } from '../../../stores/range.sql.ts';

/**
 * The contact-center KPIs of docs/scoring.md by queue, by operator (the caller rolls operators up to
 * teams) and overall, in one scan. $sl is the service-level threshold in seconds.
 */
export const CONTACT_KPIS_SQL = `
WITH c AS (
  SELECT queue, operator_id, direction, answered_at IS NOT NULL AS answered,
    epoch(answered_at) - epoch(coalesce(queued_at, started_at)) AS wait_s,
    coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(wrap_s, 0) AS handle_s
  FROM calls
  WHERE ${inLocalRange('started_at')}
)
SELECT
  CASE WHEN grouping(queue) = 0 THEN 'queue' WHEN grouping(operator_id) = 0 THEN 'operator' ELSE 'all' END
    AS grain,
  coalesce(queue, operator_id) AS key,
  count(*) FILTER (WHERE answered) AS handled,
  count(*) FILTER (WHERE direction = 'inbound') AS offered,
  count(*) FILTER (WHERE direction = 'inbound' AND answered) AS answered,
  count(*) FILTER (WHERE direction = 'inbound' AND NOT answered) AS abandoned,
  count(*) FILTER (WHERE direction = 'inbound' AND answered AND wait_s <= $sl) AS within_sl,
  avg(wait_s) FILTER (WHERE direction = 'inbound' AND answered) AS asa_s,
  avg(handle_s) FILTER (WHERE answered) AS aht_s
FROM c
GROUP BY GROUPING SETS ((queue), (operator_id), ())
`;
