import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pbxCallId } from '../../core/pbx-call-id.ts';
import type { ImportJobView, ImportsResponse } from '../../schemas/imports.ts';
import { openDataDir } from '../../server/runtime.ts';
import { cli } from '../helpers/cli.ts';
import { addUser, importCsv, signIn, type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/**
 * A named PBX (`--source`) shown apart from its own call id: on the call (GET /api/calls/:id), on
 * the upload's job and in the import log; and `import --follow --source` writing its call ids.
 */

const CASE = new URL('../etl/golden/two-pbx-sources/', import.meta.url).pathname;
const SAMPLE = new URL('../etl/asterisk-sample/', import.meta.url).pathname;
const read = (name: string) => readFileSync(path.join(CASE, name));

let env: TestEnv;
let admin: string;
async function upload(fields: Record<string, string>, name: string, bytes: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await env.app.request('/api/imports', {
    method: 'POST',
    headers: { cookie: admin },
    body: form,
  });
  expect(res.status).toBe(202);
  await env.rt.imports.idle();
  const id = ((await res.json()) as { job: { id: string } }).job.id;
  const r = await env.app.request(`/api/imports/jobs/${id}`, { headers: { cookie: admin } });
  return ((await r.json()) as { job: ImportJobView }).job;
}
const get = async <T>(url: string) => {
  const res = await env.app.request(url, { headers: { cookie: admin } });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
};

beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
  for (const kind of ['teams', 'operators']) await upload({ kind }, `${kind}.csv`, read(`${kind}.csv`));
});
afterAll(() => env.dispose());

describe('the source of a call and of an import', () => {
  it('names the PBX and its own id apart on the call, the job and the import log', async () => {
    const job = await upload({ kind: 'calls', source: 'office' }, 'Master.csv', read('Master-office.csv'));
    expect(job).toMatchObject({ state: 'done', source: 'office', fileName: 'Master.csv' });
    const { call } = await get<{ call: { pbx: unknown } }>(
      `/api/calls/${encodeURIComponent('office:1791525600.1')}`,
    );
    expect(call.pbx).toEqual({ source: 'office', uniqueId: '1791525600.1' });

    const { imports } = await get<ImportsResponse>('/api/imports?limit=10');
    expect(imports.map((i) => [i.file, i.source])).toEqual([
      ['Master.csv', 'office'],
      ['operators.csv', null],
      ['teams.csv', null],
    ]);
  });

  it('gives no PBX to a call of a canonical file, whatever its id', async () => {
    await importCsv(
      env,
      'calls',
      'calls.csv',
      'call_id,started_at,direction,disposition\nCRM:123,2026-10-09T09:00:00Z,inbound,answered\n',
    );
    const { call } = await get<{ call: { pbx: unknown } }>(`/api/calls/${encodeURIComponent('CRM:123')}`);
    expect(call.pbx).toBeNull();
  });

  it('reads a call id as the importer writes it', () => {
    expect(pbxCallId('office:1791525600.1')).toEqual({ source: 'office', uniqueId: '1791525600.1' });
    expect(pbxCallId('1791525600.1')).toEqual({ source: null, uniqueId: '1791525600.1' });
    // another system's id holding a colon is no PBX's, unless the PBX tables say it is
    expect(pbxCallId('CRM:123')).toBeNull();
    expect(pbxCallId('C-17')).toBeNull();
    expect(pbxCallId('pbx2:ABC-1', true)).toEqual({ source: 'pbx2', uniqueId: 'ABC-1' });
  });
});

describe('import --follow --source', () => {
  it("writes the followed file's call ids with the PBX's name and keeps its position apart", async () => {
    const dir = path.join(tempDir(), 'data');
    for (const kind of ['teams', 'operators'])
      expect((await cli(['import', kind, path.join(SAMPLE, `${kind}.csv`), '--data', dir])).code).toBe(0);
    const log = path.join(path.dirname(dir), 'queue_log');
    writeFileSync(log, readFileSync(path.join(SAMPLE, 'queue_log')));
    const run = await cli([
      'import',
      'calls',
      log,
      '--follow',
      '--once',
      '--source',
      'branch',
      '--data',
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`following ${log} (queue-log, source branch)`);
    const bad = await cli(['import', 'calls', log, '--follow', '--source', 'my pbx', '--data', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--source must be a short name/);
    const rt = await openDataDir(dir, { webDir: null });
    try {
      const ids = await rt.analytics.rows(
        "SELECT count(*)::INTEGER AS n FROM calls WHERE call_id LIKE 'branch:%'",
      );
      const all = await rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM calls');
      expect(ids).toEqual(all);
      expect(all[0]?.n).toBeGreaterThan(0);
      const followed = await rt.db
        .selectFrom('followed_files')
        .select(['path', 'pbx_source', 'format'])
        .execute();
      expect(followed).toEqual([{ path: log, pbx_source: 'branch', format: 'queue-log' }]);
    } finally {
      await rt.close();
    }
  }, 60_000);
});
