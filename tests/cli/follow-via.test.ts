import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followFile } from '../../etl/follow/follow.ts';
import { jsonFileState } from '../../etl/follow/json-state.ts';
import { importFile } from '../../etl/import-file.ts';
import { importVia } from '../../server/cli/import-via.ts';
import { openDataDir } from '../../server/runtime.ts';
import { createUser } from '../../server/users/users.service.ts';
import { freePort, serve } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

/**
 * `import --follow --via`: the batches go to a running server, which owns the data directory, on
 * one session (not a sign-in per batch), signing in again when the server no longer knows it.
 */

const SAMPLE = new URL('../etl/asterisk-sample/', import.meta.url).pathname;
const PASSWORD = 'a-long-admin-password';
let work: string;
let dir: string;
let server: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  work = tempDir('callscore-follow-via-');
  dir = path.join(work, 'data');
  const rt = await openDataDir(dir, { webDir: null });
  try {
    await createUser(
      rt.db,
      { username: 'root', role: 'admin', operatorId: null, password: PASSWORD },
      'test',
    );
    for (const kind of ['teams', 'operators'] as const)
      await importFile(rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: 'UTC' });
  } finally {
    await rt.close();
  }
  server = await serve(dir, await freePort());
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('import --follow --via', () => {
  it('sends every batch on one session, and signs in again when the session is gone', async () => {
    const log = path.join(work, 'queue_log');
    const text = readFileSync(path.join(SAMPLE, 'queue_log'), 'utf8');
    writeFileSync(log, text);
    // a session the server never gave: the first upload is refused, the follower signs in
    const session = { cookie: 'callscore_session=gone' as string | null };
    const batches: string[] = [];
    await followFile({
      path: log,
      format: 'queue-log',
      intervalMs: 100,
      signal: new AbortController().signal,
      untilIdle: true,
      maxBatchBytes: 2000,
      state: jsonFileState(path.join(work, 'queue_log.follow.json')),
      importBatch: (file) =>
        importVia({
          url: server.url,
          user: 'root',
          password: PASSWORD,
          session,
          kind: 'calls',
          file,
          format: 'queue-log',
        }),
      onBatch: (p) => batches.push(p.batch),
    });
    expect(batches.length).toBeGreaterThan(3);
    expect(batches[0]).toBe('queue_log@0');
    expect(session.cookie).not.toBe('callscore_session=gone');
    const sqlite = new Database(path.join(dir, 'callscore.sqlite'), { readonly: true });
    try {
      const { n } = sqlite.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number };
      expect(n).toBe(1);
      const logged = sqlite
        .prepare("SELECT file_name FROM imports WHERE format = 'queue-log' ORDER BY id")
        .all() as { file_name: string }[];
      expect(logged.map((r) => r.file_name)).toEqual(batches);
    } finally {
      sqlite.close();
    }
    const position = JSON.parse(readFileSync(path.join(work, 'queue_log.follow.json'), 'utf8'));
    expect(position).toMatchObject({
      offset: Buffer.byteLength(text),
      lines: text.trim().split('\n').length,
    });
  }, 90_000);
});
