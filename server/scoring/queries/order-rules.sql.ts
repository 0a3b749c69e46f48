/**
 * docs/scoring.md's order rules as SQL, written once for the order criteria
 * (order-criteria.sql.ts) and the operator page's list of orders, so both judge an order alike.
 */

/**
 * Each debt snapshot with the interval it is the client's latest for, `[as_of, until)`, and whether
 * it shows overdue or excess debt: the debt rule is an as-of join on these intervals.
 */
export const debtSnapshots = (where = '') => `
  SELECT client_id, as_of,
    overdue_amount > 0 OR balance > credit_limit AS breach,
    coalesce(lead(as_of) OVER (PARTITION BY client_id ORDER BY as_of), TIMESTAMPTZ 'infinity') AS until
  FROM debts ${where}`;

/** The order `o` was taken while the snapshot `s` was its client's latest. */
export const takenDuring = (s: string, o: string) =>
  `${s}.client_id = ${o}.client_id AND ${o}.created_at >= ${s}.as_of AND ${o}.created_at < ${s}.until`;

/** The routing rule: the order's client `c` is a key client or has no manager. */
export const ROUTING_BREAK = "coalesce(c.type = 'key' OR c.manager_id IS NULL, false)";
