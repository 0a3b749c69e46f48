import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { answerProblems, scoreAnswers } from '../../core/form-score.ts';
import { localDate } from '../../core/time.ts';
import type {
  commentRequest,
  EvaluationDetail,
  EvaluationView,
  ListEvaluationsQuery,
} from '../../schemas/evaluations.ts';
import type { Answers, FormDefinition } from '../../schemas/forms.ts';
import { monthRange } from '../../schemas/period.ts';
import { can } from '../../schemas/policy.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { UserView } from '../../schemas/users.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertInScope, scopeIds } from '../auth/scope.ts';
import { maySeeScorings } from '../calibration/blind.ts';
import { calibrationSessionStatus } from '../calibration/calibration.repository.ts';
import { findCall } from '../calls/calls.repository.ts';
import type { Deps, Scope } from '../context.ts';
import { definitionOf, findForm, formDefinitionRow, latestVersionOf } from '../forms/forms.repository.ts';
import { evaluationReleased } from '../notifications/events.ts';
import { periodInstants } from '../periods/period.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { appealDeadline } from './appeal-deadline.ts';
import { insertAutoAnswers } from './auto-answers.repository.ts';
import { autoAnswerViews, decideAutoAnswers, proposedAnswers } from './auto-answers.ts';
import {
  commentRowToView,
  commentsOf,
  deleteEvaluation,
  disputeRowToView,
  disputesOf,
  type EvaluationWithForm,
  evaluationRowToView,
  findEvaluation,
  findEvaluationOf,
  hasPendingSelfEvaluation,
  insertComment,
  insertEvaluation,
  lastEvaluationNumber,
  searchEvaluations,
  updateEvaluation,
} from './evaluations.repository.ts';
import { assertTransition } from './transitions.ts';

/** The monitors who see the drafts of others: the leads, who decide what was scored. */
const LEADS = new Set(['qa_lead', 'admin']);
export const now = (): string => new Date().toISOString();

/**
 * Whether `user` may see this evaluation of an operator in his scope (loadInScope). An operator
 * sees only submitted, non-calibration evaluations; during an open calibration session a monitor
 * sees only his own scoring of it (calibration is blind), leads see all.
 */
async function assertVisible(db: Db, row: EvaluationWithForm, user: UserView): Promise<void> {
  if (user.role === 'operator') {
    if (row.status === 'draft' || row.calibration === 1 || (await hasPendingSelfEvaluation(db, row.call_id)))
      throw new AppError('not_found', `no evaluation ${row.evaluation_id}`);
    return;
  }
  // A draft is its monitor's work in progress: leads may look, other readers do not see it.
  if (row.status === 'draft' && row.evaluator !== user.username && !LEADS.has(user.role)) {
    throw new AppError('not_found', `no evaluation ${row.evaluation_id}`);
  }
  if (row.calibration === 1 && row.evaluator !== user.username) {
    if (!(await maySeeScorings(db, row.calibration_session_id, user))) {
      throw new AppError(
        'forbidden',
        "calibration is blind: other monitors' scorings show once the session is closed",
      );
    }
  }
}

async function loadVisible(db: Db, id: string, user: UserView, scope: Scope): Promise<EvaluationWithForm> {
  const row = await loadInScope(db, id, scope);
  await assertVisible(db, row, user);
  return row;
}

/**
 * The evaluation, if it exists and is of an operator in the scope (an operator's scope is
 * himself); else 404 either way, so its existence does not leak.
 */
export async function loadInScope(db: Db, id: string, scope: Scope): Promise<EvaluationWithForm> {
  const row = await findEvaluation(db, id);
  if (!row) throw new AppError('not_found', `no evaluation ${id}`);
  assertInScope(scope, row.operator_id, `no evaluation ${id}`);
  return row;
}

function assertEvaluator(row: EvaluationWithForm, user: UserView) {
  if (row.evaluator !== user.username && user.role !== 'admin') {
    throw new AppError(
      'forbidden',
      `only ${row.evaluator}, who made evaluation ${row.evaluation_id}, can change it`,
    );
  }
}

export async function formOf(db: Db, row: EvaluationWithForm): Promise<FormDefinition> {
  if (row.form_id === null) {
    throw new AppError(
      'conflict',
      `evaluation ${row.evaluation_id} was imported without a form; it has no answers to change`,
    );
  }
  return definitionOf(await formDefinitionRow(db, row.form_id));
}

/** A calibration scoring can change only while its session is open. */
async function assertSessionOpen(db: Db, row: EvaluationWithForm) {
  if (row.calibration_session_id === null) return;
  if ((await calibrationSessionStatus(db, row.calibration_session_id)) !== 'open')
    throw new AppError('conflict', `calibration session ${row.calibration_session_id} is closed`);
}

export function checkAnswers(def: FormDefinition, answers: Answers, complete: boolean) {
  const problems = answerProblems(def, answers, complete);
  if (problems.length) throw new AppError('bad_request', `invalid answers: ${problems.join('; ')}`);
}

export async function evaluationDetail(
  stores: Pick<Deps, 'db' | 'analytics'>,
  id: string,
  user: UserView,
  scope: Scope,
  settings: Pick<Settings, 'disputeDays' | 'appealLevels' | 'appealDays'>,
): Promise<EvaluationDetail> {
  const { db } = stores;
  const row = await loadVisible(db, id, user, scope);
  const view = evaluationRowToView(row, settings.disputeDays);
  const disputes = (await disputesOf(db, id)).map(disputeRowToView);
  const def = row.form_id !== null ? await formOf(db, row) : null;
  const breakdown = def && view.answers ? scoreAnswers(def, view.answers) : null;
  return {
    ...view,
    comments: (await commentsOf(db, id)).map(commentRowToView),
    disputes,
    appealUntil: appealDeadline(row.status, disputes, settings),
    breakdown,
    autoAnswers: await autoAnswerViews(stores, id, row.call_id, def),
  };
}

export async function listEvaluations(
  db: Db,
  user: UserView,
  scope: Scope,
  q: ListEvaluationsQuery,
  settings: { timeZone: string; disputeDays: number },
): Promise<{ total: number; evaluations: EvaluationView[] }> {
  const range = q.period ? periodInstants(monthRange(q.period), settings.timeZone) : null;
  const { total, rows } = await searchEvaluations(db, {
    visible: scopeIds(scope),
    range,
    user,
    seesOthersDrafts: LEADS.has(user.role),
    q,
  });
  return {
    total,
    evaluations: rows.map((r) => evaluationRowToView(r, settings.disputeDays)),
  };
}

export interface NewEvaluation {
  callId: string;
  formId: number;
  calibrationSessionId?: number;
}

/**
 * One id scheme for every evaluation, imported or made here: `EV-YYYYMM-NNNNN`, the month of the
 * call's local date and the next number of that month. Run inside the insert's transaction.
 */
async function nextEvaluationId(tx: Db, callStartedAt: string, timeZone: string): Promise<string> {
  const month = localDate(new Date(callStartedAt), timeZone).slice(0, 7);
  const next = (await lastEvaluationNumber(tx, month)) + 1;
  return `EV-${month.replace('-', '')}-${String(next).padStart(5, '0')}`;
}

/** Starts a draft on a handled call with the latest version of a published form. */
export async function createEvaluation(
  deps: Pick<Deps, 'db' | 'analytics'>,
  user: UserView,
  req: NewEvaluation,
): Promise<string> {
  if (!can(user.role, 'evaluations.score'))
    throw new AppError('forbidden', `the ${user.role} role cannot evaluate calls`);
  const call = await findCall(deps.analytics, req.callId);
  if (!call) throw new AppError('not_found', `no call ${req.callId}`);
  if (!call.answeredAt || !call.operatorId) {
    throw new AppError(
      'conflict',
      `call ${req.callId} was not handled by an operator; there is nothing to evaluate`,
    );
  }
  const calibration = req.calibrationSessionId !== undefined;
  // AutoQA's answers come first, read from DuckDB outside the SQLite transaction. A calibration
  // scoring is blind: it starts empty, as each monitor's own reading of the call.
  const formRow = await findForm(deps.db, req.formId);
  const proposed =
    formRow && !calibration
      ? await proposedAnswers(deps, req.callId, definitionOf(formRow))
      : { answers: {}, rows: [] };
  return deps.db.transaction().execute(async (tx) => {
    // One new evaluation at a time: the next number of the month and "has he evaluated this call
    // already" are read, then written, and no row exists yet to lock.
    await lockKey(tx, 'evaluations.create');
    const form = await findForm(tx, req.formId);
    if (!form) throw new AppError('not_found', `no form ${req.formId}`);
    if (form.status === 'archived') throw new AppError('conflict', `form ${req.formId} is archived`);
    const latest = await latestVersionOf(tx, form.form_key);
    if (form.version !== latest && !calibration) {
      throw new AppError(
        'conflict',
        `form ${req.formId} is version ${form.version}; new evaluations use version ${latest}`,
      );
    }
    const mine = await findEvaluationOf(tx, {
      callId: req.callId,
      evaluator: user.username,
      calibrationSessionId: calibration ? (req.calibrationSessionId ?? 0) : null,
    });
    if (mine)
      throw new AppError(
        'conflict',
        `you have evaluated call ${req.callId} already: evaluation ${mine.evaluation_id}`,
      );
    const id = await nextEvaluationId(tx, call.startedAt, (await readSettings(tx)).timeZone);
    const values = {
      evaluation_id: id,
      call_id: req.callId,
      operator_id: call.operatorId,
      call_started_at: call.startedAt,
      form_id: req.formId,
      evaluator: user.username,
      score: null,
      critical_failed: 0,
      status: 'draft',
      answers: JSON.stringify(proposed.answers),
      submitted_at: null,
      calibration: calibration ? 1 : 0,
      calibration_session_id: req.calibrationSessionId ?? null,
      // The draft is made when the monitor opens the call's evaluation: his grading time starts.
      opened_at: now(),
      origin: 'api',
      import_id: null,
    };
    await insertEvaluation(tx, values);
    await insertAutoAnswers(
      tx,
      proposed.rows.map((r) => ({ ...r, evaluation_id: id })),
    );
    await audit(tx, {
      actor: user.username,
      action: 'create',
      entity: 'evaluation',
      entityId: id,
      after: {
        ...values,
        autoAnswers: proposed.rows.map((r) => ({
          questionId: r.question_id,
          check: r.check_key,
          result: r.result,
          rulesVersion: r.rules_version,
        })),
      },
    });
    return id;
  });
}

export async function saveAnswers(
  db: Db,
  user: UserView,
  scope: Scope,
  id: string,
  answers: Answers,
): Promise<void> {
  const row = await loadVisible(db, id, user, scope);
  assertEvaluator(row, user);
  assertTransition(row.status, 'save', id);
  await assertSessionOpen(db, row);
  checkAnswers(await formOf(db, row), answers, false);
  await db.transaction().execute(async (tx) => {
    await updateEvaluation(tx, id, row.status, { answers: JSON.stringify(answers), updated_at: now() });
    await audit(tx, {
      actor: user.username,
      action: 'save',
      entity: 'evaluation',
      entityId: id,
      before: { answers: row.answers === null ? null : JSON.parse(row.answers) },
      after: { answers },
    });
  });
}

/** Scores the draft's answers on the server and submits it; every question must be answered. */
export async function submitEvaluation(
  db: Db,
  user: UserView,
  scope: Scope,
  id: string,
  answers?: Answers,
): Promise<void> {
  const row = await loadVisible(db, id, user, scope);
  assertEvaluator(row, user);
  const to = assertTransition(row.status, 'submit', id);
  await assertSessionOpen(db, row);
  const def = await formOf(db, row);
  const final = answers ?? ((row.answers ? JSON.parse(row.answers) : {}) as Answers);
  checkAnswers(def, final, true);
  const result = scoreAnswers(def, final);
  if (result.score === null) {
    throw new AppError(
      'conflict',
      `evaluation ${id} has every question N/A: there is nothing to score, so it cannot be submitted`,
    );
  }
  const at = now();
  await db.transaction().execute(async (tx) => {
    await updateEvaluation(tx, id, row.status, {
      answers: JSON.stringify(final),
      score: result.score,
      critical_failed: result.criticalFailed ? 1 : 0,
      status: to,
      submitted_at: at,
      updated_at: at,
    });
    const autoDecisions = await decideAutoAnswers(tx, id, final, user.username, at);
    // Hidden from the operator while he is asked to score the call himself: told when he has.
    if (row.calibration !== 1 && !(await hasPendingSelfEvaluation(tx, row.call_id)))
      await evaluationReleased(tx, row);
    await audit(tx, {
      actor: user.username,
      action: 'submit',
      entity: 'evaluation',
      entityId: id,
      before: { status: row.status },
      after: {
        status: to,
        score: result.score,
        criticalFailed: result.criticalFailed,
        answers: final,
        ...(autoDecisions.length ? { autoDecisions } : {}),
      },
    });
  });
}

/** The operator acts on the monitor's evaluation only once he has scored the call himself. */
export async function assertNotAwaitingSelf(db: Db, row: EvaluationWithForm): Promise<void> {
  if (await hasPendingSelfEvaluation(db, row.call_id))
    throw new AppError('not_found', `no evaluation ${row.evaluation_id}`);
}

export function assertOwnOperator(row: EvaluationWithForm, user: UserView, what: string) {
  if (user.role !== 'operator' || row.operator_id !== user.operatorId) {
    throw new AppError('forbidden', `only the evaluated operator can ${what} an evaluation`);
  }
  if (row.calibration === 1)
    throw new AppError('conflict', 'calibration evaluations are not acknowledged or disputed');
}

export async function acknowledgeEvaluation(db: Db, user: UserView, scope: Scope, id: string): Promise<void> {
  const row = await loadInScope(db, id, scope);
  assertOwnOperator(row, user, 'acknowledge');
  await assertNotAwaitingSelf(db, row);
  const to = assertTransition(row.status, 'acknowledge', id);
  const at = now();
  await db.transaction().execute(async (tx) => {
    await updateEvaluation(tx, id, row.status, {
      status: to,
      acknowledged_at: at,
      acknowledged_by: user.username,
      updated_at: at,
    });
    await audit(tx, {
      actor: user.username,
      action: 'acknowledge',
      entity: 'evaluation',
      entityId: id,
      before: { status: row.status },
      after: { status: to },
    });
  });
}

/** A comment on the evaluation, a question of it, or a moment of the recording. */
export async function addComment(
  db: Db,
  user: UserView,
  scope: Scope,
  id: string,
  req: z.infer<typeof commentRequest>,
): Promise<void> {
  const row = await loadVisible(db, id, user, scope);
  if (!can(user.role, 'evaluations.comment'))
    throw new AppError('forbidden', `the ${user.role} role reads evaluations but does not comment`);
  if (req.questionId !== null && row.form_id !== null) {
    const def = await formOf(db, row);
    if (!def.sections.some((s) => s.questions.some((q) => q.id === req.questionId))) {
      throw new AppError('bad_request', `questionId: the form has no question "${req.questionId}"`);
    }
  }
  await db.transaction().execute(async (tx) => {
    const c = await insertComment(tx, {
      evaluation_id: id,
      author: user.username,
      question_id: req.questionId,
      offset_s: req.offsetS,
      text: req.text,
    });
    await audit(tx, {
      actor: user.username,
      action: 'comment',
      entity: 'evaluation',
      entityId: id,
      after: { commentId: c.id, ...req },
    });
  });
}

export async function deleteDraft(db: Db, user: UserView, scope: Scope, id: string): Promise<void> {
  const row = await loadVisible(db, id, user, scope);
  assertEvaluator(row, user);
  assertTransition(row.status, 'delete', id);
  await db.transaction().execute(async (tx) => {
    await deleteEvaluation(tx, id);
    await audit(tx, {
      actor: user.username,
      action: 'delete',
      entity: 'evaluation',
      entityId: id,
      before: row,
    });
  });
}
