import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { addUser, signIn, type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/** The PBX a telephony file comes from, named on the imports page, in the API and on the CLI. */

const CASE = new URL('../etl/golden/two-pbx-sources/', import.meta.url).pathname;
const read = (name: string) => readFileSync(path.join(CASE, name));

let env: TestEnv;
let admin: string;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
  for (const kind of ['teams', 'operators']) {
    const res = await upload({ kind }, `${kind}.csv`, read(`${kind}.csv`));
    expect(res.status).toBe(202);
  }
  await env.rt.imports.idle();
});
afterAll(() => env.dispose());

async function upload(fields: Record<string, string>, name: string, bytes: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return env.app.request('/api/imports', { method: 'POST', headers: { cookie: admin }, body: form });
}
const job = async (res: Response) => {
  await env.rt.imports.idle();
  const id = ((await res.json()) as { job: { id: string } }).job.id;
  const r = await env.app.request(`/api/imports/jobs/${id}`, { headers: { cookie: admin } });
  return ((await r.json()) as { job: { state: string; error: string | null; report: { notes: string[] } } })
    .job;
};
const callIds = async () =>
  (await env.rt.analytics.rows('SELECT call_id FROM calls ORDER BY call_id')).map((r) => r.call_id);

describe('an upload with a source', () => {
  it("keeps two PBXs' calls of one uniqueid apart, and its report names the source", async () => {
    const office = await job(
      await upload({ kind: 'calls', source: 'office' }, 'Master.csv', read('Master-office.csv')),
    );
    expect(office.state).toBe('done');
    expect(office.report.notes).toContain('source office: its call ids are written office:uniqueid');
    const branch = await job(
      await upload({ kind: 'calls', source: 'branch' }, 'Master.csv', read('Master-branch.csv')),
    );
    expect(branch.state).toBe('done');
    expect(await callIds()).toEqual(['branch:1791525600.1', 'office:1791525600.1', 'office:1791525660.2']);
  });

  it('a source that is no short name is a 400 naming the field', async () => {
    const res = await upload({ kind: 'calls', source: 'my pbx/1' }, 'Master.csv', read('Master-office.csv'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^source: must be a short name/,
    );
  });

  it('a canonical file with a source fails its job with the reason', async () => {
    const csv = Buffer.from(
      'call_id,started_at,direction,disposition\nX1,2026-10-09T09:00:00Z,inbound,answered\n',
    );
    const failed = await job(await upload({ kind: 'calls', source: 'office' }, 'calls.csv', csv));
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.error).toMatch(/names the PBX of a CDR or queue_log, not of csv calls/);
  });
});

describe('callscore import --source', () => {
  it('writes the call ids of that PBX with its name', async () => {
    const dir = path.join(tempDir(), 'data');
    const file = (name: string) => {
      const to = path.join(path.dirname(dir), name);
      writeFileSync(to, read(name));
      return to;
    };
    for (const kind of ['teams', 'operators']) {
      expect((await cli(['import', kind, file(`${kind}.csv`), '--data', dir])).code).toBe(0);
    }
    const run = await cli([
      'import',
      'calls',
      file('Master-branch.csv'),
      '--source',
      'branch',
      '--data',
      dir,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].notes).toContain(
      'source branch: its call ids are written branch:uniqueid',
    );
  });
});
