import { inLocalRange } from '../../../stores/range.sql.ts';
import { isoUtc } from '../../calls/queries/call-facts.sql.ts';
import { debtSnapshots, ROUTING_BREAK, takenDuring } from '../../scoring/queries/order-rules.sql.ts';

/**
 * One operator's orders in a local date range, each checked against docs/scoring.md's order rules as
 * the order criteria check it, by the same rules (server/scoring/queries/order-rules.sql.ts): the client's latest
 * debt snapshot at or before the order shows overdue or excess debt; the client is a key client
 * or has no manager.
 */
export const OPERATOR_ORDERS_SQL = `
WITH snapshot AS (${debtSnapshots(
  `WHERE client_id IN (SELECT client_id FROM orders o WHERE o.operator_id = $op AND ${inLocalRange('o.created_at')})`,
)}
)
SELECT o.order_id, o.call_id, o.client_id, ${isoUtc('o.created_at')} AS created_at, o.status, o.total,
  o.currency, o.offered_items, o.error_code,
  s.client_id IS NOT NULL AS debt_break,
  ${ROUTING_BREAK} AS routing_break,
  count(*) OVER () AS total_count
FROM orders o
-- the snapshot that was the latest when the order was taken, if it was in breach
LEFT JOIN snapshot s ON s.breach AND ${takenDuring('s', 'o')}
LEFT JOIN clients c ON c.client_id = o.client_id
WHERE o.operator_id = $op AND ${inLocalRange('o.created_at')}
ORDER BY o.created_at DESC, o.order_id
LIMIT $limit
`;
