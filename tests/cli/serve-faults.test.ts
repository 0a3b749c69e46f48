import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../server/runtime.ts';
import { cli, freePort, serve } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

const FAULTY = new URL('../fixtures/faulty-requests.mjs', import.meta.url).pathname;

let work: string;
let dir: string;
beforeAll(async () => {
  work = tempDir('callscore-faults-');
  dir = path.join(work, 'data');
  await (await openDataDir(dir, { webDir: null })).close();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function until(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

describe('callscore serve and errors no request handled', () => {
  it('logs a rejection or an exception a request left behind, and goes on serving', async () => {
    const server = await serve(dir, await freePort(), { nodeArgs: ['--import', FAULTY] });
    try {
      for (const fault of ['rejection', 'exception']) {
        const res = await fetch(`${server.url}/api/faulty/${fault}`);
        // That request still gets its answer (no such route here), like any other.
        expect(res.status).toBe(404);
      }
      await until(() => /an exception thrown after a request/.test(server.output()));
      expect(server.child.exitCode).toBeNull();
      expect(server.output()).toMatch(
        /a request left an error unhandled; the server goes on:.*\n?.*a rejection a request left behind/,
      );
      expect(server.output()).toMatch(
        /an uncaught exception; the server goes on:.*\n?.*an exception thrown after a request/,
      );
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('a server that cannot start still says why and exits', async () => {
    const port = await freePort();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', () => resolve()));
    try {
      const res = await cli(['serve', '--data', dir, '--port', String(port)]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(new RegExp(`port ${port} is in use`));
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
