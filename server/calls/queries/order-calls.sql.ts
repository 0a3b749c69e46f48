/** The calls the given orders were taken on: a claim about an order names its call too. */
export const ORDER_CALLS_SQL = `
SELECT DISTINCT call_id FROM orders
WHERE call_id IS NOT NULL AND order_id IN (SELECT unnest($ids))
`;
