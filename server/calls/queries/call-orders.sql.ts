import { isoUtc } from './call-facts.sql.ts';

/** Orders taken on a call, each with the client's latest debt snapshot at or before it. */
export const CALL_ORDERS_SQL = `
SELECT o.order_id, ${isoUtc('o.created_at')} AS created_at, o.status, o.total, o.currency, o.lines,
  o.price_column, o.offered_items, o.error_code,
  ${isoUtc('d.as_of')} AS debt_as_of, d.balance, d.credit_limit, d.overdue_amount,
  c.type AS client_type, c.manager_id
FROM orders o
LEFT JOIN clients c ON c.client_id = o.client_id
-- the snapshot the operator should have looked at: the last one known when he took the order
LEFT JOIN LATERAL (
  SELECT as_of, balance, credit_limit, overdue_amount FROM debts
  WHERE debts.client_id = o.client_id AND debts.as_of <= o.created_at
  ORDER BY as_of DESC LIMIT 1
) d ON true
WHERE o.call_id = $id
ORDER BY o.created_at, o.order_id
`;

export const CALL_CLIENT_SQL = `
SELECT client_id, name, type, manager_id, region FROM clients WHERE client_id = $id LIMIT 1
`;
