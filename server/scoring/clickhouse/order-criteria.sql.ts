import { inLocalRange, SCORING_SETTINGS, type TableSources } from './tables.sql.ts';

/**
 * server/scoring/queries/order-criteria.sql.ts's ORDER_CRITERIA_SQL in ClickHouse SQL. The debt rule
 * (the client's latest snapshot at or before the order) is ClickHouse's ASOF LEFT JOIN, which
 * is that join by definition; DuckDB's version joins on each snapshot's interval
 * [as_of, next as_of) instead, faster there. Revenue is summed as Int128, as DuckDB sums BIGINT
 * into HUGEINT: ClickHouse's sum of Int64 would wrap past 2^63.
 */
export const orderCriteriaSql = (t: TableSources) => `
SELECT operator_id,
  count() AS accepted,
  countIf(coded) AS errors_code,
  countIf(coded OR debt_break) AS errors_debt,
  countIf(coded OR routing_break) AS errors_routing,
  countIf(coded OR debt_break OR routing_break) AS errors_all,
  countIf(status <> 'cancelled') AS kept,
  sumIf(toInt128(total), status <> 'cancelled') AS revenue,
  count(offered_items) AS offered_known,
  countIf(offered_items >= 3) AS upsold
FROM (
  SELECT o.operator_id AS operator_id, o.status AS status, o.total AS total,
    o.offered_items AS offered_items,
    o.error_code IS NOT NULL AS coded,
    coalesce(d.breach, false) AS debt_break,
    -- the routing rule: a key client, or one with no manager (or none known: NULL OR true is true)
    coalesce(c.type = 'key' OR c.manager_id IS NULL, false) AS routing_break
  FROM (SELECT * FROM ${t.orders} WHERE ${inLocalRange('created_at')}) AS o
  ASOF LEFT JOIN (
    SELECT client_id, as_of, overdue_amount > 0 OR balance > credit_limit AS breach FROM ${t.debts}
  ) AS d ON d.client_id = o.client_id AND o.created_at >= d.as_of
  LEFT JOIN ${t.clients} AS c ON c.client_id = o.client_id
)
GROUP BY operator_id
${SCORING_SETTINGS}
`;
