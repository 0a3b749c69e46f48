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

describe('import --follow on a CDR', () => {
  it('imports the legs as they are written, across a rotation, to the calls of the whole file', async () => {
    const cdr = readFileSync(path.join(SAMPLE, 'Master.csv'), 'utf8').trim().split('\n');
    const [own, one] = [await testEnv({ timeZone: TZ }), await testEnv({ timeZone: TZ })];
    try {
      for (const e of [own, one])
        for (const kind of ['teams', 'operators'] as const)
          await importFile(e.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: TZ });
      const whole = path.join(one.dir, 'Master-whole.csv');
      writeFileSync(whole, `${cdr.join('\n')}\n`);
      await importFile(one.rt, {
        kind: 'calls',
        file: whole,
        format: 'asterisk-cdr',
        actor: 't',
        timeZone: TZ,
      });

      const logDir = tempDir('callscore-follow-cdr-');
      const log = path.join(logDir, 'Master.csv');
      const part = (from: number, to: number) => `${cdr.slice(from, to).join('\n')}\n`;
      writeFileSync(log, part(0, 15));
      const stop = new AbortController();
      const batches: FollowProgress[] = [];
      const state = followedFilesState(own.rt.db, { path: log, format: 'asterisk-cdr', pbxSource: '' });
      const running = followFile({
        path: log,
        format: 'asterisk-cdr',
        intervalMs: 200,
        signal: stop.signal,
        state,
        importBatch: (file) =>
          importFile(own.rt, { kind: 'calls', file, format: 'asterisk-cdr', actor: 't', timeZone: TZ }),
        onBatch: (p) => batches.push(p),
      });
      try {
        await until('15 CDR lines', async () => (await state.load())?.lines === 15);
        // a CDR's last event is its end, as the PBX wrote it
        expect(batches[0]?.lastEventAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        appendFileSync(log, part(15, 25));
        renameSync(log, `${log}.1`);
        writeFileSync(log, part(25, cdr.length));
        await until('every CDR line', async () => (await state.load())?.lines === cdr.length);
      } finally {
        stop.abort();
        await running;
      }
      expect(await callsIn(own)).toEqual(await callsIn(one));
      const legs = 'SELECT count(*)::INTEGER AS n FROM pbx_cdr';
      expect(await own.rt.analytics.rows(legs)).toEqual(await one.rt.analytics.rows(legs));
    } finally {
      await own.dispose();
      await one.dispose();
    }
  }, 60_000);
});

describe('import --follow when a batch fails', () => {
  it('says so and imports the same lines again after a pause, skipping none', async () => {
    const logDir = tempDir('callscore-follow-fail-');
    const log = path.join(logDir, 'queue_log');
    writeFileSync(log, lines(0, 10));
    const notes: string[] = [];
    let attempts = 0;
    const seen: number[] = [];
    const stop = new AbortController();
    const state = followedFilesState(env.rt.db, { path: log, format: 'queue-log', pbxSource: 'retry' });
    const running = followFile({
      path: log,
      format: 'queue-log',
      intervalMs: 100,
      signal: stop.signal,
      state,
      importBatch: async (file) => {
        attempts++;
        seen.push(readFileSync(file, 'utf8').split('\n').length - 1);
        if (attempts === 1) throw new Error('cannot reach http://127.0.0.1:8080 (ECONNREFUSED)');
        return importFile(env.rt, { kind: 'calls', file, format: 'queue-log', actor: 't', timeZone: TZ });
      },
      onNote: (n) => notes.push(n),
    });
    try {
      await until('the batch imported', async () => (await state.load())?.lines === 10);
    } finally {
      stop.abort();
      await running;
    }
    expect(notes).toEqual(['queue_log@0: cannot reach http://127.0.0.1:8080 (ECONNREFUSED); trying again']);
    expect(seen).toEqual([10, 10]);
  }, 30_000);
});
