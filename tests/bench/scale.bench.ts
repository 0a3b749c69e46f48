import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { monthPeriod } from '../../schemas/period.ts';
import { openDataDir, type Runtime } from '../../server/runtime.ts';
import { chdbEngine, loadChdb } from '../../server/scoring/engines/chdb.ts';
import { duckdbLakeEngine } from '../../server/scoring/engines/duckdb-lake.ts';
import { addMonths } from '../../server/scoring/engines/lake-files.ts';
import { scoreRange } from '../../server/scoring/score-range.ts';
import { readSettings, writeSetting } from '../../server/settings/settings.repository.ts';
import type { FactEngine } from '../../stores/facts.ts';
import { partitionFile } from '../../stores/lake/layout.ts';
import type { Stores } from '../../stores/stores.ts';
import { best, PERIOD, seedOperational, TIME_ZONE } from './scoring.bench.ts';

const CLIENTS = 50_000;

/**
 * One month of synthetic facts, made by DuckDB itself (range + hash: the same rows every run), in
 * time order as a PBX writes them: `$n` calls spread evenly over the month of `$m` in `$tz`, a fifth
 * as many orders, a debt snapshot per client a week.
 */
const MONTH_SQL = [
  `INSERT INTO calls SELECT 'C-' || $m || '-' || i,
     $start::TIMESTAMPTZ + to_microseconds(CAST(i * ($span // $n) AS BIGINT)) AS started_at,
     CASE WHEN hash(i, $k, 1) % 3 = 0 THEN started_at END AS queued_at,
     CASE WHEN hash(i, $k, 2) % 4 <> 0 THEN started_at + to_seconds(CAST(hash(i, $k, 3) % 40 AS BIGINT)) END AS answered_at,
     NULL,
     CASE WHEN i % 3 = 0 THEN 'outbound' ELSE 'inbound' END,
     'OP-' || lpad(CAST(hash(i, $k, 4) % $ops AS VARCHAR), 4, '0'),
     'CL-' || (hash(i, $k, 5) % ${CLIENTS}), NULL, 'q' || (hash(i, $k, 6) % 8),
     CASE WHEN answered_at IS NULL THEN 'no_answer' ELSE 'answered' END,
     'order', CASE WHEN hash(i, $k, 7) % 10 = 0 THEN 'follow_up' ELSE 'completed' END,
     (hash(i, $k, 8) % 400)::DOUBLE, (hash(i, $k, 9) % 30)::DOUBLE, (hash(i, $k, 10) % 40)::DOUBLE, NULL, NULL, 0
   FROM range($n) t(i)`,
  `INSERT INTO orders SELECT 'O-' || $m || '-' || i, NULL,
     'OP-' || lpad(CAST(hash(i, $k, 11) % $ops AS VARCHAR), 4, '0'),
     'CL-' || (hash(i, $k, 12) % ${CLIENTS}),
     $start::TIMESTAMPTZ + to_microseconds(CAST(i * ($span // ($n // 5)) AS BIGINT)),
     CASE WHEN hash(i, $k, 13) % 25 = 0 THEN 'cancelled' ELSE 'accepted' END,
     (hash(i, $k, 14) % 500000)::BIGINT, 'MDL', 3, 'retail', (hash(i, $k, 15) % 6)::INTEGER,
     CASE WHEN hash(i, $k, 16) % 40 = 0 THEN 'WRONG_PRICE' END, 0
   FROM range($n // 5) t(i)`,
  `INSERT INTO debts SELECT 'CL-' || (i % ${CLIENTS}),
     $start::TIMESTAMPTZ + to_days(CAST((i // ${CLIENTS}) * 7 AS INTEGER)) + to_seconds(CAST(hash(i, $k, 17) % 86400 AS BIGINT)),
     (hash(i, $k, 18) % 1000000)::BIGINT, 800000, CASE WHEN hash(i, $k, 19) % 20 = 0 THEN 5000 ELSE 0 END, 'MDL', 0
   FROM range(${CLIENTS * 4}) t(i)`,
];

const CLIENTS_SQL = `INSERT INTO clients SELECT 'CL-' || i, 'Client ' || i,
  CASE WHEN hash(i, 1) % 50 = 0 THEN 'key' ELSE 'retail' END,
  CASE WHEN hash(i, 2) % 40 = 0 THEN NULL ELSE 'M-' || (i % 30) END, 'Region', 0
FROM range(${CLIENTS}) t(i)`;

/** The partitioned tables and the instant each is partitioned by. */
const PARTITIONED = { calls: 'started_at', orders: 'created_at', debts: 'as_of' } as const;

const seconds = (t: number) => `${t.toFixed(2).padStart(7)} s`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const duBytes = (dir: string) =>
  Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

/** Builds the months into the analytics store, each month also written as the lake's partition. */
async function build(rt: Runtime, lake: string, months: string[], callsPerMonth: number, operators: number) {
  await writeSetting(rt.db, 'timeZone', TIME_ZONE, 'bench');
  await writeSetting(rt.db, 'currency', 'MDL', 'bench');
  await seedOperational(rt, operators);
  await rt.analytics.withConnection(async (c) => {
    await c.run(CLIENTS_SQL);
    const clients = partitionFile(lake, 'clients', null);
    execFileSync('mkdir', ['-p', path.dirname(clients)]);
    await c.run(`COPY clients TO '${clients}' (FORMAT parquet)`);
    for (const [k, m] of months.entries()) {
      const t = performance.now();
      const bounds = (
        await c.runAndReadAll(
          `SELECT timezone($tz, ($m || '-01')::TIMESTAMP)::VARCHAR AS s,
                  timezone($tz, (($m || '-01')::DATE + INTERVAL 1 MONTH)::TIMESTAMP)::VARCHAR AS e,
                  epoch_us(timezone($tz, (($m || '-01')::DATE + INTERVAL 1 MONTH)::TIMESTAMP))
                    - epoch_us(timezone($tz, ($m || '-01')::TIMESTAMP)) AS span`,
          { tz: TIME_ZONE, m },
        )
      ).getRowObjectsJson()[0] as { s: string; e: string; span: string };
      const params = { m, k, start: bounds.s, span: Number(bounds.span), n: callsPerMonth, ops: operators };
      for (const sql of MONTH_SQL) {
        const used = Object.fromEntries(Object.entries(params).filter(([p]) => sql.includes(`$${p}`)));
        await c.run(sql, used);
      }
      const built = performance.now();
      for (const [table, column] of Object.entries(PARTITIONED)) {
        const file = partitionFile(lake, table, m);
        execFileSync('mkdir', ['-p', path.dirname(file)]);
        await c.run(
          `COPY (SELECT * FROM ${table} WHERE ${column} >= '${bounds.s}'::TIMESTAMPTZ AND ${column} < '${bounds.e}'::TIMESTAMPTZ
                 ORDER BY ${column}) TO '${file}' (FORMAT parquet)`,
        );
      }
      console.log(
        `  ${m}: built in ${seconds((built - t) / 1000)}, written to the lake in ${seconds((performance.now() - built) / 1000)}`,
      );
    }
    await c.run('CHECKPOINT');
  });
}

/**
 * `npm run bench -- scale [--months 10] [--calls-per-month 10000000] [--operators 2000] [--runs 3] [--dir DIR]`
 *
 * The design point over time: ten months of 2,000 operators and 10 million calls a month (100
 * million calls, a fifth as many orders) built in a DuckDB file and as the Parquet lake. Then one
 * month (2026-10) is scored on each engine (the DuckDB file, DuckDB over the lake, chdb over the
 * lake), beside DuckDB's and chdb's bare per-operator aggregate of that month's Parquet file, and
 * the lake's size is printed against the DuckDB file's. `--dir` keeps the build to rerun on.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      months: { type: 'string', default: '10' },
      'calls-per-month': { type: 'string', default: '10000000' },
      operators: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string' },
    },
  });
  const monthCount = Number(values.months);
  const callsPerMonth = Number(values['calls-per-month']);
  const operators = Number(values.operators);
  const runs = Number(values.runs);
  // The scored month sits in the middle, so that it has a partition on each side.
  const first = addMonths(PERIOD, -Math.floor((monthCount - 1) / 2));
  const months = Array.from({ length: monthCount }, (_, i) => addMonths(first, i));
  const dir = values.dir ?? mkdtempSync(path.join(tmpdir(), 'callscore-bench-scale-'));
  const lake = path.join(dir, 'lake');
  loadChdb();
  const rt = await openDataDir(dir, { webDir: null, facts: { engine: 'duckdb', lakeDir: lake } });
  const engines: FactEngine[] = [];
  try {
    const existing = Number((await rt.analytics.rows('SELECT count(*) AS n FROM calls'))[0]?.n);
    if (existing === 0) {
      console.log(
        `building ${monthCount} months (${months[0]} … ${months.at(-1)}) of ${callsPerMonth.toLocaleString('en')} calls, ` +
          `${(callsPerMonth / 5).toLocaleString('en')} orders, ${operators} operators …`,
      );
      const t = performance.now();
      await build(rt, lake, months, callsPerMonth, operators);
      console.log(`built in ${seconds((performance.now() - t) / 1000)}`);
    } else console.log(`reusing ${dir}: ${existing.toLocaleString('en')} calls`);

    const settings = await readSettings(rt.db);
    const range = monthPeriod(PERIOD);
    engines.push(await duckdbLakeEngine(lake), chdbEngine(lake));
    const on = (facts: FactEngine | undefined): Stores => ({ db: rt.db, analytics: rt.analytics, facts });
    const file = partitionFile(lake, 'calls', PERIOD);

    const bareDuck = await DuckDBInstance.create(':memory:');
    const bareConn = await bareDuck.connect();
    const bareSql = `SELECT operator_id, count(*) AS n, sum(talk_s) AS talk FROM read_parquet('${file}') GROUP BY 1`;
    const chdb = loadChdb();
    const bareCh = `SELECT operator_id, count() AS n, sum(talk_s) AS talk FROM file('${file}', Parquet) GROUP BY 1`;

    const results: [string, number, number][] = [];
    const time = async (label: string, work: () => Promise<unknown>) => {
      const t = performance.now();
      await work();
      const firstRun = (performance.now() - t) / 1000;
      results.push([label, firstRun, await best(runs, work)]);
    };
    await scoreRange(rt, range, settings); // the claims' pay months, settled once
    await time('bare aggregate, DuckDB over the Parquet', () => bareConn.runAndReadAll(bareSql));
    await time('bare aggregate, chdb over the Parquet', () =>
      chdb.queryBindAsync(bareCh, {}, { format: 'JSONEachRow' }),
    );
    await time('scoring, DuckDB file', () => scoreRange(on(undefined), range, settings));
    for (const e of engines) {
      await time(`scoring, ${e.name === 'lake' ? 'DuckDB over the lake' : 'chdb over the lake'}`, () =>
        scoreRange(on(e), range, settings),
      );
    }
    bareConn.closeSync();
    bareDuck.closeSync();
    const reference = JSON.stringify(await scoreRange(on(undefined), range, settings));
    const differing: string[] = [];
    for (const e of engines)
      if (JSON.stringify(await scoreRange(on(e), range, settings)) !== reference) differing.push(e.name);

    const calls = Number((await rt.analytics.rows('SELECT count(*) AS n FROM calls'))[0]?.n);
    console.log(
      `\n${PERIOD} scored for ${operators} operators; ${calls.toLocaleString('en')} calls in all (first run, best of ${runs} after):`,
    );
    for (const [label, firstRun, bestRun] of results)
      console.log(`  ${label.padEnd(40)} ${seconds(firstRun)}  ${seconds(bestRun)}`);
    console.log(
      differing.length === 0
        ? '  the same scorecards on every engine'
        : `  scorecards DIFFER from the DuckDB file's on: ${differing.join(', ')}`,
    );
    const duck = statSync(rt.analytics.file).size;
    const parquet = duBytes(lake);
    console.log(
      `\nDuckDB file ${gb(duck)}; the lake ${gb(parquet)} (${((parquet / duck) * 100).toFixed(0)} % of it)`,
    );
  } finally {
    for (const e of engines) await e.close();
    await rt.close();
    if (!values.dir) rmSync(dir, { recursive: true, force: true });
  }
}
