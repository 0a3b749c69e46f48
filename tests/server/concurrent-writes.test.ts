import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginImport, failImport } from '../../etl/import-log.ts';
import type { ClaimView } from '../../schemas/claims.ts';
import type { ScorecardRow } from '../../schemas/scorecard.ts';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { importCsv, loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

// Two writers on one record at the same moment: one wins, the other is told (409) and leaves no
// trace. Run on SQLite and, by `npm run test:pg`, on PostgreSQL, where the pool's connections
// really run the two requests side by side.

type Err = { error: { code: string; message: string } };
type Ev = { evaluation: { id: string; status: string } };

let env: TestEnv;
let head: As;
let head2: As;
let qa: As;
let qa2: As;
let payroll: As;
let formId: number;

beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  head = await as(env, 'victor', 'head');
  head2 = await as(env, 'elena', 'head');
  qa = await as(env, 'sergiu', 'qa');
  qa2 = await as(env, 'mihai', 'qa');
  payroll = await as(env, 'paula', 'payroll');
  const lead = await as(env, 'natalia', 'qa_lead');
  formId = (
    await json<{ form: { id: number } }>(lead.post('/api/forms', { name: 'Form', definition: TEST_FORM }))
  ).body.form.id;
});
afterAll(() => env.dispose());

const auditRows = (entity: string, entityId: string, action?: string) => {
  let q = env.rt.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId);
  if (action) q = q.where('action', '=', action);
  return q.execute();
};

describe('two writers at once', () => {
  it('two heads judging one claim: one decides, the other gets 409, one audit row', async () => {
    const created = await json<{ claim: ClaimView }>(
      head.post('/api/claims', { operatorId: 'OP-1', source: 'client', description: 'Rude on the phone' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.claim.claimId;
    const answers = await Promise.all([
      json<Err>(head.post(`/api/claims/${id}/decision`, { status: 'justified', note: 'heard it' })),
      json<Err>(head2.post(`/api/claims/${id}/decision`, { status: 'rejected', note: 'not so' })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const lost = answers.find((a) => a.status === 409);
    expect(lost?.body.error.message).toMatch(/judged/);
    const decisions = await env.rt.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'claim')
      .where('entity_id', '=', id)
      .where('action', 'in', ['justify', 'reject'])
      .execute();
    expect(decisions).toHaveLength(1);
  });

  it('two monitors opening one call at once get an evaluation each, with numbers of their own', async () => {
    const [a, b] = await Promise.all([
      json<Ev>(qa.post('/api/evaluations', { callId: 'C2', formId })),
      json<Ev>(qa2.post('/api/evaluations', { callId: 'C2', formId })),
    ]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
    expect(a.body.evaluation.id).not.toBe(b.body.evaluation.id);
  });

  it('one monitor opening one call twice at once (two tabs) gets one draft and a 409', async () => {
    const answers = await Promise.all([
      json<Err>(qa.post('/api/evaluations', { callId: 'C4', formId })),
      json<Err>(qa.post('/api/evaluations', { callId: 'C4', formId })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const drafts = await env.rt.db
      .selectFrom('evaluations')
      .select('evaluation_id')
      .where('call_id', '=', 'C4')
      .where('evaluator', '=', 'sergiu')
      .execute();
    expect(drafts).toHaveLength(1);
  });

  it('submitting one evaluation twice at once: one submit, one 409, one audit row', async () => {
    const d = await json<Ev>(qa.post('/api/evaluations', { callId: 'C6', formId }));
    expect(d.status).toBe(201);
    const id = d.body.evaluation.id;
    const answers = await Promise.all([
      json<Err>(qa.post(`/api/evaluations/${id}/submit`, { answers: PERFECT })),
      json<Err>(qa.post(`/api/evaluations/${id}/submit`, { answers: { ...PERFECT, greet: false } })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await auditRows('evaluation', id, 'submit')).toHaveLength(1);
  });

  it('refuses to approve a month while an import is running, in this process or another', async () => {
    const confirmMissingBases = ['OP-1', 'OP-2', 'OP-3'];
    // The import log's running entry, as an import in another process writes it first.
    const running = await beginImport(
      env.rt.db,
      { file: 'calls-late.csv', kind: 'calls', format: 'csv', checksum: 'x' },
      'cli',
    );
    const refused = await json<Err>(
      payroll.post('/api/pay-periods/2026-10/approve', { confirmMissingBases }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/import is running \(calls-late\.csv\)/);
    await failImport(env.rt.db, running, new Error('stopped'));
    expect(await auditRows('pay_period', '2026-10')).toHaveLength(0);
  });

  it('an import and an approval at once: the approval is refused, or it locks the figures from before the import', async () => {
    const confirmMissingBases = ['OP-1', 'OP-2', 'OP-3'];
    const [approve, report] = await Promise.all([
      json<Err>(payroll.post('/api/pay-periods/2026-10/approve', { confirmMissingBases })),
      importCsv(
        env,
        'variable-pay',
        'bases.csv',
        'operator_id,period,variable_base,currency\nOP-1,2026-10,1500,MDL\n',
      ),
    ]);
    expect(report.loaded).toBe(1);
    if (approve.status === 200) {
      // The import began after the approval had checked the import log: the month is locked with
      // the figures from before it, and stays so now that the base is stored.
      const snap = await env.rt.db
        .selectFrom('pay_snapshots')
        .select('scorecard')
        .where('period', '=', '2026-10')
        .where('operator_id', '=', 'OP-1')
        .executeTakeFirstOrThrow();
      expect((JSON.parse(snap.scorecard) as ScorecardRow).scorecard.variableBase).toBeNull();
    } else {
      expect(approve.status, JSON.stringify(approve.body)).toBe(409);
      // Refused while the import ran, or after it landed: OP-1 has a base now, so the list of
      // operators confirmed without one is out of date.
      expect(approve.body.error.message).toMatch(
        /import|confirmMissingBases names operators who have a variable base/,
      );
      const again = await json<Err>(
        payroll.post('/api/pay-periods/2026-10/approve', { confirmMissingBases: ['OP-2', 'OP-3'] }),
      );
      expect(again.status, JSON.stringify(again.body)).toBe(200);
    }
    expect(await auditRows('pay_period', '2026-10', 'approve')).toHaveLength(1);
  });

  it('two approvals or two re-openings at once: one each, the other 409', async () => {
    const admin = await as(env, 'adm', 'admin');
    const reopen = await Promise.all([
      json<Err>(admin.post('/api/pay-periods/2026-10/reopen', { reason: 'late claims' })),
      json<Err>(admin.post('/api/pay-periods/2026-10/reopen', { reason: 'late claims' })),
    ]);
    expect(reopen.map((a) => a.status).sort()).toEqual([200, 409]);
    const bases = await env.rt.db
      .selectFrom('variable_pay')
      .select('operator_id')
      .where('period', '=', '2026-10')
      .execute();
    const confirmMissingBases = ['OP-1', 'OP-2', 'OP-3'].filter(
      (o) => !bases.some((b) => b.operator_id === o),
    );
    const approve = await Promise.all([
      json<Err>(payroll.post('/api/pay-periods/2026-10/approve', { confirmMissingBases })),
      json<Err>(payroll.post('/api/pay-periods/2026-10/approve', { confirmMissingBases })),
    ]);
    expect(approve.map((a) => a.status).sort(), JSON.stringify(approve.map((a) => a.body))).toEqual([
      200, 409,
    ]);
    expect(await auditRows('pay_period', '2026-10', 'approve')).toHaveLength(2);
    expect(await auditRows('pay_period', '2026-10', 'reopen')).toHaveLength(1);
  });
});
