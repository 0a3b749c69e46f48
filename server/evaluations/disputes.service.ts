import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { scoreAnswers } from '../../core/form-score.ts';
import type { decisionRequest } from '../../schemas/evaluations.ts';
import type { Answers } from '../../schemas/forms.ts';
import { monthRange } from '../../schemas/period.ts';
import { can } from '../../schemas/policy.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { UserView } from '../../schemas/users.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import type { Scope } from '../context.ts';
import { disputeDecided, disputeOpened } from '../notifications/events.ts';
import { monthOfInstant, periodInstants } from '../periods/period.ts';
import { appealDeadline } from './appeal-deadline.ts';
import {
  disputeDeadline,
  disputeRowToView,
  disputesOf,
  disputesOpenedBy,
  type EvaluationWithForm,
  insertDispute,
  openDisputeOf,
  updateDispute,
  updateEvaluation,
} from './evaluations.repository.ts';
import {
  assertNotAwaitingSelf,
  assertOwnOperator,
  checkAnswers,
  formOf,
  loadInScope,
  now,
} from './evaluations.service.ts';
import { assertTransition } from './transitions.ts';

/**
 * Disputes and their levels (docs/qa-program.md, "Appeals"): the operator disputes a submitted
 * evaluation and a QA lead decides (level 1); with `appealLevels` 2, a dispute the lead upheld may be
 * appealed once, within `appealDays`, and a head of the operator's scope decides (level 2). Each
 * level is a row of its own with its reason, decider and note; every step is audited.
 */

type DisputeSettings = Pick<
  Settings,
  'disputeDays' | 'disputesPerMonth' | 'timeZone' | 'appealLevels' | 'appealDays'
>;

/** The named questions, each once, all of the evaluation's form. */
async function contestedQuestions(db: Db, row: EvaluationWithForm, ids: readonly string[] | undefined) {
  if (!ids?.length) return null;
  const unique = [...new Set(ids)];
  if (row.form_id === null) throw new AppError('bad_request', 'questions: the evaluation has no form');
  const def = await formOf(db, row);
  const known = new Set(def.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const unknown = unique.filter((q) => !known.has(q));
  if (unknown.length)
    throw new AppError(
      'bad_request',
      `questions: the form has no question ${unknown.map((q) => `"${q}"`).join(', ')}`,
    );
  return unique;
}

export async function disputeEvaluation(
  db: Db,
  user: UserView,
  scope: Scope,
  id: string,
  req: { reason: string; questions?: string[] | undefined },
  settings: DisputeSettings,
): Promise<void> {
  const row = await loadInScope(db, id, scope);
  assertOwnOperator(row, user, 'dispute');
  await assertNotAwaitingSelf(db, row);
  const to = assertTransition(row.status, 'dispute', id);
  const deadline = disputeDeadline(row.submitted_at, settings.disputeDays);
  const at = now();
  if (deadline !== null && at > deadline) {
    throw new AppError(
      'conflict',
      `the dispute window of ${settings.disputeDays} days closed at ${deadline}`,
    );
  }
  const questions = await contestedQuestions(db, row, req.questions);
  await db.transaction().execute(async (tx) => {
    // The operator's disputes of the month are counted, then one is added: one at a time.
    await lockKey(tx, `disputes.open:${row.operator_id ?? ''}`);
    if (settings.disputesPerMonth > 0) {
      // The calendar month of today in the company's zone; counted inside the transaction, so
      // two disputes sent at once cannot both pass the last place.
      const month = monthOfInstant(at, settings.timeZone);
      const used = await disputesOpenedBy(
        tx,
        row.operator_id ?? '',
        periodInstants(monthRange(month), settings.timeZone),
      );
      if (used >= settings.disputesPerMonth) {
        throw new AppError(
          'conflict',
          `you have opened ${used} disputes in ${month}, the most an operator may open in a month (${settings.disputesPerMonth}); the next can be opened from the 1st of next month`,
        );
      }
    }
    await updateEvaluation(tx, id, row.status, { status: to, updated_at: at });
    const dispute = await insertDispute(tx, {
      evaluation_id: id,
      level: 1,
      reason: req.reason,
      question_ids: questions ? JSON.stringify(questions) : null,
      opened_by: user.username,
      opened_at: at,
      status: 'open',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      score_before: row.score,
      answers_before: row.answers,
      critical_failed_before: row.critical_failed,
      score_after: null,
      answers_after: null,
    });
    await audit(tx, {
      actor: user.username,
      action: 'dispute',
      entity: 'evaluation',
      entityId: id,
      before: { status: row.status },
      after: { status: to, disputeId: dispute.id, level: 1, reason: req.reason, questions },
    });
    await disputeOpened(tx, row, 1);
  });
}

/** The operator appeals a dispute the QA lead upheld: level 2, for a head of his scope. */
export async function appealEvaluation(
  db: Db,
  user: UserView,
  scope: Scope,
  id: string,
  reason: string,
  settings: DisputeSettings,
): Promise<void> {
  const row = await loadInScope(db, id, scope);
  assertOwnOperator(row, user, 'appeal');
  if (settings.appealLevels < 2) {
    throw new AppError('conflict', "appeals are off: the QA lead's decision on a dispute is final");
  }
  const disputes = (await disputesOf(db, id)).map(disputeRowToView);
  if (disputes.some((d) => d.level >= 2))
    throw new AppError('conflict', `evaluation ${id} was appealed already: a dispute is appealed once`);
  const to = assertTransition(row.status, 'appeal', id);
  const deadline = appealDeadline(row.status, disputes, settings);
  if (deadline === null) throw new AppError('conflict', `evaluation ${id} has no upheld dispute to appeal`);
  const at = now();
  if (at > deadline) {
    throw new AppError('conflict', `the appeal window of ${settings.appealDays} days closed at ${deadline}`);
  }
  const level1 = disputes.findLast((d) => d.level === 1);
  await db.transaction().execute(async (tx) => {
    await updateEvaluation(tx, id, row.status, { status: to, updated_at: at });
    const appeal = await insertDispute(tx, {
      evaluation_id: id,
      level: 2,
      reason,
      question_ids: level1?.questionIds.length ? JSON.stringify(level1.questionIds) : null,
      opened_by: user.username,
      opened_at: at,
      status: 'open',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      score_before: row.score,
      answers_before: row.answers,
      critical_failed_before: row.critical_failed,
      score_after: null,
      answers_after: null,
    });
    await audit(tx, {
      actor: user.username,
      action: 'appeal',
      entity: 'evaluation',
      entityId: id,
      before: { status: row.status },
      after: { status: to, disputeId: appeal.id, level: 2, reason },
    });
    await disputeOpened(tx, row, 2);
  });
}

type Decision = z.infer<typeof decisionRequest>;

/** A QA lead's decision on a dispute (level 1): the score stands (upheld) or is replaced (revised). */
export async function decideDispute(db: Db, user: UserView, scope: Scope, id: string, req: Decision) {
  if (!can(user.role, 'evaluations.decide'))
    throw new AppError('forbidden', 'only a QA lead decides disputes');
  const row = await loadInScope(db, id, scope);
  if (row.evaluator === user.username && user.role !== 'admin') {
    throw new AppError(
      'forbidden',
      'a lead cannot decide a dispute of his own evaluation; another lead decides it',
    );
  }
  const open = await openDisputeOf(db, id);
  if (open && open.level >= 2 && user.role !== 'admin') {
    throw new AppError('forbidden', `evaluation ${id} is under appeal: a head decides it, not a QA lead`);
  }
  await decide(db, user, row, req, open ?? null);
}

/** A head's decision on an appeal (level 2), for an operator of his scope only. */
export async function decideAppeal(db: Db, user: UserView, scope: Scope, id: string, req: Decision) {
  if (!can(user.role, 'evaluations.decideAppeal'))
    throw new AppError('forbidden', 'only a head decides appeals');
  // A head limited to a department or team finds no evaluation outside it (404).
  const row = await loadInScope(db, id, scope);
  const open = await openDisputeOf(db, id);
  if (!open || open.level < 2) throw new AppError('conflict', `evaluation ${id} has no appeal waiting`);
  await decide(db, user, row, req, open);
}

async function decide(
  db: Db,
  user: UserView,
  row: EvaluationWithForm,
  req: Decision,
  open: { id: number; level: number } | null,
): Promise<void> {
  const id = row.evaluation_id;
  const to = assertTransition(row.status, req.decision === 'upheld' ? 'uphold' : 'revise', id);
  let revised: { answers: Answers; score: number; criticalFailed: boolean } | null = null;
  if (req.decision === 'revised') {
    const def = await formOf(db, row);
    const answers = req.answers as Answers;
    checkAnswers(def, answers, true);
    const result = scoreAnswers(def, answers);
    if (result.score === null)
      throw new AppError('conflict', 'the revised answers are all N/A: there is nothing to score');
    revised = { answers, score: result.score, criticalFailed: result.criticalFailed };
  }
  const at = now();
  await db.transaction().execute(async (tx) => {
    await updateEvaluation(tx, id, row.status, {
      status: to,
      updated_at: at,
      ...(revised
        ? {
            answers: JSON.stringify(revised.answers),
            score: revised.score,
            critical_failed: revised.criticalFailed ? 1 : 0,
          }
        : {}),
    });
    if (open) {
      await updateDispute(tx, open.id, {
        status: req.decision,
        decided_by: user.username,
        decided_at: at,
        decision_note: req.note,
        score_after: revised ? revised.score : row.score,
        answers_after: revised ? JSON.stringify(revised.answers) : row.answers,
      });
    }
    await audit(tx, {
      actor: user.username,
      action: req.decision === 'upheld' ? 'uphold' : 'revise',
      entity: 'evaluation',
      entityId: id,
      before: { status: row.status, score: row.score, answers: row.answers ? JSON.parse(row.answers) : null },
      after: {
        status: to,
        level: open?.level ?? 1,
        score: revised?.score ?? row.score,
        answers: revised?.answers ?? null,
        note: req.note,
      },
    });
    await disputeDecided(tx, row, open?.level ?? 1, req.decision);
  });
}
