import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResponse } from '../../schemas/evaluations.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { createUser } from '../../server/users/users.service.ts';
import { type As, as, client, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Disputes with levels on the small call center (Sales: T1 with OP-1 and OP-2; Service: T2 with
 * OP-3): the QA lead decides a dispute, a head of the operator's scope decides its appeal.
 */

type Err = { error: { code: string; message: string } };

let env: TestEnv;
let lead: As;
let qa: As;
let ana: As; // OP-1, Sales
let ivan: As; // OP-2, Sales
let maria: As; // OP-3, Service
let salesHead: As;
let careHead: As;
let formId = 0;

const setting = (key: string, value: unknown) => writeSetting(env.rt.db, key, value, 'test');

async function headOf(username: string, department: string): Promise<As> {
  const password = `pw-${username}-secret`;
  await createUser(env.rt.db, { username, role: 'head', department, password }, 'test');
  return client(env, await signIn(env, username, password));
}

async function submitted(callId: string): Promise<string> {
  const d = await json<EvaluationResponse>(qa.post('/api/evaluations', { callId, formId }));
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const id = d.body.evaluation.id;
  expect((await qa.post(`/api/evaluations/${id}/submit`, { answers: PERFECT })).status).toBe(200);
  return id;
}

/** The operator disputes and the lead upholds. */
async function upheld(op: As, id: string): Promise<EvaluationResponse['evaluation']> {
  expect((await op.post(`/api/evaluations/${id}/dispute`, { reason: 'not fair' })).status).toBe(200);
  const r = await json<EvaluationResponse>(
    lead.post(`/api/evaluations/${id}/decision`, { decision: 'upheld', note: 'the score stands' }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.evaluation;
}

const auditOf = async (id: string) =>
  (await listAuditEntries(env.rt.db, { entity: 'evaluation', limit: 500 })).filter((e) => e.entityId === id);

beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  ana = await as(env, 'ana', 'operator', 'OP-1');
  ivan = await as(env, 'ivan', 'operator', 'OP-2');
  maria = await as(env, 'maria', 'operator', 'OP-3');
  salesHead = await headOf('saleshead', 'Sales');
  careHead = await headOf('carehead', 'Service');
  formId = (
    await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
    )
  ).body.form.id;
}, 60_000);
afterAll(() => env.dispose());

describe('one level (the default)', () => {
  it("keeps the QA lead's decision final", async () => {
    const id = await submitted('C4');
    const ev = await upheld(ivan, id);
    expect(ev.appealUntil).toBeNull();
    const r = await json<Err>(ivan.post(`/api/evaluations/${id}/appeal`, { reason: 'again' }));
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe("appeals are off: the QA lead's decision on a dispute is final");
  });
});

describe('two levels', () => {
  let id = '';
  beforeAll(async () => {
    await setting('appealLevels', 2);
    await setting('appealDays', 3);
    id = await submitted('C2');
  });

  it('lets the operator name the questions he disputes, only questions of the form', async () => {
    const bad = await json<Err>(
      ana.post(`/api/evaluations/${id}/dispute`, { reason: 'x', questions: ['nope'] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('questions: the form has no question "nope"');
    const ok = await json<EvaluationResponse>(
      ana.post(`/api/evaluations/${id}/dispute`, { reason: 'I greeted him', questions: ['greet'] }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.evaluation.disputes).toEqual([
      expect.objectContaining({ level: 1, status: 'open', questionIds: ['greet'], reason: 'I greeted him' }),
    ]);
    // A head does not decide the first level; the lead's decision opens the appeal window.
    expect(
      (await salesHead.post(`/api/evaluations/${id}/appeal/decision`, { decision: 'upheld', note: 'x' }))
        .status,
    ).toBe(409);
    const d = await json<EvaluationResponse>(
      lead.post(`/api/evaluations/${id}/decision`, {
        decision: 'upheld',
        note: 'the script was not followed',
      }),
    );
    expect(d.body.evaluation.status).toBe('upheld');
    const decidedAt = d.body.evaluation.disputes[0]?.decidedAt as string;
    expect(d.body.evaluation.appealUntil).toBe(
      new Date(Date.parse(decidedAt) + 3 * 86_400_000).toISOString(),
    );
  });

  it('takes one appeal to a head of the operator’s scope, who decides it; every level kept', async () => {
    // Only the evaluated operator appeals.
    expect((await ivan.post(`/api/evaluations/${id}/appeal`, { reason: 'for her' })).status).toBe(404);
    expect((await qa.post(`/api/evaluations/${id}/appeal`, { reason: 'x' })).status).toBe(403);
    const empty = await json<Err>(ana.post(`/api/evaluations/${id}/appeal`, { reason: ' ' }));
    expect(empty.status).toBe(400);
    const a = await json<EvaluationResponse>(
      ana.post(`/api/evaluations/${id}/appeal`, { reason: 'please listen again' }),
    );
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.evaluation.status).toBe('disputed');
    expect(a.body.evaluation.appealUntil).toBeNull();
    // The lead no longer decides it, nor a head of another department (as if it did not exist).
    const byLead = await json<Err>(
      lead.post(`/api/evaluations/${id}/decision`, { decision: 'upheld', note: 'x' }),
    );
    expect(byLead.status).toBe(403);
    expect(byLead.body.error.message).toMatch(/under appeal: a head decides it/);
    expect(
      (await careHead.post(`/api/evaluations/${id}/appeal/decision`, { decision: 'upheld', note: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (await lead.post(`/api/evaluations/${id}/appeal/decision`, { decision: 'upheld', note: 'x' })).status,
    ).toBe(403);
    const revised = { ...PERFECT, greet: true, tone: 4 };
    const r = await json<EvaluationResponse>(
      salesHead.post(`/api/evaluations/${id}/appeal/decision`, {
        decision: 'revised',
        note: 'tone was fair, not perfect',
        answers: revised,
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.evaluation).toMatchObject({ status: 'revised', score: 94.44 });
    // The operator sees both levels of his dispute: who decided each, and why.
    const mine = await json<EvaluationResponse>(ana.get(`/api/evaluations/${id}`));
    expect(mine.body.evaluation.disputes).toEqual([
      expect.objectContaining({
        level: 1,
        status: 'upheld',
        reason: 'I greeted him',
        decidedBy: 'natalia',
        decisionNote: 'the script was not followed',
        scoreBefore: 100,
        scoreAfter: 100,
      }),
      expect.objectContaining({
        level: 2,
        status: 'revised',
        reason: 'please listen again',
        openedBy: 'ana',
        decidedBy: 'saleshead',
        decisionNote: 'tone was fair, not perfect',
        questionIds: ['greet'],
        scoreBefore: 100,
        scoreAfter: 94.44,
      }),
    ]);
    expect((await maria.get(`/api/evaluations/${id}`)).status).toBe(404);
    // Appealed once: no second appeal.
    const again = await json<Err>(ana.post(`/api/evaluations/${id}/appeal`, { reason: 'more' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/appealed already/);
    // Audited: dispute, uphold, appeal and the head's revision, each with its level.
    const log = (await auditOf(id)).reverse().filter((e) => e.action !== 'create' && e.action !== 'submit');
    expect(log.map((e) => [e.action, e.actor, (e.after as { level?: number }).level])).toEqual([
      ['dispute', 'ana', 1],
      ['uphold', 'natalia', 1],
      ['appeal', 'ana', 2],
      ['revise', 'saleshead', 2],
    ]);
  });

  it('closes the appeal window appealDays after the lead upheld', async () => {
    const other = await submitted('C6');
    await upheld(maria, other);
    await env.rt.db
      .updateTable('evaluation_disputes')
      .set({ decided_at: new Date(Date.now() - 4 * 86_400_000).toISOString() })
      .where('evaluation_id', '=', other)
      .execute();
    const late = await json<Err>(maria.post(`/api/evaluations/${other}/appeal`, { reason: 'late' }));
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^the appeal window of 3 days closed at \d{4}-/);
    // An evaluation that was never disputed has nothing to appeal.
    const fresh = await submitted('C1');
    const none = await json<Err>(ana.post(`/api/evaluations/${fresh}/appeal`, { reason: 'x' }));
    expect(none.status).toBe(409);
    expect(
      (await salesHead.post(`/api/evaluations/${fresh}/appeal/decision`, { decision: 'upheld', note: 'x' }))
        .status,
    ).toBe(409);
  });

  it('refuses the dispute past the monthly limit, appeals apart', async () => {
    // Ana has opened one dispute this month (her appeal is not one more).
    await setting('disputesPerMonth', 1);
    const c1 = (
      await json<{ evaluations: { id: string; callId: string; status: string }[] }>(
        qa.get('/api/evaluations?callId=C1'),
      )
    ).body.evaluations[0]?.id as string;
    const over = await json<Err>(ana.post(`/api/evaluations/${c1}/dispute`, { reason: 'one more' }));
    expect(over.status).toBe(409);
    expect(over.body.error.message).toMatch(
      /^you have opened 1 disputes in \d{4}-\d{2}, the most an operator may open in a month \(1\)/,
    );
    // Nothing changed: still submitted, no dispute row, nothing audited.
    const still = await json<EvaluationResponse>(ana.get(`/api/evaluations/${c1}`));
    expect(still.body.evaluation).toMatchObject({ status: 'submitted', disputes: [] });
    await setting('disputesPerMonth', 2);
    expect((await ana.post(`/api/evaluations/${c1}/dispute`, { reason: 'one more' })).status).toBe(200);
    await setting('disputesPerMonth', 0);
  });
});
