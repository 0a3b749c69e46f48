import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { openDataDir } from '../../server/runtime.ts';
import { CLI } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

/**
 * `callscore import calls queue_log --follow` as a real process: killed (-9) at the worst moment
 * (a batch stored, its offset not yet) and at a moment of the test's choosing, then started
 * again: no line is imported twice and none is lost. SIGTERM stops it cleanly.
 */

const SAMPLE = new URL('../etl/asterisk-sample/', import.meta.url).pathname;
const LINES = readFileSync(path.join(SAMPLE, 'queue_log'), 'utf8').trim().split('\n');
const lines = (from: number, to: number) => `${LINES.slice(from, to).join('\n')}\n`;

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = tempDir('callscore-follow-data-');
  dirs.push(dir);
  const rt = await openDataDir(dir, { webDir: null });
  try {
    for (const kind of ['teams', 'operators'] as const)
      await importFile(rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: 'UTC' });
  } finally {
    await rt.close();
  }
  return dir;
}

/** What a data directory holds of the calls: the calls, and how many call events (each line once). */
async function stored(dir: string) {
  const rt = await openDataDir(dir, { webDir: null });
  try {
    return {
      calls: await rt.analytics.rows('SELECT * EXCLUDE (import_id) FROM calls ORDER BY call_id'),
      events: await rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM pbx_queue_events'),
      position: await rt.db.selectFrom('followed_files').select(['lines', 'offset']).execute(),
    };
  } finally {
    await rt.close();
  }
}

function follow(dir: string, log: string, extra: string[] = [], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [CLI, 'import', 'calls', log, '--follow', '--interval', '1', '--data', dir, ...extra],
    { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out };
}

async function until(what: string, ok: () => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let want: Awaited<ReturnType<typeof stored>>;
beforeAll(async () => {
  // the whole file imported at once: what any way of following it must end with
  const dir = await freshDir();
  const rt = await openDataDir(dir, { webDir: null });
  try {
    const file = path.join(dir, 'queue_log');
    writeFileSync(file, lines(0, LINES.length));
    await importFile(rt, { kind: 'calls', file, format: 'queue-log', actor: 't', timeZone: 'UTC' });
  } finally {
    await rt.close();
  }
  want = await stored(dir);
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('import --follow killed and started again', () => {
  it('killed after a batch is stored but before its offset: the restart reads it again, once', async () => {
    const dir = await freshDir();
    const log = path.join(dir, 'queue_log');
    writeFileSync(log, lines(0, 60));
    const killed = follow(dir, log, [], { CALLSCORE_KILL_AT: 'follow-before-offset' });
    expect((await killed.exited).signal).toBe('SIGKILL');
    const between = await stored(dir);
    expect(between.position).toEqual([{ lines: 0, offset: 0 }]);
    expect(between.calls.length).toBeGreaterThan(0);

    appendFileSync(log, lines(60, LINES.length));
    const again = follow(dir, log, ['--once']);
    expect(await again.exited).toEqual({ code: 0, signal: null });
    const after = await stored(dir);
    expect(after.calls).toEqual(want.calls);
    expect(after.events).toEqual(want.events);
    expect(after.position).toEqual([
      { lines: LINES.length, offset: Buffer.byteLength(lines(0, LINES.length)) },
    ]);
  }, 90_000);

  it('kill -9 while following, lines written meanwhile: the restart goes on from the stored offset', async () => {
    const dir = await freshDir();
    const log = path.join(dir, 'queue_log');
    writeFileSync(log, lines(0, 30));
    const first = follow(dir, log);
    await until('the first batch', () => first.output().includes('queue_log@0: 30 lines'));
    appendFileSync(log, lines(30, 50));
    await until('the second batch', () => /queue_log@\d+: 20 lines/.test(first.output()));
    appendFileSync(log, lines(50, 70));
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    appendFileSync(log, lines(70, LINES.length));

    const second = follow(dir, log);
    await until('the rest', () => second.output().includes(`in all ${LINES.length} lines read`));
    second.child.kill('SIGTERM');
    const end = await second.exited;
    expect(end).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain(`stopped following ${log}`);
    // it started where the first left off, not at 0
    expect(second.output()).not.toContain('queue_log@0:');
    const after = await stored(dir);
    expect(after.calls).toEqual(want.calls);
    expect(after.events).toEqual(want.events);
  }, 120_000);
});
