import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_CRITERIA_SQL } from '../../server/scoring/queries/order-criteria.sql.ts';
import { inLocalRange } from '../../stores/range.sql.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;

/** The debt rule as docs/scoring.md words it, with DuckDB's own ASOF JOIN: the reference. */
const REFERENCE_SQL = `
SELECT o.operator_id,
  count(*) FILTER (WHERE o.error_code IS NOT NULL OR coalesce(d.overdue_amount > 0 OR d.balance > d.credit_limit, false))
    AS errors_debt
FROM (SELECT * FROM orders WHERE ${inLocalRange('created_at')}) o
ASOF LEFT JOIN debts d ON d.client_id = o.client_id AND o.created_at >= d.as_of
GROUP BY o.operator_id ORDER BY 1`;

beforeAll(async () => {
  env = await testEnv();
  // Snapshots at random moments, some in breach, orders at random moments around them: ties
  // (an order at the very instant of a snapshot) included.
  await env.rt.analytics.withConnection(async (c) => {
    await c.run(`INSERT INTO debts SELECT 'CL-' || (i % 300),
        TIMESTAMPTZ '2026-09-20 00:00:00+00' + to_minutes(CAST(hash(i, 1) % 60000 AS BIGINT)),
        (hash(i, 2) % 1000)::BIGINT, 800, CASE WHEN hash(i, 3) % 7 = 0 THEN 10 ELSE 0 END, 'MDL', 0
      FROM range(3000) t(i)`);
    await c.run(`INSERT INTO orders SELECT 'O-' || i, NULL, 'OP-' || (i % 17), 'CL-' || (hash(i, 4) % 320),
        coalesce(
          CASE WHEN i % 50 = 0 THEN (SELECT max(as_of) FROM debts WHERE client_id = 'CL-' || (hash(i, 4) % 320)) END,
          TIMESTAMPTZ '2026-09-25 00:00:00+00' + to_minutes(CAST(hash(i, 5) % 50000 AS BIGINT))),
        'accepted', 100, 'MDL', 1, 'retail', NULL, CASE WHEN i % 31 = 0 THEN 'X' END, 0
      FROM range(20000) t(i)`);
  });
});
afterAll(() => env.dispose());

describe('the debt rule', () => {
  it('gives exactly what an ASOF JOIN gives', async () => {
    const params = { tz: 'UTC', from: '2026-10-01', to: '2026-11-01' };
    const ours = await env.rt.analytics.rows(
      `SELECT operator_id, errors_debt FROM (${ORDER_CRITERIA_SQL}) ORDER BY 1`,
      params,
    );
    const reference = await env.rt.analytics.rows(REFERENCE_SQL, params);
    expect(ours.length).toBe(17);
    expect(ours).toEqual(reference);
    // Not a trivial agreement: the rule finds breaches beyond the error codes.
    const coded = await env.rt.analytics.rows(
      `SELECT count(*) AS n FROM orders WHERE error_code IS NOT NULL AND ${inLocalRange('created_at')}`,
      params,
    );
    const total = ours.reduce((s, r) => s + Number(r.errors_debt), 0);
    expect(total).toBeGreaterThan(Number(coded[0]?.n) + 100);
  });
});
