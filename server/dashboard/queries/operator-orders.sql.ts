import { inLocalRange } from '../../../stores/range.sql.ts';
import { isoUtc } from '../../calls/queries/call-facts.sql.ts';

/**
 * One operator's orders in a local date range, each checked against docs/scoring.md's order rules as
 * the order criteria check it (server/scoring/queries/order-criteria.sql.ts): the client's latest
 * debt snapshot at or before the order shows overdue or excess debt; the client is a key client
 * or has no manager.
 */
export const OPERATOR_ORDERS_SQL = `
WITH snapshot AS (
  SELECT client_id, as_of,
    overdue_amount > 0 OR balance > credit_limit AS breach,
    coalesce(lead(as_of) OVER (PARTITION BY client_id ORDER BY as_of), TIMESTAMPTZ 'infinity') AS until
  FROM debts
  WHERE client_id IN (SELECT client_id FROM orders o WHERE o.operator_id = $op AND ${inLocalRange('o.created_at')})
)
SELECT o.order_id, o.call_id, o.client_id, ${isoUtc('o.created_at')} AS created_at, o.status, o.total,
  o.currency, o.offered_items, o.error_code,
  s.client_id IS NOT NULL AS debt_break,
  coalesce(c.type = 'key' OR c.manager_id IS NULL, false) AS routing_break,
  count(*) OVER () AS total_count
FROM orders o
-- the snapshot that was the latest when the order was taken, if it was in breach
LEFT JOIN snapshot s ON s.client_id = o.client_id AND s.breach
  AND o.created_at >= s.as_of AND o.created_at < s.until
LEFT JOIN clients c ON c.client_id = o.client_id
WHERE o.operator_id = $op AND ${inLocalRange('o.created_at')}
ORDER BY o.created_at DESC, o.order_id
LIMIT $limit
`;
