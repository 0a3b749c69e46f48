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
import { definitionOf, latestVersionOf } from '../forms/forms.repository.ts';
import { monthOfInstant } from '../periods/period.ts';
import { maySeeScorings } from './blind.ts';
import { calibrationResults, type Scoring } from './results.ts';

const now = () => new Date().toISOString();

async function monitorsNamed(db: Db, names: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'role'])
    .where('username', 'in', [...names])
    .where('active', '=', 1)
    .execute();
  const ok = new Map(
    rows
      .filter((r) => r.role === 'qa' || r.role === 'qa_lead')
      .map((r) => [r.username.toLowerCase(), r.username]),
  );
  const bad = names.filter((n) => !ok.has(n.toLowerCase()));
  if (bad.length) throw new AppError('bad_request', `not QA monitors: ${bad.join(', ')}`);
  return [...new Set(names.map((n) => ok.get(n.toLowerCase()) as string))];
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
    const form = await tx.selectFrom('forms').selectAll().where('id', '=', req.formId).executeTakeFirst();
    if (!form) throw new AppError('not_found', `no form ${req.formId}`);
    if (form.status === 'archived') throw new AppError('conflict', `form ${req.formId} is archived`);
    if (form.version !== (await latestVersionOf(tx, form.form_key))) {
      throw new AppError('conflict', `form ${req.formId} is not the latest version of its form`);
    }
    const row = await tx
      .insertInto('calibration_sessions')
      .values({
        call_id: req.callId,
        operator_id: call.operatorId,
        call_started_at: call.startedAt,
        form_id: req.formId,
        reference_evaluator: reference,
        status: 'open',
        note: req.note,
        created_by: user.username,
        closed_by: null,
        closed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const monitor of monitors) {
      await tx.insertInto('calibration_participants').values({ session_id: row.id, monitor }).execute();
    }
    await audit(tx, {
      actor: user.username,
      action: 'create',
      entity: 'calibration',
      entityId: String(row.id),
      after: { callId: req.callId, formId: req.formId, monitors, reference, note: req.note },
    });
    return row.id;
  });
}

async function sessionRow(db: Db, id: number) {
  const row = await db
    .selectFrom('calibration_sessions as s')
    .innerJoin('forms as f', 'f.id', 's.form_id')
    .selectAll('s')
    .select('f.name as form_name')
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `no calibration session ${id}`);
  return row;
}

async function assertMayRead(db: Db, id: number, user: UserView) {
  if (user.role === 'qa') {
    const p = await db
      .selectFrom('calibration_participants')
      .select('monitor')
      .where('session_id', '=', id)
      .where('monitor', '=', user.username)
      .executeTakeFirst();
    if (!p) throw new AppError('forbidden', `you are not invited to calibration session ${id}`);
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
  const participants = await db
    .selectFrom('calibration_participants')
    .select('monitor')
    .where('session_id', '=', id)
    .orderBy('monitor')
    .execute();
  const scorings = await db
    .selectFrom('evaluations')
    .select(['evaluation_id', 'evaluator', 'status'])
    .where('calibration_session_id', '=', id)
    .execute();
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
  const visible = scopeIds(scope);
  const rows = await db
    .selectFrom('calibration_sessions')
    .select('id')
    .$if(visible !== null, (q) => q.where('operator_id', 'in', visible ?? []))
    .$if(status !== undefined, (q) => q.where('status', '=', status ?? 'open'))
    .$if(user.role === 'qa', (q) =>
      q.where('id', 'in', (eb) =>
        eb.selectFrom('calibration_participants').select('session_id').where('monitor', '=', user.username),
      ),
    )
    .orderBy('id', 'desc')
    .execute();
  const sessions: CalibrationSession[] = [];
  for (const r of rows) sessions.push(await sessionView(db, r.id, user, scope));
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
  const p = await deps.db
    .selectFrom('calibration_participants')
    .select('monitor')
    .where('session_id', '=', id)
    .where('monitor', '=', user.username)
    .executeTakeFirst();
  if (!p) throw new AppError('forbidden', `you are not invited to calibration session ${id}`);
  return createEvaluation(deps, user, { callId: row.call_id, formId: row.form_id, calibrationSessionId: id });
}

export async function closeSession(db: Db, user: UserView, id: number): Promise<void> {
  const row = await sessionRow(db, id);
  if (row.status !== 'open') throw new AppError('conflict', `calibration session ${id} is closed already`);
  const at = now();
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('calibration_sessions')
      .set({ status: 'closed', closed_at: at, closed_by: user.username })
      .where('id', '=', id)
      .execute();
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

async function submittedScorings(db: Db, id: number): Promise<Scoring[]> {
  const rows = await db
    .selectFrom('evaluations')
    .select(['evaluation_id', 'evaluator', 'score', 'critical_failed', 'answers'])
    .where('calibration_session_id', '=', id)
    .where('status', '=', 'submitted')
    .where('score', 'is not', null)
    .orderBy('evaluator')
    .execute();
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
  const form = await db
    .selectFrom('forms')
    .select('definition')
    .where('id', '=', session.formId)
    .executeTakeFirstOrThrow();
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
  const sessions = await db
    .selectFrom('calibration_sessions')
    .select(['id', 'form_id', 'reference_evaluator', 'closed_at'])
    .where('status', '=', 'closed')
    .orderBy('closed_at')
    .execute();
  const by = new Map<string, Map<string, number[]>>();
  for (const s of sessions) {
    const period = monthOfInstant(s.closed_at ?? now(), timeZone);
    if ((range.from && period < range.from) || (range.to && period > range.to)) continue;
    const form = await db
      .selectFrom('forms')
      .select('definition')
      .where('id', '=', s.form_id)
      .executeTakeFirstOrThrow();
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
