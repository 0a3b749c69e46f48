import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FollowProgress, followFile } from '../../etl/follow/follow.ts';
import { followedFilesState, listFollowedFiles } from '../../etl/follow/followed-files.repository.ts';
import { importFile } from '../../etl/import-file.ts';
import { type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/**
 * The follow loop in this process with a short interval, on a queue_log the test writes as a PBX
 * would: lines appended (the last one sometimes half written), the file rotated by rename and by
 * copy-and-truncate; after each step the calls are those the lines written so far give.
 */

const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
const TZ = 'Europe/Chisinau';
const LINES = readFileSync(path.join(SAMPLE, 'queue_log'), 'utf8').trim().split('\n');

let env: TestEnv;
let whole: TestEnv;
beforeAll(async () => {
  [env, whole] = [await testEnv({ timeZone: TZ }), await testEnv({ timeZone: TZ })];
  for (const e of [env, whole])
    for (const kind of ['teams', 'operators'] as const)
      await importFile(e.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: TZ });
});
afterAll(async () => {
  await env.dispose();
  await whole.dispose();
});

let wholeFiles = 0;
/** The calls the first `n` lines give when imported at once, in a store of their own. */
async function callsOfFirst(n: number) {
  await whole.rt.analytics.withConnection(async (c) => {
    for (const t of ['calls', 'pbx_queue_calls', 'pbx_queue_events', 'pbx_cdr'])
      await c.run(`DELETE FROM ${t}`);
  });
  const file = path.join(whole.dir, `whole-${++wholeFiles}`);
  writeFileSync(file, `${LINES.slice(0, n).join('\n')}\n`);
  await importFile(whole.rt, { kind: 'calls', file, format: 'queue-log', actor: 't', timeZone: TZ });
  return callsIn(whole);
}

const callsIn = (e: TestEnv) =>
  e.rt.analytics.rows('SELECT * EXCLUDE (import_id) FROM calls ORDER BY call_id') as Promise<
    Record<string, unknown>[]
  >;

async function until(what: string, ok: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const lines = (from: number, to: number) => `${LINES.slice(from, to).join('\n')}\n`;

describe('import --follow on a queue_log', () => {
  it('imports appended lines, never a half-written one, and goes on across rotations', async () => {
    const logDir = tempDir('callscore-follow-log-');
    const log = path.join(logDir, 'queue_log');
    writeFileSync(log, lines(0, 40));
    const stop = new AbortController();
    const batches: FollowProgress[] = [];
    const notes: string[] = [];
    const running = followFile({
      path: log,
      format: 'queue-log',
      intervalMs: 200,
      signal: stop.signal,
      state: followedFilesState(env.rt.db, { path: log, format: 'queue-log', pbxSource: '' }),
      importBatch: (file) =>
        importFile(env.rt, { kind: 'calls', file, format: 'queue-log', actor: 't', timeZone: TZ }),
      onBatch: (p) => batches.push(p),
      onNote: (n) => notes.push(n),
    });
    const reached = async (n: number) => {
      const want = await callsOfFirst(n);
      const linesRead = async () => (await listFollowedFiles(env.rt.db))[0]?.lines;
      await until(`${n} lines read`, async () => (await linesRead()) === n);
      expect(await linesRead()).toBe(n);
      expect(await callsIn(env)).toEqual(want);
    };
    try {
      await reached(40);
      expect(batches[0]).toMatchObject({ batch: 'queue_log@0', lines: 40, totalLines: 40 });
      expect(batches[0]?.lastEventAt).toBe(new Date(Number(LINES[39]?.split('|')[0]) * 1000).toISOString());

      // a line the PBX is half way through writing waits for its end
      appendFileSync(log, lines(40, 55));
      const next = LINES[55] ?? '';
      appendFileSync(log, next.slice(0, 12));
      await reached(55);
      appendFileSync(log, `${next.slice(12)}\n${lines(56, 70)}`);
      await reached(70);

      // logrotate's default: renamed to queue_log.1, a new queue_log; the old one gets a last line first
      appendFileSync(log, lines(70, 72));
      renameSync(log, `${log}.1`);
      appendFileSync(`${log}.1`, lines(72, 74));
      writeFileSync(log, lines(74, 90));
      await reached(90);
      expect(notes.some((n) => n.startsWith('queue_log was rotated'))).toBe(true);

      // copytruncate: the file copied to queue_log.1 and emptied in place, then written on
      appendFileSync(log, lines(90, 95));
      await reached(95);
      appendFileSync(log, lines(95, 100));
      stop.abort();
      await running;
      writeFileSync(`${log}.1`, readFileSync(log));
      writeFileSync(log, '');
      appendFileSync(log, lines(100, 104));
      // a new loop over the same state: the position says the file was cut; its rest is in the copy
      const again = new AbortController();
      const resumed = followFile({
        path: log,
        format: 'queue-log',
        intervalMs: 200,
        signal: again.signal,
        state: followedFilesState(env.rt.db, { path: log, format: 'queue-log', pbxSource: '' }),
        importBatch: (file) =>
          importFile(env.rt, { kind: 'calls', file, format: 'queue-log', actor: 't', timeZone: TZ }),
        onNote: (n) => notes.push(n),
      });
      await reached(104);
      appendFileSync(log, lines(104, LINES.length));
      await reached(LINES.length);
      again.abort();
      await resumed;
      expect(notes).toContain(
        'queue_log was rotated: the rest of the old file read from queue_log.1 (5 lines)',
      );
      // every call event stored once: no line read twice
      const [events] = await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM pbx_queue_events');
      const [want] = await whole.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM pbx_queue_events');
      expect(events).toEqual(want);
    } finally {
      stop.abort();
      await running;
    }
    // the import log names each batch by its file and offset
    const names = await env.rt.db
      .selectFrom('imports')
      .select('file_name')
      .where('format', '=', 'queue-log')
      .execute();
    expect(names.map((n) => n.file_name)).toContain('queue_log@0');
    expect(names.some((n) => /^queue_log\.1@[1-9]\d*$/.test(n.file_name))).toBe(true);
  }, 120_000);
});
