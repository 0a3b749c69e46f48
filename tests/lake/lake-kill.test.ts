import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncLake } from '../../server/lake/sync.ts';
import { CLI } from '../helpers/cli.ts';
import { lakeEnv, lakeFiles, tmpFiles } from '../helpers/lake.ts';
import { importCsv, storeEnv, type TestEnv } from '../helpers/runtime.ts';

/**
 * `callscore lake sync` as a real process killed with SIGKILL (at the two moments around a
 * rename, and at a random moment): every partition is then its old file or its new one, and the
 * next run completes the lake to what a sync never cut short writes.
 */
let env: TestEnv;
let lake: string;
let before: Map<string, string>;
let after: Map<string, string>;

function sync(extraEnv: Record<string, string> = {}): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string }>;
} {
  const child = spawn(process.execPath, [CLI, 'lake', 'sync', '--data', env.dir, '--lake', lake], {
    cwd: tmpdir(),
    env: { ...process.env, ...storeEnv(env), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

/** Each file now is the partition's file before the change or after it; none is anything else. */
function expectOldOrNew(now: Map<string, string>) {
  for (const [file, hash] of now) {
    if (tmpFiles(new Map([[file, hash]])).length) continue; // a killed run's leftover, never read
    expect([before.get(file), after.get(file)], file).toContain(hash);
  }
  for (const file of new Set([...before.keys(), ...after.keys()])) {
    // A partition missing now is one the change removes or adds.
    if (!now.has(file)) expect(before.has(file) && after.has(file), file).toBe(false);
  }
}

beforeAll(async () => {
  env = await lakeEnv();
  lake = path.join(env.dir, 'lake');
  await syncLake(env.rt, lake);
  before = lakeFiles(lake);
  // Changes in both months, a claim judged, and the scorecards they move.
  await importCsv(
    env,
    'calls',
    'more.csv',
    'call_id,started_at,answered_at,ended_at,direction,operator_id,client_id,queue,disposition,task_type,outcome,talk_s\n' +
      'C8,2026-10-05T10:00:00+03:00,2026-10-05T10:00:05+03:00,2026-10-05T10:01:05+03:00,inbound,OP-2,CL1,sales,answered,order,completed,60\n' +
      'C9,2026-11-03T10:00:00+02:00,2026-11-03T10:00:05+02:00,2026-11-03T10:01:05+02:00,inbound,OP-3,CL2,care,answered,order,completed,90\n',
    'Europe/Chisinau',
  );
  await env.rt.db.updateTable('claims').set({ status: 'rejected' }).where('claim_id', '=', 'CLM-1').execute();
  // What an uninterrupted sync of the change writes, from a copy of the old lake.
  const expected = path.join(env.dir, 'expected-lake');
  cpSync(lake, expected, { recursive: true });
  await syncLake(env.rt, expected);
  after = lakeFiles(expected);
  // The children take the data directory's lock.
  await env.rt.close();
}, 60_000);

afterAll(() => rmSync(env.dir, { recursive: true, force: true }));

describe('lake sync killed with SIGKILL', () => {
  it('leaves each partition old or new, and the next run completes the lake', async () => {
    expect([...after].filter(([f, h]) => before.get(f) !== h).length).toBeGreaterThan(3);

    // Killed with a new file written under its temporary name, before the rename.
    const first = await sync({ CALLSCORE_KILL_AT: 'lake-before-rename' }).done;
    expect(first.signal).toBe('SIGKILL');
    const afterFirst = lakeFiles(lake);
    expectOldOrNew(afterFirst);
    expect(tmpFiles(afterFirst)).toHaveLength(1);

    // Killed just after a rename, the state not yet written; the leftover of the first is gone.
    const second = await sync({ CALLSCORE_KILL_AT: 'lake-after-rename' }).done;
    expect(second.signal).toBe('SIGKILL');
    const afterSecond = lakeFiles(lake);
    expectOldOrNew(afterSecond);
    expect(tmpFiles(afterSecond)).toEqual([]);

    // Killed at random moments (a run that ends first is fine too).
    for (const delay of [1000 + Math.random() * 3000]) {
      const run = sync();
      const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
      await run.done;
      clearTimeout(timer);
      expectOldOrNew(lakeFiles(lake));
    }

    const last = await sync().done;
    expect(last.code, last.out).toBe(0);
    expect(last.out).toMatch(/lake .*: \d+ file\(s\) rewritten/);
    expect(lakeFiles(lake)).toEqual(after);
  }, 120_000);
});
