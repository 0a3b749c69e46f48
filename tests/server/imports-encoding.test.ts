import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { addUser, importCsv, SMALL, signIn, type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/** Russian text as Windows-1251 writes it (А..я are 0xC0..0xFF): how Russian-language systems export. */
const cp1251 = (s: string) =>
  Buffer.from(
    [...s].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))),
  );
const calls = () =>
  Buffer.concat([
    Buffer.from('call_id,started_at,direction,disposition,operator_id,talk_s,queue\n'),
    Buffer.from('R1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,main\n'),
    cp1251('R2,2026-10-01T09:05:00Z,inbound,answered,OP-1,60,Очередь продаж\n'),
  ]);

let env: TestEnv;
let admin: string;
beforeAll(async () => {
  env = await testEnv();
  await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
  await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
});
afterAll(() => env.dispose());

const upload = async (fields: Record<string, string>, name: string) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([calls()], { type: 'text/csv' }), name);
  const res = await env.app.request('/api/imports', {
    method: 'POST',
    headers: { cookie: admin },
    body: form,
  });
  return res;
};
const get = async (url: string) => (await env.app.request(url, { headers: { cookie: admin } })).json();

describe('the encoding of an upload', () => {
  it('unnamed, a Windows-1251 file loads every row, its bad bytes as \uFFFD, and the note names the encoding', async () => {
    const res = await upload({ kind: 'calls' }, 'calls-a.csv');
    expect(res.status).toBe(202);
    await env.rt.imports.idle();
    const { job } = await get(`/api/imports/jobs/${(await res.json()).job.id}`);
    expect(job.report).toMatchObject({ loaded: 2, quarantined: 0 });
    expect(job.report.notes).toEqual([
      '1 row had bytes that are not UTF-8 (line 3): replaced with \uFFFD and loaded; ' +
        'it looks like windows-1251: import it again with --encoding windows-1251 to read them as written',
    ]);
    // The import log keeps the note with the report.
    const list = await get('/api/imports');
    const detail = await get(`/api/imports/${list.imports[0].id}`);
    expect(JSON.stringify(detail)).toContain('--encoding windows-1251');
  });

  it('named on the form, it is read that way', async () => {
    const res = await upload({ kind: 'calls', encoding: 'windows-1251' }, 'calls-b.csv');
    expect(res.status).toBe(202);
    await env.rt.imports.idle();
    const { job } = await get(`/api/imports/jobs/${(await res.json()).job.id}`);
    expect(job).toMatchObject({ state: 'done' });
    const [row] = await env.rt.analytics.rows(`SELECT queue FROM calls WHERE call_id = 'R2'`);
    expect(row?.queue).toBe('Очередь продаж');
  });

  it('an encoding nobody knows is a 400 naming the field', async () => {
    const res = await upload({ kind: 'calls', encoding: 'klingon-8' }, 'calls-c.csv');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/encoding: is not an encoding/);
  });
});

describe('callscore import --encoding', () => {
  it('reads the file that way, and refuses an unknown encoding in one line', async () => {
    const dir = path.join(tempDir(), 'data');
    const teams = path.join(path.dirname(dir), 'teams.csv');
    const operators = path.join(path.dirname(dir), 'operators.csv');
    const file = path.join(path.dirname(dir), 'calls.csv');
    writeFileSync(teams, SMALL.teams);
    writeFileSync(operators, SMALL.operators);
    writeFileSync(file, calls());
    expect((await cli(['import', 'teams', teams, '--data', dir])).code).toBe(0);
    expect((await cli(['import', 'operators', operators, '--data', dir])).code).toBe(0);
    const bad = await cli(['import', 'calls', file, '--data', dir, '--encoding', 'klingon-8']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/unknown encoding "klingon-8"/);
    const ok = await cli(['import', 'calls', file, '--data', dir, '--encoding', 'windows-1251', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject([{ loaded: 2, quarantined: 0 }]);
  });
});
