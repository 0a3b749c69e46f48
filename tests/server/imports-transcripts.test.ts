import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, importCsv, SMALL, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/autoqa');

let env: TestEnv;
let admin: string;
beforeAll(async () => {
  env = await testEnv();
  await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
  await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
  await importCsv(
    env,
    'calls',
    'calls.csv',
    'call_id,started_at,direction,disposition,operator_id,recording\n' +
      'U1,2026-10-01T09:00:00Z,inbound,answered,OP-1,2026/10/01/u1.wav\n' +
      'U2,2026-10-01T10:00:00Z,inbound,answered,OP-2,2026/10/01/rec-u2.wav\n',
  );
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
});
afterAll(() => env.dispose());

const upload = async (kind: string, name: string, content: string) => {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([content]), name);
  return env.app.request('/api/imports', { method: 'POST', headers: { cookie: admin }, body: form });
};
const get = async (url: string) => (await env.app.request(url, { headers: { cookie: admin } })).json();

describe('uploading transcripts and products through the API', () => {
  it('takes several per-call files, one job each, and reports transcripts and segments', async () => {
    const vtt =
      'WEBVTT\nLanguage: en\n\n00:00.000 --> 00:02.000\n<v Agent>Good morning\n\n00:02.500 --> 00:04.000\n<v Customer>Hi\n';
    const whisper = JSON.stringify({ language: 'en', segments: [{ start: 0, end: 1.5, text: ' Hello?' }] });
    const sent = [
      await upload('transcripts', 'U1.vtt', vtt),
      await upload('transcripts', 'rec-u2.wav.json', whisper),
    ];
    for (const res of sent) expect(res.status).toBe(202);
    const ids = await Promise.all(sent.map(async (r) => (await r.json()).job.id));
    await env.rt.imports.idle();
    const jobs = await Promise.all(ids.map((id) => get(`/api/imports/jobs/${id}`)));
    expect(jobs.map((j) => [j.job.state, j.job.report.format, j.job.report.file])).toEqual([
      ['done', 'vtt', 'U1.vtt'],
      ['done', 'whisper-json', 'rec-u2.wav.json'],
    ]);
    expect(jobs[0].job.report).toMatchObject({
      read: 2,
      loaded: 2,
      quarantined: 0,
      transcripts: { read: 1, loaded: 1, replaced: 0, quarantined: 0, duplicates: 0 },
    });
    expect(
      await env.rt.analytics.rows('SELECT call_id, engine, segment_count FROM transcripts ORDER BY call_id'),
    ).toEqual([
      { call_id: 'U1', engine: null, segment_count: 2 },
      { call_id: 'U2', engine: 'whisper', segment_count: 1 },
    ]);
    // The import log lists them under their kind, the report whole in the detail.
    const log = await get('/api/imports');
    expect(log.imports.slice(0, 2).map((i: { kind: string; format: string }) => [i.kind, i.format])).toEqual([
      ['transcripts', 'whisper-json'],
      ['transcripts', 'vtt'],
    ]);
  });

  it('a JSON Lines file with a bad line: the job is done and its quarantined rows are in the log', async () => {
    const res = await upload(
      'transcripts',
      'batch.jsonl',
      [
        JSON.stringify({
          call_id: 'U1',
          language: 'ro',
          segments: [{ speaker: 'agent', start_s: 0, end_s: 1, text: 'Alo' }],
        }),
        JSON.stringify({
          call_id: 'U3',
          language: 'ro',
          segments: [{ speaker: 'agent', start_s: 0, end_s: 1, text: 'Alo' }],
        }),
      ].join('\n'),
    );
    expect(res.status).toBe(202);
    await env.rt.imports.idle();
    const { job } = await get(`/api/imports/jobs/${(await res.json()).job.id}`);
    expect(job.report).toMatchObject({
      format: 'jsonl',
      loaded: 1,
      quarantined: 1,
      transcripts: { loaded: 1, replaced: 1, quarantined: 1 },
    });
    const detail = await get(`/api/imports/${job.report.importId}`);
    expect(detail.quarantine).toEqual([
      {
        line: 2,
        reason: 'call_id: "U3" is not a known call; import calls first',
        raw: expect.stringContaining('"call_id":"U3"'),
        rawBytes: null,
      },
    ]);
  });

  it('takes the sample catalogue as products', async () => {
    const res = await upload(
      'products',
      'products.csv',
      readFileSync(path.join(SAMPLE, 'products.csv'), 'utf8'),
    );
    expect(res.status).toBe(202);
    await env.rt.imports.idle();
    const { job } = await get(`/api/imports/jobs/${(await res.json()).job.id}`);
    expect(job.report).toMatchObject({ kind: 'products', loaded: 18, quarantined: 0 });
  });

  it('refuses an unknown kind with the list of kinds', async () => {
    const res = await upload('transcript', 'x.vtt', 'WEBVTT\n');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/products, transcripts/);
  });
});
