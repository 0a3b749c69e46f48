import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { syncLake } from '../../server/lake/sync.ts';
import { openDataDir } from '../../server/runtime.ts';
import { type LakeServer, lakeEnv, serveLake } from '../helpers/lake.ts';
import { addUser, signIn as signInTo, storeEnv, type TestEnv } from '../helpers/runtime.ts';

/**
 * Two `callscore serve --lake` processes on one operational store (the shared SQLite file, WAL)
 * and one lake: what one does, the other answers at once.
 */
async function signIn(server: LakeServer, username: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const get = (server: LakeServer, cookie: string, route: string) =>
  fetch(`${server.url}${route}`, { headers: { cookie } });
const post = (server: LakeServer, cookie: string, route: string, body: unknown) =>
  fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const writeCsv = (dir: string, name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

/** The month of now in the company zone: a claim judged now counts in its pay. */
const thisMonth = () => {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Chisinau',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date());
  return `${p.find((x) => x.type === 'year')?.value}-${p.find((x) => x.type === 'month')?.value}`;
};

/** OP-1's client claims in a month's scorecards, as a server computes (and keeps) them. */
async function clientClaims(server: LakeServer, cookie: string, month: string): Promise<number> {
  const res = await get(server, cookie, `/api/scorecards?period=${month}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    operators: { scorecard: { operatorId: string; clientClaims: number } }[];
  };
  return body.operators.find((o) => o.scorecard.operatorId === 'OP-1')?.scorecard.clientClaims ?? -1;
}

/** Polls `read` until it gives `want` or `ms` pass; returns how long it took. */
async function within<T>(ms: number, read: () => Promise<T>, want: T): Promise<number> {
  const started = Date.now();
  for (;;) {
    if ((await read()) === want) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not ${String(want)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Store {
  env: TestEnv;
  /** What the children's environment adds (the store's URL). */
  extraEnv: Record<string, string>;
  dispose?: () => Promise<void>;
}

function twoProcesses(name: string, store: () => Promise<Store>) {
  let env: TestEnv;
  let a: LakeServer;
  let b: LakeServer;
  let headPassword: string;
  let extraEnv: Record<string, string> = {};
  let dispose: (() => Promise<void>) | undefined;
  let ownFigures: unknown;
  const passwords = new Map<string, string>();

  beforeAll(async () => {
    const made = await store();
    env = made.env;
    extraEnv = made.extraEnv;
    dispose = made.dispose;
    headPassword = await addUser(env, 'head', 'head');
    passwords.set('lockme', await addUser(env, 'lockme', 'qa'));
    await addUser(env, 'admin', 'admin');
    await syncLake(env.rt, path.join(env.dir, 'lake'));
    // The figures as the process owning the analytics store computes them, from its DuckDB file.
    const cookie = await signInTo(env, 'head', headPassword);
    ownFigures = await (
      await env.app.request('/api/scorecards?period=2026-10', { headers: { cookie } })
    ).json();
    await env.rt.close();
    [a, b] = await Promise.all([
      serveLake(env.dir, path.join(env.dir, 'lake'), extraEnv),
      serveLake(env.dir, path.join(env.dir, 'lake'), extraEnv),
    ]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    rmSync(env.dir, { recursive: true, force: true });
    await dispose?.();
  });

  describe(`two API processes on one ${name} and one lake`, () => {
    it('answer the figures the owner of the analytics store gives, from the lake', async () => {
      const cookie = await signIn(a, 'head', headPassword);
      const [fromA, fromB] = await Promise.all(
        [a, b].map(async (s) => (await get(s, cookie, '/api/scorecards?period=2026-10')).json()),
      );
      expect(fromB).toEqual(fromA);
      expect(fromA).toEqual(ownFigures);
      expect((fromA as { operators: unknown[] }).operators).toHaveLength(3);
    });

    it('a sign-in on one is valid on the other, and a sign-out on one ends it on both', async () => {
      const cookie = await signIn(a, 'head', headPassword);
      const me = await get(b, cookie, '/api/auth/me');
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { username: string } }).user.username).toBe('head');
      expect((await post(b, cookie, '/api/auth/logout', {})).status).toBe(200);
      await within(1000, async () => (await get(a, cookie, '/api/auth/me')).status, 401);
    });

    it('failed sign-ins on both count together: the account is locked on both', async () => {
      const password = passwords.get('lockme') as string;
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          fetch(`${(i % 2 ? a : b).url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'lockme', password: 'not-the-password' }),
          }).then((r) => r.status),
        ),
      );
      expect(attempts.every((s) => s === 401 || s === 429)).toBe(true);
      // Six failures, three more than allowed: locked for a few seconds, whichever process asks.
      for (const server of [a, b]) {
        const res = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'lockme', password }),
        });
        expect(res.status).toBe(429);
      }
    });

    it('a claim judged on one is seen on the other within a second, its figures moved', async () => {
      const cookie = await signIn(b, 'head', headPassword);
      // Both have computed (and keep) the figures of the month the decision counts in.
      const month = thisMonth();
      expect(await clientClaims(a, cookie, month)).toBe(0);
      expect(await clientClaims(b, cookie, month)).toBe(0);
      const judged = await post(a, cookie, '/api/claims/CLM-1/decision', {
        status: 'justified',
        note: 'the recording confirms it',
      });
      expect(judged.status).toBe(200);
      const claimOnB = async () =>
        ((await (await get(b, cookie, '/api/claims/CLM-1')).json()) as { claim: { status: string } }).claim
          .status;
      const seen = await within(1000, claimOnB, 'justified');
      const moved = await within(1000, () => clientClaims(b, cookie, month), 1);
      expect(seen + moved).toBeLessThan(2000);
    });

    it('50 writes at once across both lose nothing and answer no 5xx', async () => {
      const cookie = await signIn(a, 'head', headPassword);
      const claimsNow = async () =>
        ((await (await get(a, cookie, '/api/claims')).json()) as { claims: unknown[] }).claims.length;
      const before = await claimsNow();
      // Half new claims (a write first), half task norms (each reads the norm before it writes it).
      const writes = Array.from({ length: 50 }, (_, i) => {
        const server = i % 2 ? a : b;
        if (i % 4 < 2)
          return post(server, cookie, '/api/claims', {
            operatorId: `OP-${1 + (i % 3)}`,
            source: 'client',
            receivedAt: '2026-10-25T10:00:00Z',
            description: `claim number ${i}`,
          });
        return fetch(`${server.url}/api/plans/norms`, {
          method: 'PUT',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({
            scope: 'operator',
            subjectId: `OP-${1 + (i % 3)}`,
            period: '2026-10',
            tasksNorm: 100 + i,
          }),
        });
      });
      const answers = await Promise.all(
        writes.map(async (w) => {
          const res = await w;
          return { status: res.status, body: res.status >= 300 ? await res.text() : '' };
        }),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(answers.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
      expect(await claimsNow()).toBe(before + 26);
      // Every norm written was audited: none lost, whichever process wrote it.
      const admin = await signIn(b, 'admin', 'pw-admin-secret');
      const audit = (await (await get(b, admin, '/api/admin/audit?entity=norm&limit=1000')).json()) as {
        entries: unknown[];
      };
      expect(audit.entries).toHaveLength(24);
    });

    it('calls imported and synced by the importing process are in the figures of both soon after', async () => {
      const cookie = await signIn(a, 'head', headPassword);
      const handled = async (server: LakeServer) => {
        const body = (await (await get(server, cookie, '/api/scorecards?period=2026-10')).json()) as {
          operators: { scorecard: { operatorId: string; handledCalls: number } }[];
        };
        return body.operators.find((o) => o.scorecard.operatorId === 'OP-3')?.scorecard.handledCalls ?? -1;
      };
      const before = await handled(b);
      // The importing process: it owns the analytics store (no child holds it) and writes the lake.
      const importer = await openDataDir(env.dir, { webDir: null, database: env.database });
      try {
        await importFile(importer, {
          kind: 'calls',
          file: writeCsv(
            env.dir,
            'october.csv',
            'call_id,started_at,answered_at,ended_at,direction,operator_id,client_id,queue,disposition,task_type,outcome,talk_s\n' +
              'C30,2026-10-06T10:00:00+03:00,2026-10-06T10:00:05+03:00,2026-10-06T10:02:05+03:00,inbound,OP-3,CL1,care,answered,complaint,completed,120\n',
          ),
          actor: 'test',
          timeZone: 'Europe/Chisinau',
        });
        await syncLake(importer, path.join(env.dir, 'lake'));
      } finally {
        await importer.close();
      }
      await within(1000, () => handled(a), before + 1);
      await within(1000, () => handled(b), before + 1);
    });

    it('refuses an import, an AutoQA run and a transcription with a 409 naming the importer', async () => {
      const admin = await signIn(b, 'admin', 'pw-admin-secret');
      const res = await fetch(`${b.url}/api/imports`, { method: 'POST', headers: { cookie: admin } });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        'http://importer:8080',
      );
      // Nor does it run AutoQA or transcription, which write the analytics store.
      const run = await fetch(`${b.url}/api/autoqa/run?period=2026-10`, {
        method: 'POST',
        headers: { cookie: admin },
      });
      expect(run.status).toBe(409);
      const transcribe = await post(b, admin, '/api/transcribe/job', { period: '2026-10' });
      expect(transcribe.status).toBe(409);
    });
  });
}

/**
 * On the environment's store: the SQLite file, or (`npm run test:pg`) the PostgreSQL database the
 * test environment made, its URL given to both children as CALLSCORE_DATABASE_URL.
 */
twoProcesses(process.env.CALLSCORE_TEST_DATABASE_URL ? 'PostgreSQL database' : 'SQLite file', async () => {
  const env = await lakeEnv();
  return { env, extraEnv: storeEnv(env) };
});
