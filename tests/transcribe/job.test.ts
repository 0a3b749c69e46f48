import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscribeFailuresResponse, TranscribeJobView } from '../../schemas/transcribe.ts';
import { createApp } from '../../server/app.ts';
import { openDataDir, type Runtime } from '../../server/runtime.ts';
import { DEBIAN_MODEL } from '../../server/transcribe/engines/pocketsphinx.ts';
import { createUser } from '../../server/users/users.service.ts';
import { onPath, transcribeDataDir } from '../helpers/transcribe.ts';

const have = onPath('pocketsphinx_continuous') && onPath('sox') && existsSync(DEBIAN_MODEL);
if (!have) {
  console.warn(
    'skipped: pocketsphinx or sox is not installed (apt-get install pocketsphinx pocketsphinx-en-us sox libsox-fmt-all)',
  );
}

/** Seconds of each demo recording kept: the job's course is under test here, not the engine. */
const KEEP_S = 4;

let dir: string;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
let cookie = '';

async function send(method: string, url: string, body?: unknown) {
  const res = await app.request(url, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const job = async () => (await send('GET', '/api/transcribe/job')).body.job as TranscribeJobView;

beforeAll(async () => {
  if (!have) return;
  dir = await transcribeDataDir();
  const demo = path.join(dir, 'recordings', 'demo');
  for (const n of ['01', '02', '03', '04', '05', '06']) {
    const f = path.join(demo, `call-${n}.ogg`);
    execFileSync('sox', [f, `${f}.cut.ogg`, 'trim', '0', String(KEEP_S)]);
    renameSync(`${f}.cut.ogg`, f);
  }
  rt = await openDataDir(dir, { webDir: null });
  rt.imports.start();
  app = createApp(rt);
  await createUser(
    rt.db,
    { username: 'root', role: 'admin', operatorId: null, password: 'pw-root-secret' },
    'test',
  );
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'root', password: 'pw-root-secret' }),
  });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}, 60_000);
afterAll(async () => {
  await rt?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!have)('the transcription job of the web app', () => {
  it('refuses what cannot run with a 400 saying why, starting nothing', async () => {
    const noModel = await send('POST', '/api/transcribe/job', { period: '2026-10', engine: 'sherpa-onnx' });
    expect(noModel).toEqual({
      status: 400,
      body: {
        error: {
          code: 'bad_request',
          message:
            'the sherpa-onnx engine needs a model folder (--model DIR, or the transcribeModel setting)',
        },
      },
    });
    const russian = await send('POST', '/api/transcribe/job', { period: '2026-10', language: 'ru' });
    expect(russian.status).toBe(400);
    expect((russian.body.error as { message: string }).message).toBe(
      'pocketsphinx reads English only: choose English or auto',
    );
    // The command engine's template would run any program: the web app does not take it.
    const command = await send('POST', '/api/transcribe/job', { period: '2026-10', engine: 'command' });
    expect(command.status).toBe(400);
    const month = await send('POST', '/api/transcribe/job', { period: '2026-13' });
    expect(month.status).toBe(400);
    // What the request leaves out comes from the settings: here a model folder that is not there.
    expect((await send('PUT', '/api/admin/settings/transcribeEngine', { value: 'sherpa-onnx' })).status).toBe(
      200,
    );
    expect(
      (await send('PUT', '/api/admin/settings/transcribeModel', { value: '/nonexistent/whisper' })).status,
    ).toBe(200);
    expect(
      (await send('PUT', '/api/admin/settings/transcribeModel', { value: 'models/whisper' })).body,
    ).toEqual({
      error: { code: 'bad_request', message: 'transcribeModel: must be an absolute folder path (or empty)' },
    });
    const fromSettings = await send('POST', '/api/transcribe/job', { period: '2026-10' });
    expect(fromSettings.body).toEqual({
      error: { code: 'bad_request', message: 'no model folder /nonexistent/whisper' },
    });
    expect(
      (await send('PUT', '/api/admin/settings/transcribeEngine', { value: 'pocketsphinx' })).status,
    ).toBe(200);
    expect((await send('PUT', '/api/admin/settings/transcribeModel', { value: '' })).status).toBe(200);
    expect((await job()).state).toBe('idle');
  });

  it('cancels: no call starts after it, those under way are imported, and the run says so', async () => {
    const started = await send('POST', '/api/transcribe/job', { period: '2026-10', workers: 1 });
    expect(started.status).toBe(202);
    const cancelled = await send('POST', '/api/transcribe/job/cancel');
    expect(cancelled.status).toBe(200);
    expect((cancelled.body.job as TranscribeJobView).state).toBe('cancelling');
    await rt.transcribe.idle();
    const after = await job();
    expect(after).toMatchObject({ state: 'idle', outcome: 'cancelled', total: 8 });
    expect(after.done + after.failed).toBeLessThan(8);
    expect(after.imported).toBe(after.done);
    expect((await send('POST', '/api/transcribe/job/cancel')).status).toBe(409);
  }, 120_000);

  it('runs what is left in the background, one run at a time, then lists the failures; a retry tries only those', async () => {
    const before = await job();
    const started = await send('POST', '/api/transcribe/job', { period: '2026-10', workers: 2 });
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({ state: 'running', period: '2026-10', engine: 'pocketsphinx' });
    const again = await send('POST', '/api/transcribe/job', { period: '2026-10' });
    expect(again.status).toBe(409);
    await rt.transcribe.idle();
    const done = await job();
    // The cancelled run's transcripts stay: this one does the rest (REC-TOO-LONG's file, cut to
    // a few seconds here, now fits its call; REC-MISSING's is not there).
    const left = 8 - before.done;
    expect(done).toMatchObject({
      state: 'idle',
      outcome: 'done',
      done: left - 1,
      failed: 1,
      total: left,
      imported: left - 1,
      startedBy: 'root',
      error: null,
    });
    expect(done.rtf).toBeGreaterThan(0);
    const transcripts = await rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM transcripts');
    expect(transcripts[0]?.n).toBe(7);

    const failures = (await send('GET', '/api/transcribe/failures?period=2026-10'))
      .body as unknown as TranscribeFailuresResponse;
    expect(failures.failures.map((f) => [f.callId, f.date, f.recording, f.engine, f.reason])).toEqual([
      [
        'REC-MISSING',
        '2026-10-07',
        'demo/no-such-call.ogg',
        'pocketsphinx',
        `recording missing: ${path.join(dir, 'recordings', 'demo', 'no-such-call.ogg')}`,
      ],
    ]);
    expect(failures.failures[0]?.failedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await send('GET', '/api/transcribe/failures?period=2026-11')).body).toEqual({ failures: [] });

    const retry = await send('POST', '/api/transcribe/job', { period: '2026-10', onlyFailed: true });
    expect(retry.status).toBe(202);
    await rt.transcribe.idle();
    expect(await job()).toMatchObject({ outcome: 'done', onlyFailed: true, total: 1, done: 0, failed: 1 });

    const audit = await rt.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity', '=', 'transcribe')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.actor} ${a.action}`)).toEqual([
      'root start',
      'root cancel',
      'root run',
      'root start',
      'root run',
      'root start',
      'root run',
    ]);
  }, 300_000);
});
