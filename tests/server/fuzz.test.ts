import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDataDir } from '../../server/runtime.ts';
import { cli, demoCredentials, freePort, serve } from '../helpers/cli.ts';
import { type FuzzRequest, fuzzRequest, rng } from '../helpers/fuzz.ts';
import { tempDir } from '../helpers/runtime.ts';

/**
 * Generated bad requests to every route, as every role, a team lead, a department head and
 * signed out, against the real server process on loopback: none may answer 5xx, every error is the one JSON shape, and the process is
 * still there at the end. CALLSCORE_FUZZ_N sets the requests per route and identity,
 * CALLSCORE_FUZZ_SEED the seed (a failure prints the request to send again).
 */
const PER_IDENTITY = Number(process.env.CALLSCORE_FUZZ_N ?? 8);
const SEED = Number(process.env.CALLSCORE_FUZZ_SEED ?? 20261204);
const USERS = ['admin', 'head', 'qalead', 'qa', 'payroll', 'operator', 'teamlead', 'saleshead'] as const;
/** Heads limited to a team and to a department, added to the demo's users. */
const LIMITED: [string, string[]][] = [
  ['teamlead', ['--team', 'T-CARE']],
  ['saleshead', ['--department', 'Sales']],
];

/** Every API route of the app, as `[method, path]`, read from the app itself so none is missed. */
async function apiRoutes(): Promise<[string, string][]> {
  const dir = tempDir();
  const rt = await openDataDir(dir, { webDir: null });
  const seen = new Map<string, [string, string]>();
  for (const r of createApp(rt).routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    seen.set(`${r.method} ${r.path}`, [r.method, r.path]);
  }
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
  return [...seen.values()];
}

const routes = await apiRoutes();
let server: Awaited<ReturnType<typeof serve>>;
let root: string;
const cookies = new Map<string, string>();

beforeAll(async () => {
  root = tempDir();
  const dir = path.join(root, 'data');
  const demo = await cli(['demo', '--data', dir, '--operators', '8', '--months', '2', '--month', '2026-10']);
  if (demo.code !== 0) throw new Error(demo.stderr);
  const creds = demoCredentials(dir);
  for (const [name, limit] of LIMITED) {
    creds[name] = `pw-${name}-fuzz`;
    const add = await cli(['users', 'add', name, '--role', 'head', ...limit, '--data', dir], {
      input: creds[name],
    });
    if (add.code !== 0) throw new Error(add.stderr);
  }
  server = await serve(dir, await freePort());
  for (const u of USERS) {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: u, password: creds[u] }),
    });
    expect(res.status, `sign-in of ${u}`).toBe(200);
    cookies.set(u, (res.headers.get('set-cookie') ?? '').split(';')[0] as string);
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const show = (q: FuzzRequest) =>
  `${q.method} ${q.path.slice(0, 300)} ${JSON.stringify(q.headers)} ${
    typeof q.body === 'string' ? q.body.slice(0, 300) : q.body ? `<${q.body.length} bytes>` : ''
  }`;

/** Why an error body is not `{error: {code, message}}`, or null when it is. */
function errorShapeProblem(text: string): string | null {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof e?.code === 'string' && typeof e.message === 'string' ? null : 'not the error shape';
  } catch {
    return 'not JSON';
  }
}

describe('generated bad requests', () => {
  it.each(routes)(
    '%s %s answers every one below 500, in the error shape',
    async (method, routePath) => {
      const r = rng(
        SEED ^ [...`${method} ${routePath}`].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7),
      );
      // Signing out would leave the rest of the run without a session: only the anonymous caller tries it.
      const identities = routePath === '/api/auth/logout' ? [null] : [null, ...USERS];
      const failures: string[] = [];
      for (const who of identities) {
        for (let i = 0; i < PER_IDENTITY; i++) {
          const q = fuzzRequest(r, method, routePath);
          const headers = { ...q.headers, ...(who ? { cookie: cookies.get(who) as string } : {}) };
          const res = await fetch(server.url + q.path, {
            method: q.method,
            headers,
            body: q.body as BodyInit | undefined,
            redirect: 'manual',
            signal: AbortSignal.timeout(20_000),
          });
          const text = await res.text();
          const problem = res.status >= 500 ? 'a 5xx' : res.status >= 400 ? errorShapeProblem(text) : null;
          if (problem)
            failures.push(
              `${who ?? 'anonymous'}: ${show(q)}\n  → ${res.status} ${problem}: ${text.slice(0, 300)}`,
            );
        }
      }
      // Every bad answer of the route at once, each with the request that gave it.
      expect(failures, failures.join('\n')).toEqual([]);
    },
    120_000,
  );

  it('leaves the server up and both stores answering', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
