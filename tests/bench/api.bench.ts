import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDataDir } from '../../server/runtime.ts';
import { createUser } from '../../server/users/users.service.ts';
import { freePort, serve } from '../helpers/cli.ts';
import { BARE_SQL, best, ensureDesignPoint, PERIOD, TIME_ZONE } from './scoring.bench.ts';

/** The design point's target: p95 under 50 ms at 50 concurrent connections. */
const TARGET_P95_MS = 50;
const PASSWORD = 'bench-password-1';
const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
/** What Chromium and Firefox send. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function load(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
) {
  const latencies: number[] = [];
  const errors = { non2xx: 0 };
  let received = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { cookie, ...headers } },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, bytes, responseTime) => {
      if (status >= 200 && status < 300) {
        latencies.push(responseTime);
        received += bytes;
      } else errors.non2xx++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: result.requests.average,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    bytes: result.throughput.average,
    /** Bytes on the wire per response, headers included. */
    perResponse: latencies.length ? received / latencies.length : 0,
    non2xx: errors.non2xx,
  };
}

/**
 * Asks for a body brotli-compressed until it arrives smaller than at first (the best quality is
 * done), for at most 15 s: its size at first, then, and how long that took.
 */
async function bestBrotli(url: string, headers: Record<string, string>) {
  const size = async () => {
    const res = await fetch(url, { headers: { ...headers, 'accept-encoding': 'br' } });
    await res.arrayBuffer();
    return Number(res.headers.get('content-length'));
  };
  const start = performance.now();
  const quick = await size();
  let best = quick;
  while (best >= quick && performance.now() - start < 15_000) {
    await new Promise((r) => setTimeout(r, 100));
    best = await size();
  }
  return { quick, best, seconds: (performance.now() - start) / 1000 };
}

/**
 * `npm run bench -- api [--connections 50] [--seconds 10] [--dir DIR] [sizes as for scoring]`
 *
 * With the scoring benchmark's month at the design point (10 million calls) loaded, starts
 * `callscore serve` in its own process and loads the scorecard and ranking endpoints with
 * autocannon, printing p50/p95/p99 latency and requests per second; beside them, the bare DuckDB
 * aggregate of the same month measured before the server took the store.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', default: '10000000' },
      orders: { type: 'string', default: '2000000' },
      operators: { type: 'string', default: '2000' },
      connections: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '10' },
      dir: { type: 'string' },
    },
  });
  const dir = values.dir ?? mkdtempSync(path.join(tmpdir(), 'callscore-bench-api-'));
  try {
    const rt = await openDataDir(dir, { webDir: null });
    await ensureDesignPoint(rt, dir, {
      calls: Number(values.calls),
      orders: Number(values.orders),
      operators: Number(values.operators),
    });
    if (!(await rt.db.selectFrom('users').select('id').where('username', '=', 'bench').executeTakeFirst())) {
      await createUser(rt.db, { username: 'bench', role: 'head', password: PASSWORD }, 'bench');
    }
    const params = { tz: TIME_ZONE, from: `${PERIOD}-01`, to: '2026-11-01' };
    const bare = await best(3, () => Promise.all(BARE_SQL.map((sql) => rt.analytics.rows(sql, params))));
    await rt.close();

    const server = await serve(dir, await freePort());
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench', password: PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const connections = Number(values.connections);
      const seconds = Number(values.seconds);
      // The first request scores the month; the figures below are the steady state after it.
      await new Promise((r) => setTimeout(r, 300));
      const first = performance.now();
      await fetch(`${server.url}/api/ranking?period=${PERIOD}`, { headers: { cookie } });
      console.log(
        `first ranking request (scores the month): ${((performance.now() - first) / 1000).toFixed(2)} s`,
      );
      // Brotli's best quality is made in the background after a body's first request; the figures
      // below are with it, as they are a moment after the data changes.
      for (const [label, accept] of [
        ['JSON', 'application/json'],
        ['Arrow', ARROW_STREAM],
      ] as const) {
        const { quick, best, seconds } = await bestBrotli(`${server.url}/api/ranking?period=${PERIOD}`, {
          cookie,
          accept,
        });
        console.log(
          `ranking ${label}, brotli: ${(quick / 1000).toFixed(1)} kB at once, ` +
            `${(best / 1000).toFixed(1)} kB after ${seconds.toFixed(1)} s`,
        );
      }
      console.log(`bare DuckDB aggregate of the month: ${(bare * 1000).toFixed(0)} ms`);
      const cases: { name: string; url: string; headers: Record<string, string> }[] = [
        {
          name: 'GET /api/scorecards/OP-0042',
          url: `${server.url}/api/scorecards/OP-0042?period=${PERIOD}`,
          headers: {},
        },
        // The ranking is 2,000 rows: as a browser asks for it (brotli or gzip), as a client that
        // only knows gzip asks for it, and plain. Full answers: no If-None-Match.
        {
          name: 'GET /api/ranking (JSON, br)',
          url: `${server.url}/api/ranking?period=${PERIOD}`,
          headers: { 'accept-encoding': BROWSER_ENCODINGS },
        },
        {
          name: 'GET /api/ranking (JSON, gzip)',
          url: `${server.url}/api/ranking?period=${PERIOD}`,
          headers: { 'accept-encoding': 'gzip' },
        },
        {
          name: 'GET /api/ranking (Arrow, br)',
          url: `${server.url}/api/ranking?period=${PERIOD}`,
          headers: { accept: ARROW_STREAM, 'accept-encoding': BROWSER_ENCODINGS },
        },
        {
          name: 'GET /api/ranking (Arrow, gzip)',
          url: `${server.url}/api/ranking?period=${PERIOD}`,
          headers: { accept: ARROW_STREAM, 'accept-encoding': 'gzip' },
        },
        {
          name: 'GET /api/ranking (JSON, plain)',
          url: `${server.url}/api/ranking?period=${PERIOD}`,
          headers: {},
        },
      ];
      console.log(`${connections} connections, ${seconds} s each:`);
      for (const c of cases) {
        const r = await load(c.url, cookie, connections, seconds, c.headers);
        const verdict = r.p95 < TARGET_P95_MS ? 'met' : 'MISSED';
        console.log(
          `  ${c.name.padEnd(30)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ` +
            `${r.perSecond.toFixed(0)} req/s  ${(r.perResponse / 1000).toFixed(1)} kB/response  ${(r.bytes / 1e6).toFixed(1)} MB/s` +
            `${r.non2xx ? `  ${r.non2xx} errors` : ''}  → p95 < ${TARGET_P95_MS} ms ${verdict}`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    if (!values.dir) rmSync(dir, { recursive: true, force: true });
  }
}
