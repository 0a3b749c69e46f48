import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { monthPeriod } from '../../schemas/period.ts';
import { openDataDir, type Runtime } from '../../server/runtime.ts';
import { scoreRange } from '../../server/scoring/score-range.ts';
import { readSettings, writeSetting } from '../../server/settings/settings.repository.ts';
import { inLocalRange } from '../../stores/range.sql.ts';

export const TIME_ZONE = 'Europe/Chisinau';
export const PERIOD = '2026-10';
/** The design point's target: a month of 2,000 operators scored in under 2 s. */
const TARGET_SECONDS = 2;

/** The aggregate any scoring must at least do: one pass over the month's calls and orders. */
export const BARE_SQL = [
  `SELECT operator_id, count(*) AS n, count(answered_at) AS handled FROM calls
   WHERE ${inLocalRange('started_at')} GROUP BY operator_id`,
  `SELECT operator_id, count(*) AS n, sum(total) AS total FROM orders
   WHERE ${inLocalRange('created_at')} GROUP BY operator_id`,
];

/**
 * Synthetic facts in DuckDB, made by DuckDB itself (hash-based, so every run gets the same rows):
 * calls over the month's days with 75% answered, orders on a fifth of them, clients with debt
 * snapshots every few days for the as-of rule.
 */
const FACTS_SQL = (calls: number, orders: number, operators: number, clients: number) => [
  `INSERT INTO clients SELECT 'CL-' || i, 'Client ' || i,
     CASE WHEN hash(i, 1) % 50 = 0 THEN 'key' ELSE 'retail' END,
     CASE WHEN hash(i, 2) % 40 = 0 THEN NULL ELSE 'M-' || (i % 30) END, 'Region', 0
   FROM range(${clients}) t(i)`,
  `INSERT INTO debts SELECT 'CL-' || (i % ${clients}),
     TIMESTAMPTZ '2026-09-25 00:00:00+03' + to_days(CAST((i // ${clients}) * 4 AS INTEGER)),
     (hash(i, 3) % 1000000)::BIGINT, 800000, CASE WHEN hash(i, 4) % 20 = 0 THEN 5000 ELSE 0 END, 'MDL', 0
   FROM range(${clients * 10}) t(i)`,
  `INSERT INTO calls SELECT 'C-' || i,
     TIMESTAMPTZ '2026-10-01 08:00:00+03' + to_days(CAST(i % 31 AS INTEGER)) + to_seconds(CAST(hash(i, 5) % 36000 AS BIGINT)) AS started_at,
     NULL,
     CASE WHEN hash(i, 6) % 4 <> 0 THEN started_at + to_seconds(CAST(hash(i, 7) % 40 AS BIGINT)) END AS answered_at,
     NULL,
     CASE WHEN i % 3 = 0 THEN 'outbound' ELSE 'inbound' END,
     'OP-' || lpad(CAST(hash(i, 8) % ${operators} AS VARCHAR), 4, '0'),
     'CL-' || (hash(i, 9) % ${clients}), NULL, 'sales',
     CASE WHEN answered_at IS NULL THEN 'no_answer' ELSE 'answered' END,
     'order', CASE WHEN hash(i, 10) % 10 = 0 THEN 'follow_up' ELSE 'completed' END,
     (hash(i, 11) % 400)::DOUBLE, (hash(i, 12) % 30)::DOUBLE, (hash(i, 13) % 40)::DOUBLE, NULL, NULL, 0
   FROM range(${calls}) t(i)`,
  `INSERT INTO orders SELECT 'O-' || i, NULL,
     'OP-' || lpad(CAST(hash(i, 14) % ${operators} AS VARCHAR), 4, '0'),
     'CL-' || (hash(i, 15) % ${clients}),
     TIMESTAMPTZ '2026-10-01 08:00:00+03' + to_days(CAST(i % 31 AS INTEGER)) + to_seconds(CAST(hash(i, 16) % 36000 AS BIGINT)),
     CASE WHEN hash(i, 17) % 25 = 0 THEN 'cancelled' ELSE 'accepted' END,
     (hash(i, 18) % 500000)::BIGINT, 'MDL', 3, 'retail', (hash(i, 19) % 6)::INTEGER,
     CASE WHEN hash(i, 20) % 40 = 0 THEN 'WRONG_PRICE' END, 0
   FROM range(${orders}) t(i)`,
];

export async function seedOperational(rt: Runtime, operators: number) {
  const teams = Math.ceil(operators / 50);
  await rt.db.transaction().execute(async (tx) => {
    const chunk = async <R>(rows: R[], insert: (rows: R[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
    };
    const id = (i: number) => `OP-${String(i).padStart(4, '0')}`;
    await chunk(
      Array.from({ length: teams }, (_, t) => ({
        team_id: `T${t}`,
        name: `Team ${t}`,
        department: `D${t % 4}`,
      })),
      (r) => tx.insertInto('teams').values(r).execute(),
    );
    await chunk(
      Array.from({ length: operators }, (_, i) => ({
        operator_id: id(i),
        name: `Operator ${i}`,
        team_id: `T${i % teams}`,
        pbx_ids: '[]',
        active: 1,
      })),
      (r) => tx.insertInto('operators').values(r).execute(),
    );
    await chunk(
      [
        ...Array.from({ length: teams }, (_, t) => ({
          scope: 'team' as const,
          subject_id: `T${t}`,
          period: PERIOD,
          tasks_norm: 3500,
        })),
        ...Array.from({ length: operators / 10 }, (_, i) => ({
          scope: 'operator' as const,
          subject_id: id(i * 10),
          period: PERIOD,
          tasks_norm: 2000,
        })),
      ],
      (r) => tx.insertInto('norms').values(r).execute(),
    );
    await chunk(
      Array.from({ length: teams }, (_, t) => [
        { team_id: `T${t}`, period: PERIOD, metric: 'orders', target: 50_000 },
        { team_id: `T${t}`, period: PERIOD, metric: 'tasks', target: 170_000 },
      ]).flat(),
      (r) => tx.insertInto('targets').values(r).execute(),
    );
    await chunk(
      Array.from({ length: operators }, (_, i) => ({
        operator_id: id(i),
        period: PERIOD,
        variable_base: 500_000,
        currency: 'MDL',
      })),
      (r) => tx.insertInto('variable_pay').values(r).execute(),
    );
    await chunk(
      Array.from({ length: operators * 10 }, (_, k) => ({
        evaluation_id: `E${k}`,
        call_id: `C-${k}`,
        operator_id: id(k % operators),
        call_started_at: `2026-10-${String(2 + (k % 28)).padStart(2, '0')}T09:00:00.000Z`,
        evaluator: 'qa',
        score: 55 + (k % 45),
        critical_failed: k % 37 === 0 ? 1 : 0,
        status: 'submitted',
        calibration: 0,
      })),
      (r) => tx.insertInto('evaluations').values(r).execute(),
    );
    await chunk(
      Array.from({ length: operators }, (_, k) => ({
        claim_id: `K${k}`,
        operator_id: id((k * 7) % operators),
        source: k % 2 ? 'client' : 'internal',
        received_at: '2026-10-05T09:00:00.000Z',
        status: 'justified',
        decided_at: `2026-10-${String(6 + (k % 20)).padStart(2, '0')}T09:00:00.000Z`,
      })),
      (r) => tx.insertInto('claims').values(r).execute(),
    );
    await chunk(
      Array.from({ length: operators / 2 }, (_, k) => ({
        assessment_id: `A${k}`,
        operator_id: id((k * 3) % operators),
        assessed_at: '2026-10-15T09:00:00.000Z',
        polarity: 'negative',
      })),
      (r) => tx.insertInto('assessments').values(r).execute(),
    );
  });
}

/**
 * Fills an empty data directory with a month at the design point (or says it reuses one), for
 * this benchmark and the API one.
 */
export async function ensureDesignPoint(
  rt: Runtime,
  dir: string,
  size: { calls: number; orders: number; operators: number },
): Promise<void> {
  const { calls, orders, operators } = size;
  const existing = await rt.analytics.rows('SELECT count(*) AS n FROM calls');
  if (Number(existing[0]?.n) === 0) {
    await writeSetting(rt.db, 'timeZone', TIME_ZONE, 'bench');
    await writeSetting(rt.db, 'currency', 'MDL', 'bench');
    console.log(
      `building ${calls.toLocaleString('en')} calls, ${orders.toLocaleString('en')} orders, ${operators} operators …`,
    );
    const built = performance.now();
    await seedOperational(rt, operators);
    await rt.analytics.withConnection(async (c) => {
      for (const sql of FACTS_SQL(calls, orders, operators, 50_000)) await c.run(sql);
      await c.run('CHECKPOINT');
    });
    console.log(`built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  } else console.log(`reusing ${dir}: ${Number(existing[0]?.n).toLocaleString('en')} calls`);
}

export async function best(times: number, work: () => Promise<unknown>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await work();
    min = Math.min(min, (performance.now() - t) / 1000);
  }
  return min;
}

/**
 * `npm run bench -- scoring [--calls 10000000] [--orders 2000000] [--operators 2000] [--runs 5]`
 *
 * Builds a data directory at the design point, then times, in this process, scoring the month
 * (every criterion, the pay rule, for every operator) against the bare per-operator aggregate of
 * the same calls and orders in DuckDB, and prints both and their ratio.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', default: '10000000' },
      orders: { type: 'string', default: '2000000' },
      operators: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '5' },
      /** Build into (or reuse) this data directory and keep it, to profile without rebuilding. */
      dir: { type: 'string' },
    },
  });
  const calls = Number(values.calls);
  const orders = Number(values.orders);
  const operators = Number(values.operators);
  const runs = Number(values.runs);
  const dir = values.dir ?? mkdtempSync(path.join(tmpdir(), 'callscore-bench-scoring-'));
  try {
    const rt = await openDataDir(dir, { webDir: null });
    await ensureDesignPoint(rt, dir, { calls, orders, operators });
    const settings = await readSettings(rt.db);
    const range = monthPeriod(PERIOD);
    const params = { tz: TIME_ZONE, from: range.from, to: range.to };
    const rows = await scoreRange(rt, range, settings); // warm-up: caches, claim periods
    const bare = await best(runs, () => Promise.all(BARE_SQL.map((sql) => rt.analytics.rows(sql, params))));
    const scoring = await best(runs, () => scoreRange(rt, range, settings));
    const paid = rows.filter((r) => r.scorecard.payout !== null).length;
    console.log(`scored ${rows.length} operators (${paid} with pay), best of ${runs}:`);
    console.log(`  bare aggregate (calls + orders per operator): ${bare.toFixed(3)} s`);
    console.log(`  scoring the month:                            ${scoring.toFixed(3)} s`);
    console.log(
      `  ratio: ${(scoring / bare).toFixed(2)}×   target: under ${TARGET_SECONDS} s → ${scoring < TARGET_SECONDS ? 'met' : 'MISSED'}`,
    );
    await rt.close();
  } finally {
    if (!values.dir) rmSync(dir, { recursive: true, force: true });
  }
}
