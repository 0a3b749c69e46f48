import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

// A real server on loopback: a cut-off body only behaves like a browser's cancel over a socket.
let env: TestEnv;
let admin: string;
let server: ReturnType<typeof serve>;
let port: number;
// A rejection nobody handles would end a real server process: each test asserts there was none.
let unhandled: unknown[];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(async () => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
  env = await testEnv();
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
  server = await new Promise((resolve) => {
    const s = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await env.dispose();
});

const BOUNDARY = '----callscore-test-boundary';
const head = (name: string, extra = '') =>
  `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"${extra}\r\n`;
/** The kind field and the start of a file part, the file's text going on for `bytes`. */
const partialBody = (bytes: number) =>
  `${head('kind')}\r\nteams\r\n${head('file', '; filename="teams.csv"')}content-type: text/csv\r\n\r\n` +
  `team_id,name,department\n${'T9,Cut off,Sales\n'.repeat(Math.ceil(bytes / 17))}`;

/**
 * Writes a request by hand and then stops: `end` half-closes the socket, `destroy` resets it.
 * Resolves with what the server answered, if anything.
 */
function sendRaw(opts: { body: string; declared: number; finish: 'end' | 'destroy' }): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        'POST /api/imports HTTP/1.1\r\nhost: 127.0.0.1\r\n' +
          `cookie: ${admin}\r\ncontent-type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
          `content-length: ${opts.declared}\r\n\r\n`,
      );
      socket.write(opts.body, () => {
        // Give the server time to start writing the file before the connection goes.
        setTimeout(() => (opts.finish === 'end' ? socket.end() : socket.destroy()), 100);
      });
    });
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
  });
}

const uploads = () => {
  try {
    return readdirSync(path.join(env.dir, 'uploads'));
  } catch {
    return [];
  }
};

/** The uploads folder once the server has let go of the cut-off file (or after 5 s). */
async function uploadsSettled(): Promise<string[]> {
  const deadline = Date.now() + 5000;
  while (uploads().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return uploads();
}

async function healthy() {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  return res.status;
}

describe('a cut-off upload', () => {
  it('a complete request whose form stops inside the file is a 400, and nothing is left', async () => {
    const body = partialBody(200_000);
    const answer = await sendRaw({ body, declared: Buffer.byteLength(body), finish: 'end' });
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect(answer).toMatch(/not valid multipart data: Unexpected end of form/);
    expect(await uploadsSettled()).toEqual([]);
    expect(await healthy()).toBe(200);
  });

  it('a connection closed before the declared length leaves no file and the server up', async () => {
    const body = partialBody(300_000);
    await sendRaw({ body, declared: Buffer.byteLength(body) * 4, finish: 'end' });
    expect(await uploadsSettled()).toEqual([]);
    expect(await healthy()).toBe(200);
  });

  it('a connection reset mid-file leaves no file and the server up, and is audited', async () => {
    const body = partialBody(300_000);
    await sendRaw({ body, declared: Buffer.byteLength(body) * 4, finish: 'destroy' });
    expect(await uploadsSettled()).toEqual([]);
    expect(await healthy()).toBe(200);
    const refused = () =>
      env.rt.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'after'])
        .where('entity', '=', 'upload')
        .execute();
    const deadline = Date.now() + 5000;
    while (!(await refused()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [row] = await refused();
    expect(row).toMatchObject({ actor: 'root', action: 'refuse' });
    expect(JSON.parse(row?.after ?? 'null')).toMatchObject({
      fileName: 'teams.csv',
      kind: 'teams',
      size: expect.any(Number),
      reason: 'the upload was cut off: the connection closed before the form ended',
    });
  });

  it('takes a whole upload after the cut-off ones', async () => {
    for (const finish of ['end', 'destroy'] as const) {
      const body = partialBody(100_000);
      await sendRaw({ body, declared: Buffer.byteLength(body) * 2, finish });
    }
    const form = new FormData();
    form.set('kind', 'teams');
    form.set('file', new Blob(['team_id,name,department\nT1,Desk,Sales\n']), 'teams.csv');
    const res = await fetch(`http://127.0.0.1:${port}/api/imports`, {
      method: 'POST',
      headers: { cookie: admin },
      body: form,
    });
    expect(res.status).toBe(202);
    await env.rt.imports.idle();
    expect(await uploadsSettled()).toEqual([]);
  });
});
