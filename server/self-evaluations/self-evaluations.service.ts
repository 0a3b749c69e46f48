import { AppError } from '../../core/errors.ts';
import { answerProblems, scoreAnswers } from '../../core/form-score.ts';
import type { Answers } from '../../schemas/forms.ts';
import { monthRange } from '../../schemas/period.ts';
import type {
  MonitorSide,
  NewSelfEvaluationsRequest,
  SelfEvaluationsQuery,
  SelfEvaluationView,
} from '../../schemas/self-evaluations.ts';
import type { UserView } from '../../schemas/users.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { assertInScope, assertOperatorInScope } from '../auth/scope.ts';
import { findCall } from '../calls/calls.repository.ts';
import type { Scope } from '../context.ts';
import { hasPendingSelfEvaluation } from '../evaluations/evaluations.repository.ts';
import { round2 } from '../evaluations/stats.ts';
import { definitionOf, findForm, latestVersionOf } from '../forms/forms.repository.ts';
import { evaluationReleased } from '../notifications/events.ts';
import { periodInstants } from '../periods/period.ts';
import {
  findSelfRow,
  insertSelfRow,
  listSelfRows,
  monitorEvaluationsOf,
  type SelfEvaluationRow,
  selfRowOfCall,
  updateSelfRow,
} from './self-evaluations.repository.ts';

type MonitorRow = Awaited<ReturnType<typeof monitorEvaluationsOf>>[number];

/** The latest counted monitor's evaluation of each call. */
export async function monitorSides(
  stores: Stores,
  callIds: readonly string[],
): Promise<Map<string, MonitorSide>> {
  const by = new Map<string, MonitorSide>();
  for (const e of (await monitorEvaluationsOf(stores.db, callIds)) as MonitorRow[]) {
    if (by.has(e.call_id)) continue;
    by.set(e.call_id, {
      evaluationId: e.evaluation_id,
      evaluator: e.evaluator,
      score: e.score,
      answers: e.answers === null ? null : (JSON.parse(e.answers) as Answers),
    });
  }
  return by;
}

/**
 * A self-evaluation as this user may see it: the monitor's side is held back from the operator
 * until he has submitted his own, so his answers are his own reading of the call.
 */
function toView(r: SelfEvaluationRow, monitor: MonitorSide | undefined, user: UserView): SelfEvaluationView {
  const shown = user.role === 'operator' && r.status !== 'submitted' ? null : (monitor ?? null);
  return {
    id: r.id,
    callId: r.call_id,
    operatorId: r.operator_id,
    operatorName: r.operator_name ?? r.operator_id,
    callStartedAt: r.call_started_at,
    formId: r.form_id,
    formName: r.form_name,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    status: r.status as SelfEvaluationView['status'],
    answers: r.answers === null ? null : (JSON.parse(r.answers) as Answers),
    score: r.score,
    criticalFailed: r.critical_failed === 1,
    submittedAt: r.submitted_at,
    monitor: shown,
    gap:
      shown && r.score !== null && shown.score !== null && r.status === 'submitted'
        ? round2(r.score - shown.score)
        : null,
  };
}

export async function listSelfEvaluations(
  stores: Stores,
  q: SelfEvaluationsQuery,
  user: UserView,
  scope: Scope,
  timeZone: string,
): Promise<SelfEvaluationView[]> {
  const rows = await listSelfRows(stores.db, {
    operatorIds: scope.operatorIds,
    operator: q.operator,
    status: q.status,
    range: q.period ? periodInstants(monthRange(q.period), timeZone) : null,
  });
  const sides = await monitorSides(
    stores,
    rows.map((r) => r.call_id),
  );
  return rows.map((r) => toView(r, sides.get(r.call_id), user));
}

async function loadInScope(stores: Stores, id: number, scope: Scope): Promise<SelfEvaluationRow> {
  const r = await findSelfRow(stores.db, id);
  if (!r) throw new AppError('not_found', `no self-evaluation ${id}`);
  assertInScope(scope, r.operator_id, `no self-evaluation ${id}`);
  return r;
}

export async function getSelfEvaluation(
  stores: Stores,
  id: number,
  user: UserView,
  scope: Scope,
): Promise<SelfEvaluationView> {
  const r = await loadInScope(stores, id, scope);
  return toView(r, (await monitorSides(stores, [r.call_id])).get(r.call_id), user);
}

/**
 * Asks the operators of these calls to score them on the form (its latest published version).
 * Each call is asked once; a call nobody handled has nothing to score.
 */
export async function requestSelfEvaluations(
  stores: Stores,
  req: NewSelfEvaluationsRequest,
  user: UserView,
  scope: Scope,
): Promise<SelfEvaluationView[]> {
  const form = await findForm(stores.db, req.formId);
  if (!form) throw new AppError('bad_request', `no form ${req.formId}`);
  if (form.status === 'archived') throw new AppError('conflict', `form ${req.formId} is archived`);
  if (form.version !== (await latestVersionOf(stores.db, form.form_key)))
    throw new AppError('conflict', `form ${req.formId} is not the latest version of "${form.name}"`);
  const calls: { callId: string; operatorId: string; startedAt: string }[] = [];
  for (const callId of [...new Set(req.callIds)]) {
    const call = await findCall(stores.analytics, callId);
    if (!call) throw new AppError('bad_request', `no call ${callId}`);
    if (!call.operatorId || !call.answeredAt)
      throw new AppError(
        'conflict',
        `call ${callId} was not handled by an operator; there is nothing to score`,
      );
    await assertOperatorInScope(stores.db, call.operatorId, scope);
    if (await selfRowOfCall(stores.db, callId))
      throw new AppError('conflict', `call ${callId} already has a self-evaluation`);
    calls.push({ callId: call.callId, operatorId: call.operatorId, startedAt: call.startedAt });
  }
  const at = new Date().toISOString();
  const ids = await stores.db.transaction().execute(async (tx) => {
    const made: number[] = [];
    for (const call of calls) {
      const row = {
        call_id: call.callId,
        operator_id: call.operatorId,
        call_started_at: call.startedAt,
        form_id: req.formId,
        requested_by: user.username,
        requested_at: at,
        status: 'requested',
      };
      const id = await insertSelfRow(tx, row);
      await audit(tx, {
        actor: user.username,
        action: 'request',
        entity: 'self_evaluation',
        entityId: String(id),
        after: row,
      });
      made.push(id);
    }
    return made;
  });
  const out: SelfEvaluationView[] = [];
  for (const id of ids) out.push(await getSelfEvaluation(stores, id, user, scope));
  return out;
}

/** The operator submits his own scoring of his call, once; every question must be answered. */
export async function submitSelfEvaluation(
  stores: Stores,
  id: number,
  answers: Answers,
  user: UserView,
  scope: Scope,
): Promise<SelfEvaluationView> {
  const r = await loadInScope(stores, id, scope);
  if (user.operatorId !== r.operator_id)
    throw new AppError('forbidden', 'only the operator of the call scores it himself');
  if (r.status === 'submitted')
    throw new AppError('conflict', `self-evaluation ${id} was already submitted on ${r.submitted_at}`);
  const form = await findForm(stores.db, r.form_id);
  if (!form) throw new AppError('conflict', `the form of self-evaluation ${id} is gone`);
  const def = definitionOf(form);
  const problems = answerProblems(def, answers, true);
  if (problems.length) throw new AppError('bad_request', `invalid answers: ${problems.join('; ')}`);
  const result = scoreAnswers(def, answers);
  if (result.score === null)
    throw new AppError('conflict', 'every question is N/A: there is nothing to score');
  const at = new Date().toISOString();
  await stores.db.transaction().execute(async (tx) => {
    const set = {
      status: 'submitted',
      answers: JSON.stringify(answers),
      score: result.score,
      critical_failed: result.criticalFailed ? 1 : 0,
      submitted_at: at,
    };
    await updateSelfRow(tx, id, set);
    await audit(tx, {
      actor: user.username,
      action: 'submit',
      entity: 'self_evaluation',
      entityId: String(id),
      before: { status: r.status },
      after: { ...set, answers },
    });
    // The monitors' evaluations of the call were hidden until now: the operator is told of them.
    if (!(await hasPendingSelfEvaluation(tx, r.call_id))) {
      const released = await tx
        .selectFrom('evaluations')
        .select(['evaluation_id', 'call_id', 'operator_id'])
        .where('call_id', '=', r.call_id)
        .where('calibration', '=', 0)
        .where('status', '!=', 'draft')
        .execute();
      for (const e of released) await evaluationReleased(tx, e);
    }
  });
  return getSelfEvaluation(stores, id, user, scope);
}
