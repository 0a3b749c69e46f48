import { AppError } from '../../core/errors.ts';
import type {
  CalibrationResults,
  CalibrationSession,
  MonitorStrictness,
  NewCalibrationRequest,
} from '../../schemas/calibration.ts';
import type { Answers } from '../../schemas/forms.ts';
import type { UserView } from '../../schemas/users.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertInScope, scopeIds } from '../auth/scope.ts';
import { findCall } from '../calls/calls.repository.ts';
import type { Deps, Scope } from '../context.ts';
import { createEvaluation } from '../evaluations/evaluations.service.ts';
import { round2 } from '../evaluations/stats.ts';
import { definitionOf, findForm, formDefinitionRow, latestVersionOf } from '../forms/forms.repository.ts';
import { calibrationAsked } from '../notifications/events.ts';
import { monthOfInstant } from '../periods/period.ts';
import { qaMonitorsNamed } from '../users/qa-monitors.ts';
import { maySeeScorings } from './blind.ts';
import {
  calibrationEvaluations,
  calibrationParticipants,
  calibrationSessionIds,
  closeCalibrationSession,
  closedCalibrationSessions,
  findCalibrationSession,
  insertCalibrationParticipant,
  insertCalibrationSession,
  isCalibrationParticipant,
  submittedCalibrationEvaluations,
} from './calibration.repository.ts';
import { calibrationResults, type Scoring } from './results.ts';

const now = () => new Date().toISOString();

/** The invited monitors, each once. */
async function monitorsNamed(db: Db, names: readonly string[]): Promise<string[]> {
  return [...new Set(await qaMonitorsNamed(db, names))];
}

export async function createSession(
  deps: Pick<Deps, 'db' | 'analytics'>,
  user: UserView,
  req: NewCalibrationRequest,
): Promise<number> {
  const monitors = await monitorsNamed(deps.db, req.monitors);
  if (monitors.length < 2)
    throw new AppError('bad_request', 'a calibration needs at least two different monitors');
  const reference = req.reference ? ((await monitorsNamed(deps.db, [req.reference]))[0] ?? null) : null;
  if (reference && !monitors.includes(reference)) {
    throw new AppError('bad_request', `the reference ${reference} must be one of the invited monitors`);
  }
  const call = await findCall(deps.analytics, req.callId);
  if (!call) throw new AppError('not_found', `no call ${req.callId}`);
  if (!call.answeredAt || !call.operatorId)
    throw new AppError('conflict', `call ${req.callId} was not handled by an operator`);
  return deps.db.transaction().execute(async (tx) => {
    const form = await findForm(tx, req.formId);
    if (!form) throw new AppError('not_found', `no form ${req.formId}`);
    if (form.status === 'archived') throw new AppError('conflict', `form ${req.formId} is archived`);
    if (form.version !== (await latestVersionOf(tx, form.form_key))) {
      throw new AppError('conflict', `form ${req.formId} is not the latest version of its form`);
    }
    const id = await insertCalibrationSession(tx, {
      callId: req.callId,
      operatorId: call.operatorId,
      callStartedAt: call.startedAt,
      formId: req.formId,
      reference,
      note: req.note,
      createdBy: user.username,
    });
    for (const monitor of monitors) await insertCalibrationParticipant(tx, id, monitor);
    await audit(tx, {
      actor: user.username,
      action: 'create',
      entity: 'calibration',
      entityId: String(id),
      after: { callId: req.callId, formId: req.formId, monitors, reference, note: req.note },
    });
    await calibrationAsked(tx, monitors, id);
    return id;
  });
}

async function sessionRow(db: Db, id: number) {
  const row = await findCalibrationSession(db, id);
  if (!row) throw new AppError('not_found', `no calibration session ${id}`);
  return row;
}

async function assertMayRead(db: Db, id: number, user: UserView) {
  if (user.role === 'qa') {
    if (!(await isCalibrationParticipant(db, id, user.username)))
      throw new AppError('forbidden', `you are not invited to calibration session ${id}`);
  }
}

/** One session, if it is on a call of an operator in the scope; else 404, as for no session. */
export async function sessionView(
  db: Db,
  id: number,
  user: UserView,
  scope: Scope,
): Promise<CalibrationSession> {
  const row = await sessionRow(db, id);
  assertInScope(scope, row.operator_id, `no calibration session ${id}`);
  await assertMayRead(db, id, user);
  const seeAll = await maySeeScorings(db, id, user);
  const participants = await calibrationParticipants(db, id);
  const scorings = await calibrationEvaluations(db, id);
  return {
    id: row.id,
    callId: row.call_id,
    operatorId: row.operator_id,
    callStartedAt: row.call_started_at,
    formId: row.form_id,
    formName: row.form_name,
    reference: row.reference_evaluator,
    status: row.status,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    participants: participants.map((p) => {
      const e = scorings.find((s) => s.evaluator === p.monitor);
      // Who has submitted is no secret; which evaluation is, until others' scorings may show.
      const visible = seeAll || p.monitor === user.username;
      return {
        monitor: p.monitor,
        reference: p.monitor === row.reference_evaluator,
        evaluationId: e && visible ? e.evaluation_id : null,
        submitted: e?.status === 'submitted',
      };
    }),
  };
}

export async function listSessions(
  db: Db,
  user: UserView,
  scope: Scope,
  status: 'open' | 'closed' | undefined,
) {
  const ids = await calibrationSessionIds(db, {
    operatorIds: scopeIds(scope),
    status,
    participant: user.role === 'qa' ? user.username : null,
  });
  const sessions: CalibrationSession[] = [];
  for (const sessionId of ids) sessions.push(await sessionView(db, sessionId, user, scope));
  return sessions;
}

/** A participant starts his scoring of the session's call: a calibration evaluation, never counted. */
export async function startScoring(
  deps: Pick<Deps, 'db' | 'analytics'>,
  user: UserView,
  id: number,
): Promise<string> {
  const row = await sessionRow(deps.db, id);
  if (row.status !== 'open') throw new AppError('conflict', `calibration session ${id} is closed`);
  if (!(await isCalibrationParticipant(deps.db, id, user.username)))
    throw new AppError('forbidden', `you are not invited to calibration session ${id}`);
  return createEvaluation(deps, user, { callId: row.call_id, formId: row.form_id, calibrationSessionId: id });
}

export async function closeSession(db: Db, user: UserView, id: number): Promise<void> {
  const row = await sessionRow(db, id);
  if (row.status !== 'open') throw new AppError('conflict', `calibration session ${id} is closed already`);
  const at = now();
  await db.transaction().execute(async (tx) => {
    await closeCalibrationSession(tx, id, at, user.username);
    await audit(tx, {
      actor: user.username,
      action: 'close',
      entity: 'calibration',
      entityId: String(id),
      before: { status: 'open' },
      after: { status: 'closed' },
    });
  });
}

/** The submitted scorings of a session, as calibrationResults() reads them. */
export async function submittedScorings(db: Db, id: number): Promise<Scoring[]> {
  const rows = await submittedCalibrationEvaluations(db, id);
  return rows.map((r) => ({
    monitor: r.evaluator,
    evaluationId: r.evaluation_id,
    score: r.score as number,
    criticalFailed: r.critical_failed === 1,
    answers: (r.answers ? JSON.parse(r.answers) : {}) as Answers,
  }));
}

export async function sessionResults(
  db: Db,
  id: number,
  user: UserView,
  scope: Scope,
): Promise<CalibrationResults> {
  const session = await sessionView(db, id, user, scope);
  if (session.status !== 'closed') {
    throw new AppError('conflict', `calibration session ${id} is open: results show once it is closed`);
  }
  const form = await formDefinitionRow(db, session.formId);
  return {
    session,
    ...calibrationResults(definitionOf(form), await submittedScorings(db, id), session.reference),
  };
}

/** Each monitor's mean signed deviation over closed sessions, overall and per month of closing. */
export async function strictness(
  db: Db,
  range: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
): Promise<MonitorStrictness[]> {
  const sessions = await closedCalibrationSessions(db);
  const by = new Map<string, Map<string, number[]>>();
  for (const s of sessions) {
    const period = monthOfInstant(s.closed_at ?? now(), timeZone);
    if ((range.from && period < range.from) || (range.to && period > range.to)) continue;
    const form = await formDefinitionRow(db, s.form_id);
    const r = calibrationResults(
      definitionOf(form),
      await submittedScorings(db, s.id),
      s.reference_evaluator,
    );
    for (const m of r.monitors) {
      // The reference is the yardstick of its own session: its deviation of 0 says nothing.
      if (m.reference) continue;
      const months = by.get(m.monitor) ?? new Map<string, number[]>();
      months.set(period, [...(months.get(period) ?? []), m.deviation]);
      by.set(m.monitor, months);
    }
  }
  const avg = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0) / xs.length);
  return [...by]
    .map(([monitor, months]) => {
      const all = [...months.values()].flat();
      return {
        monitor,
        sessions: all.length,
        meanDeviation: avg(all),
        byPeriod: [...months]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([period, xs]) => ({
            period,
            sessions: xs.length,
            meanDeviation: avg(xs),
          })),
      };
    })
    .sort((a, b) => a.monitor.localeCompare(b.monitor));
}
