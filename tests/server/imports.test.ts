import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, SMALL, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let admin: string;
beforeEach(async () => {
  env = await testEnv();
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
});
afterEach(() => env.dispose());

const upload = (cookie: string, fields: Record<string, string>, file?: { name: string; text: string }) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([file.text], { type: 'text/csv' }), file.name);
  return env.app.request('/api/imports', { method: 'POST', headers: { cookie }, body: form });
};

describe('POST /api/imports', () => {
  it('streams the file to disk, imports it as a job and keeps the report', async () => {
    const res = await upload(
      admin,
      { kind: 'teams' },
      { name: 'teams.csv', text: `${SMALL.teams},Nameless,\n` },
    );
    expect(res.status).toBe(202);
    const { job } = await res.json();
    expect(job).toMatchObject({ kind: 'teams', fileName: 'teams.csv' });
    await env.rt.imports.idle();

    const done = await (
      await env.app.request(`/api/imports/jobs/${job.id}`, { headers: { cookie: admin } })
    ).json();
    expect(done.job).toMatchObject({
      state: 'done',
      report: { file: 'teams.csv', read: 3, loaded: 2, quarantined: 1 },
    });

    const list = await (await env.app.request('/api/imports', { headers: { cookie: admin } })).json();
    expect(list.imports[0]).toMatchObject({
      kind: 'teams',
      status: 'done',
      loaded: 2,
      quarantined: 1,
      actor: 'root',
    });
    const detail = await (
      await env.app.request(`/api/imports/${list.imports[0].id}`, { headers: { cookie: admin } })
    ).json();
    expect(detail.quarantine).toEqual([
      { line: 4, reason: 'team_id: is required', raw: expect.stringContaining('Nameless'), rawBytes: null },
    ]);
  });

  it('imports telephony files too, with the format detected', async () => {
    const sample = new URL('../etl/asterisk-sample/', import.meta.url).pathname;
    await upload(
      admin,
      { kind: 'teams' },
      { name: 'teams.csv', text: readFileSync(`${sample}teams.csv`, 'utf8') },
    );
    await upload(
      admin,
      { kind: 'operators' },
      { name: 'ops.csv', text: readFileSync(`${sample}operators.csv`, 'utf8') },
    );
    const res = await upload(
      admin,
      { kind: 'calls' },
      { name: 'Master.csv', text: readFileSync(`${sample}Master.csv`, 'utf8') },
    );
    const { job } = await res.json();
    await env.rt.imports.idle();
    expect(await env.rt.imports.get(job.id)).toMatchObject({
      state: 'done',
      report: { format: 'asterisk-cdr', loaded: 43 },
    });
  });

  it('a job that fails says why', async () => {
    const res = await upload(
      admin,
      { kind: 'teams' },
      { name: 'bad.csv', text: 'team_id,department\nT1,x\n' },
    );
    const { job } = await res.json();
    await env.rt.imports.idle();
    expect(await env.rt.imports.get(job.id)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/has no column name/),
    });
  });

  it('refuses what is not an upload, an unknown kind, a missing file, and other roles', async () => {
    const notMultipart = await env.app.request('/api/imports', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notMultipart.status).toBe(400);
    expect((await notMultipart.json()).error.message).toMatch(/multipart\/form-data/);

    const badKind = await upload(admin, { kind: 'planets' }, { name: 'x.csv', text: 'a\n1\n' });
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error.message).toMatch(/kind: must be one of queue-log, teams/);

    const noFile = await upload(admin, { kind: 'teams' });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.message).toMatch(/no "file" field/);

    const head = await signIn(env, 'victor', await addUser(env, 'victor', 'head'));
    expect((await upload(head, { kind: 'teams' }, { name: 't.csv', text: SMALL.teams })).status).toBe(403);
  });

  it('audits every upload: accepted with its job, refused with why, by whoever is signed in', async () => {
    const accepted = await upload(admin, { kind: 'teams' }, { name: 'teams.csv', text: SMALL.teams });
    const { job } = await accepted.json();
    await upload(admin, { kind: 'planets' }, { name: 'x.csv', text: 'a\n1\n' });
    const head = await signIn(env, 'victor', await addUser(env, 'victor', 'head'));
    await upload(head, { kind: 'teams' }, { name: 't.csv', text: SMALL.teams });
    // Nobody signed in: nobody to name, and nothing for a stranger to fill the log with.
    await upload('', { kind: 'teams' }, { name: 't.csv', text: SMALL.teams });
    await env.rt.imports.idle();

    const res = await env.app.request('/api/admin/audit?entity=upload', { headers: { cookie: admin } });
    const { entries } = await res.json();
    expect(entries.reverse()).toEqual([
      expect.objectContaining({
        actor: 'root',
        action: 'accept',
        entity: 'upload',
        entityId: job.id,
        after: { jobId: job.id, fileName: 'teams.csv', size: SMALL.teams.length, kind: 'teams' },
      }),
      expect.objectContaining({
        actor: 'root',
        action: 'refuse',
        entityId: null,
        after: {
          fileName: 'x.csv',
          size: 4,
          kind: 'planets',
          status: 400,
          reason: expect.stringMatching(/^kind: must be one of/),
        },
      }),
      expect.objectContaining({
        actor: 'victor',
        action: 'refuse',
        after: expect.objectContaining({ status: 403, reason: expect.stringMatching(/head role cannot/) }),
      }),
    ]);
  });

  const raw = (contentType: string, body: string) =>
    env.app.request('/api/imports', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': contentType },
      body,
    });
  const refusal = async (res: Response) => ({
    status: res.status,
    message: (await res.json()).error.message,
  });
  const B = 'xyz-boundary';
  const part = (name: string, value: string, filename?: string) =>
    `--${B}\r\ncontent-disposition: form-data; name="${name}"` +
    `${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;

  it('a malformed form is a 4xx that says what is wrong, and stores nothing', async () => {
    expect(await refusal(await raw('multipart/form-data', 'kind=teams'))).toEqual({
      status: 400,
      message: expect.stringMatching(/not valid multipart data: .*boundary/i),
    });
    expect(await refusal(await raw(`multipart/form-data; boundary=${B}`, 'garbage\r\n\r\n'))).toEqual({
      status: 400,
      message: expect.stringMatching(/not valid multipart data: Unexpected end of form/),
    });
    const ended = `--${B}--\r\n`;
    expect(
      await refusal(
        await raw(`multipart/form-data; boundary=${B}`, `${part('file', 'a\n1\n', 'x.csv')}${ended}`),
      ),
    ).toEqual({
      status: 400,
      message:
        'kind: is required, one of queue-log, teams, operators, clients, debts, calls, orders, targets, norms, variable-pay, claims, assessments, evaluations, operator-states, products, transcripts',
    });
    expect(
      await refusal(
        await raw(
          `multipart/form-data; boundary=${B}`,
          `${part('kind', 'teams')}${part('file', 'a\n', 'x.csv')}${part('file', 'b\n', 'y.csv')}${ended}`,
        ),
      ),
    ).toEqual({ status: 400, message: 'send one file per upload' });
    expect(
      await refusal(
        await raw(
          `multipart/form-data; boundary=${B}`,
          `${part('kind', 'teams')}${part('data', 'a\n', 'x.csv')}${ended}`,
        ),
      ),
    ).toEqual({ status: 400, message: 'unexpected file field "data"; use "file"' });
    expect(
      await refusal(await raw(`multipart/form-data; boundary=${B}`, `${part('kind', 'teams')}${ended}`)),
    ).toEqual({ status: 400, message: 'the upload has no "file" field' });
    expect(readdirSync(path.join(env.dir, 'uploads'))).toEqual([]);
  });
});
