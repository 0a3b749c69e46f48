import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { toCsv } from '../../fixtures/demo/csv.ts';
import { buildWorld, rosterRows } from '../../fixtures/demo/generate.ts';
import { writeCallsCsv } from '../../fixtures/demo/stream-calls.ts';
import { dataFiles, openDataDir } from '../../server/runtime.ts';
import { CLI } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

const TZ = 'Europe/Chisinau';
let work: string;
let dataDir: string;
let big: string;

async function counts() {
  const rt = await openDataDir(dataDir, { webDir: null });
  try {
    const [calls] = await rt.analytics.rows('SELECT count(*) AS n FROM calls');
    const imports = await rt.db.selectFrom('imports').select(['status']).orderBy('id').execute();
    const quarantine = await rt.db
      .selectFrom('import_quarantine')
      .select((e) => e.fn.countAll().as('n'))
      .execute();
    return {
      calls: Number(calls?.n),
      imports: imports.map((i) => i.status),
      quarantine: Number(quarantine[0]?.n),
    };
  } finally {
    await rt.close();
  }
}

/** Polls the import log (read-only, beside the writer) until an import is under way. */
async function untilRunning(deadline: number) {
  for (;;) {
    try {
      const db = new Database(dataFiles(dataDir).sqlite, { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare(`SELECT count(*) AS n FROM imports WHERE status = 'running'`).get() as {
          n: number;
        };
        if (row.n > 0) return;
      } finally {
        db.close();
      }
    } catch {
      // the writer is migrating or the file is not there yet
    }
    if (Date.now() > deadline) throw new Error('the import never started');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  work = tempDir('callscore-atomic-');
  dataDir = path.join(work, 'data');
  big = path.join(work, 'big.csv');
  const world = buildWorld({ operators: 120, month: '2026-10', seed: 5, timeZone: TZ, recordings: [] });
  await writeCallsCsv(world, big, { calls: 300_000 });
  const rt = await openDataDir(dataDir, { webDir: null });
  try {
    const roster = rosterRows(world);
    for (const kind of ['teams', 'operators'] as const) {
      const file = path.join(work, `${kind}.csv`);
      writeFileSync(file, toCsv(kind, roster[kind]));
      await importFile(rt, { kind, file, actor: 'test', timeZone: TZ });
    }
    const small = path.join(work, 'small.csv');
    await writeCallsCsv(world, small, { calls: 1000 });
    await importFile(rt, { kind: 'calls', file: small, actor: 'test', timeZone: TZ });
  } finally {
    await rt.close();
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an import killed mid-load', () => {
  it('leaves both stores as they were, and the next open works and can import the file', async () => {
    const before = await counts();
    expect(before).toMatchObject({ calls: 1000, imports: ['done', 'done', 'done'] });

    const child = spawn(process.execPath, [CLI, 'import', 'calls', big, '--data', dataDir], {
      cwd: tmpdir(),
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_, signal) => resolve(signal)),
    );
    await untilRunning(Date.now() + 60_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // DuckDB replays its WAL without the uncommitted load; the import log keeps no ghost.
    const after = await counts();
    expect(after.calls).toBe(before.calls);
    expect(after.quarantine).toBe(before.quarantine);
    expect(after.imports).toEqual(['done', 'done', 'done', 'failed']);

    const rt = await openDataDir(dataDir, { webDir: null });
    try {
      const report = await importFile(rt, { kind: 'calls', file: big, actor: 'test', timeZone: TZ });
      expect(report).toMatchObject({ status: 'done', read: 300_000, quarantined: 0 });
      expect(report.loaded + report.duplicates).toBe(300_000);
    } finally {
      await rt.close();
    }
  }, 120_000);
});
