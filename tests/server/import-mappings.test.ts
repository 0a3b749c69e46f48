import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, loadSmall, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/** Mappings saved by name, the preview of a file through one, and an upload read through one. */

const MAPPING = {
  kind: 'calls',
  platform: 'a test PBX',
  format: { type: 'csv', delimiter: ';' },
  timeZone: 'UTC',
  columns: {
    call_id: { from: 'Id' },
    started_at: { from: 'Start', format: 'epoch' },
    direction: { const: 'inbound' },
    disposition: { from: 'Status', values: { ANSWER: 'answered' }, default: 'no_answer' },
    operator_id: { from: 'Agent', via: 'pbx' },
  },
};
const FILE =
  'Id;Start;Status;Agent\nm1;1790000000;ANSWER;1001\nm2;yesterday;ANSWER;1002\nm3;1790000100;RING;\n';

let env: TestEnv;
let admin: string;
let head: string;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  admin = await signIn(env, 'root', await addUser(env, 'root', 'admin'));
  head = await signIn(env, 'boss', await addUser(env, 'boss', 'head'));
});
afterAll(() => env.dispose());

const call = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  env.app.request(path, { ...init, headers: { cookie: init.cookie ?? admin, ...(init.headers ?? {}) } });
const putMapping = (name: string, body: unknown, cookie = admin) =>
  call(`/api/imports/mappings/${encodeURIComponent(name)}`, {
    method: 'PUT',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const form = (fields: Record<string, string>, text = FILE) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new Blob([text]), 'export.csv');
  return f;
};
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

describe('saved mappings', () => {
  it('are saved, listed, read, replaced and deleted by the administrator, every change audited', async () => {
    expect((await putMapping('Test PBX', MAPPING)).status).toBe(201);
    expect((await putMapping('Test PBX', { ...MAPPING, platform: 'renamed' })).status).toBe(200);
    const list = (await (await call('/api/imports/mappings')).json()) as {
      mappings: { name: string; updatedBy: string; mapping: { platform: string } }[];
    };
    expect(list.mappings).toEqual([
      expect.objectContaining({
        name: 'Test PBX',
        updatedBy: 'root',
        mapping: expect.objectContaining({ platform: 'renamed' }),
      }),
    ]);
    const one = await call('/api/imports/mappings/Test%20PBX');
    expect(one.status).toBe(200);
    expect((await putMapping('gone', MAPPING)).status).toBe(201);
    expect((await call('/api/imports/mappings/gone', { method: 'DELETE' })).status).toBe(200);
    expect((await call('/api/imports/mappings/gone')).status).toBe(404);
    const audit = await env.rt.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'import_mapping')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', entity_id: 'Test PBX' },
      { action: 'update', entity_id: 'Test PBX' },
      { action: 'create', entity_id: 'gone' },
      { action: 'delete', entity_id: 'gone' },
    ]);
  });

  it('a bad mapping is a 400 naming its fault; another role is refused', async () => {
    const bad = await putMapping('x', {
      ...MAPPING,
      columns: { ...MAPPING.columns, colour: { from: 'Id' } },
    });
    expect(bad.status).toBe(400);
    expect(await message(bad)).toMatch(/^mapping: columns\.colour: is not a column of calls/);
    const badName = await putMapping('a/b', MAPPING);
    expect(badName.status).toBe(400);
    expect((await putMapping('y', MAPPING, head)).status).toBe(403);
    expect((await call('/api/imports/mappings', { cookie: head })).status).toBe(403);
  });
});

describe('the preview and the import through a mapping', () => {
  it('previews a file through a saved mapping, writing nothing', async () => {
    const res = await call('/api/imports/preview', {
      method: 'POST',
      body: form({ mappingName: 'Test PBX', source: 'hq' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { preview } = (await res.json()) as {
      preview: {
        read: number;
        good: number;
        sourceColumns: string[];
        rows: { cells: Record<string, string | null> }[];
        quarantine: { line: number; reason: string }[];
      };
    };
    expect(preview).toMatchObject({ read: 3, good: 2, sourceColumns: ['Id', 'Start', 'Status', 'Agent'] });
    expect(
      preview.rows.map((r) => [
        r.cells.call_id,
        r.cells.operator_id,
        r.cells.disposition,
        r.cells.started_at,
      ]),
    ).toEqual([
      ['hq:m1', 'OP-1', 'answered', '2026-09-21T14:13:20Z'],
      ['hq:m3', null, 'no_answer', '2026-09-21T14:15:00Z'],
    ]);
    expect(preview.quarantine).toEqual([
      expect.objectContaining({ line: 3, reason: expect.stringMatching(/^started_at: is not an ISO 8601/) }),
    ]);
    expect(
      await env.rt.analytics.rows("SELECT count(*)::INT AS n FROM calls WHERE call_id LIKE 'hq:%'"),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses a preview without a mapping, with an unknown one, or a file lacking a mapped column', async () => {
    const none = await call('/api/imports/preview', { method: 'POST', body: form({}) });
    expect(none.status).toBe(400);
    expect(await message(none)).toMatch(/^mapping: send the mapping/);
    const unknown = await call('/api/imports/preview', {
      method: 'POST',
      body: form({ mappingName: 'nope' }),
    });
    expect(await message(unknown)).toBe('mappingName: no mapping is saved as "nope"');
    const lacking = await call('/api/imports/preview', {
      method: 'POST',
      body: form({ mapping: JSON.stringify(MAPPING) }, 'Id;Start;Status\nm1;1;ANSWER\n'),
    });
    expect(lacking.status).toBe(400);
    expect(await message(lacking)).toContain('operator_id: the file has no column "Agent"');
    const notJson = await call('/api/imports/preview', { method: 'POST', body: form({ mapping: '{' }) });
    expect(notJson.status).toBe(400);
  });

  it('imports an upload through a mapping sent whole', async () => {
    const res = await call('/api/imports', {
      method: 'POST',
      body: form({ kind: 'calls', source: 'hq', mapping: JSON.stringify(MAPPING) }),
    });
    expect(res.status).toBe(202);
    await env.rt.imports.idle();
    const id = ((await res.json()) as { job: { id: string } }).job.id;
    const { job } = (await (await call(`/api/imports/jobs/${id}`)).json()) as {
      job: { state: string; report: { format: string; loaded: number; quarantined: number } };
    };
    expect(job).toMatchObject({ state: 'done', report: { format: 'mapped', loaded: 2, quarantined: 1 } });
    const wrongKind = await call('/api/imports', {
      method: 'POST',
      body: form({ kind: 'orders', mappingName: 'Test PBX' }),
    });
    expect(wrongKind.status).toBe(400);
    expect(await message(wrongKind)).toBe('mapping: it reads calls, not orders');
  });
});
