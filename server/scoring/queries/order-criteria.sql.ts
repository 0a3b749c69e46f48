import { inLocalRange } from '../../stores/range.sql.ts';

/**
 * Per operator, the order criteria of SCORING.md. Each order is checked against the order rules:
 * the debt rule is an as-of join (the client's latest debt snapshot at or before the order), the
 * routing rule looks at the client's type and manager. The error counts come for every on/off
 * combination of the two rules, so one scan serves operators whose departments' rules differ.
 */
export const ORDER_CRITERIA_SQL = `
WITH o AS (
  SELECT operator_id, client_id, created_at, status, total, offered_items, error_code
  FROM orders
  WHERE ${inLocalRange('created_at')}
), checked AS (
  SELECT o.*,
    coalesce(d.overdue_amount > 0 OR d.balance > d.credit_limit, false) AS debt_break,
    coalesce(c.type = 'key' OR c.manager_id IS NULL, false) AS routing_break
  FROM o
  ASOF LEFT JOIN debts d ON d.client_id = o.client_id AND o.created_at >= d.as_of
  LEFT JOIN clients c ON c.client_id = o.client_id
)
SELECT operator_id,
  count(*) AS accepted,
  count(*) FILTER (WHERE error_code IS NOT NULL) AS errors_code,
  count(*) FILTER (WHERE error_code IS NOT NULL OR debt_break) AS errors_debt,
  count(*) FILTER (WHERE error_code IS NOT NULL OR routing_break) AS errors_routing,
  count(*) FILTER (WHERE error_code IS NOT NULL OR debt_break OR routing_break) AS errors_all,
  count(*) FILTER (WHERE status <> 'cancelled') AS kept,
  coalesce(sum(total) FILTER (WHERE status <> 'cancelled'), 0) AS revenue,
  count(offered_items) AS offered_known,
  count(*) FILTER (WHERE offered_items >= 3) AS upsold
FROM checked
GROUP BY operator_id
`;
