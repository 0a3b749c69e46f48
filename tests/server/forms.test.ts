import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let lead: As;
let qa: As;
let operator: As;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  operator = await as(env, 'ana', 'operator', 'OP-1');
});
afterAll(() => env.dispose());

describe('/api/forms', () => {
  it('a lead creates a form; everyone reads it; a monitor cannot create one', async () => {
    const created = await json<{ form: { id: number; formKey: string; version: number; latest: boolean } }>(
      lead.post('/api/forms', { name: 'Inbound order call', definition: TEST_FORM }),
    );
    expect(created.status).toBe(201);
    expect(created.body.form).toMatchObject({
      formKey: 'inbound-order-call',
      version: 1,
      latest: true,
      status: 'published',
    });
    const id = created.body.form.id;
    const read = await json<{ form: { definition: unknown } }>(operator.get(`/api/forms/${id}`));
    expect(read.status).toBe(200);
    expect(read.body.form.definition).toEqual(TEST_FORM);
    const denied = await json(qa.post('/api/forms', { name: 'Mine', definition: TEST_FORM }));
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      error: { code: 'forbidden', message: 'the qa role cannot use this; it needs one of: qa_lead, admin' },
    });
  });

  it('refuses a bad definition with a 400 naming the field', async () => {
    const bad = await json<{ error: { message: string } }>(
      lead.post('/api/forms', {
        name: 'Bad',
        definition: {
          sections: [{ id: 's', title: 'S', questions: [{ id: 'q', text: 'Q', type: 'yes_no', weight: 0 }] }],
        },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /definition\.sections\.0\.questions\.0\.weight: must be greater than 0/,
    );
    expect((await lead.post('/api/forms', 'not json at all')).status).toBe(400);
    expect((await lead.get('/api/forms/abc')).status).toBe(400);
    expect((await lead.get('/api/forms/999')).status).toBe(404);
  });

  it('edits in place until a form has evaluations, then versions it', async () => {
    const { body } = await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Outbound call', definition: TEST_FORM }),
    );
    const id = body.form.id;
    const renamed = await json<{ form: { id: number; name: string; version: number } }>(
      lead.put(`/api/forms/${id}`, { name: 'Outbound survey call' }),
    );
    expect(renamed.body.form).toMatchObject({ id, name: 'Outbound survey call', version: 1 });

    const draft = await json(qa.post('/api/evaluations', { callId: 'C4', formId: id }));
    expect(draft.status).toBe(201);
    const same = await json<{ form: { id: number } }>(
      lead.put(`/api/forms/${id}`, { name: 'Outbound survey call' }),
    );
    expect(same.body.form.id).toBe(id); // no change, no new version
    const edited = await json<{ form: { id: number; version: number; formKey: string; latest: boolean } }>(
      lead.put(`/api/forms/${id}`, { description: 'v2 asks about the tone twice' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.form.id).not.toBe(id);
    expect(edited.body.form).toMatchObject({ version: 2, formKey: 'outbound-call', latest: true });
    const old = await json<{ form: { latest: boolean; evaluations: number } }>(lead.get(`/api/forms/${id}`));
    expect(old.body.form).toMatchObject({ latest: false, evaluations: 1 });

    const stale = await json<{ error: { message: string } }>(lead.put(`/api/forms/${id}`, { name: 'x' }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(`form ${id} is version 1; edit the latest, version 2`);
    const staleEval = await json(qa.post('/api/evaluations', { callId: 'C1', formId: id }));
    expect(staleEval.status).toBe(409);

    const list = await json<{ forms: { formKey: string; version: number }[] }>(lead.get('/api/forms'));
    expect(list.body.forms.filter((f) => f.formKey === 'outbound-call').map((f) => f.version)).toEqual([2]);
    const all = await json<{ forms: { formKey: string; version: number }[] }>(
      lead.get('/api/forms?allVersions=true'),
    );
    expect(all.body.forms.filter((f) => f.formKey === 'outbound-call').map((f) => f.version)).toEqual([2, 1]);

    const audit = await env.rt.db.selectFrom('audit_log').selectAll().where('entity', '=', 'form').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'version']));
  });

  it('archives a form: hidden from the list, no new evaluations, still readable', async () => {
    const { body } = await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Old form', definition: TEST_FORM }),
    );
    const archived = await json<{ form: { status: string } }>(
      lead.post(`/api/forms/${body.form.id}/archive`),
    );
    expect(archived.body.form.status).toBe('archived');
    const list = await json<{ forms: { id: number }[] }>(lead.get('/api/forms'));
    expect(list.body.forms.map((f) => f.id)).not.toContain(body.form.id);
    const withArchived = await json<{ forms: { id: number }[] }>(lead.get('/api/forms?includeArchived=true'));
    expect(withArchived.body.forms.map((f) => f.id)).toContain(body.form.id);
    expect((await qa.post('/api/evaluations', { callId: 'C2', formId: body.form.id })).status).toBe(409);
    expect((await lead.post(`/api/forms/${body.form.id}/archive`)).status).toBe(409);
    expect((await lead.put(`/api/forms/${body.form.id}`, { name: 'again' })).status).toBe(409);
  });

  it('previews a score with the server function', async () => {
    const { body } = await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Preview', definition: TEST_FORM }),
    );
    const r = await json<{ score: number; criticalFailed: boolean }>(
      qa.post(`/api/forms/${body.form.id}/score`, { answers: { ...PERFECT, greet: false, tone: 4 } }),
    );
    // Σw = 9; Σwf = 0 + 1 + 1.5 + 3 + 1 = 6.5 → 72.22
    expect(r).toEqual({
      status: 200,
      body: expect.objectContaining({ score: 72.22, criticalFailed: false }),
    });
    const bad = await json<{ error: { message: string } }>(
      qa.post(`/api/forms/${body.form.id}/score`, { answers: { tone: 9 } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('invalid answers: tone: answer a whole number from 1 to 5');
  });
});
