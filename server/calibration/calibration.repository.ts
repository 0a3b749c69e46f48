import type { Db } from '../../stores/sqlite.ts';

/** A calibration session's status (`open`, `closed`); undefined when there is no such session. */
export async function calibrationSessionStatus(db: Db, id: number): Promise<string | undefined> {
  const s = await db
    .selectFrom('calibration_sessions')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  return s?.status;
}

/** Inserts an open calibration session; its id. */
export async function insertCalibrationSession(
  db: Db,
  s: {
    callId: string;
    operatorId: string | null;
    callStartedAt: string | null;
    formId: number;
    reference: string | null;
    note: string | null;
    createdBy: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('calibration_sessions')
    .values({
      call_id: s.callId,
      operator_id: s.operatorId,
      call_started_at: s.callStartedAt,
      form_id: s.formId,
      reference_evaluator: s.reference,
      status: 'open',
      note: s.note,
      created_by: s.createdBy,
      closed_by: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const insertCalibrationParticipant = (db: Db, sessionId: number, monitor: string) =>
  db.insertInto('calibration_participants').values({ session_id: sessionId, monitor }).execute();

/** A session with its form's name, if there is one. */
export const findCalibrationSession = (db: Db, id: number) =>
  db
    .selectFrom('calibration_sessions as s')
    .innerJoin('forms as f', 'f.id', 's.form_id')
    .selectAll('s')
    .select('f.name as form_name')
    .where('s.id', '=', id)
    .executeTakeFirst();

/** Whether a monitor is invited to a session. */
export async function isCalibrationParticipant(db: Db, id: number, monitor: string): Promise<boolean> {
  const p = await db
    .selectFrom('calibration_participants')
    .select('monitor')
    .where('session_id', '=', id)
    .where('monitor', '=', monitor)
    .executeTakeFirst();
  return p !== undefined;
}

/** A session's invited monitors, by name. */
export const calibrationParticipants = (db: Db, id: number) =>
  db
    .selectFrom('calibration_participants')
    .select('monitor')
    .where('session_id', '=', id)
    .orderBy('monitor')
    .execute();

/** The calibration evaluations of a session, whatever their status. */
export const calibrationEvaluations = (db: Db, id: number) =>
  db
    .selectFrom('evaluations')
    .select(['evaluation_id', 'evaluator', 'status'])
    .where('calibration_session_id', '=', id)
    .execute();

/**
 * The ids of the sessions on calls of the operators named (null: all), of a status (undefined: any),
 * and, with `participant`, to which that monitor is invited; newest first.
 */
export async function calibrationSessionIds(
  db: Db,
  f: {
    operatorIds: readonly string[] | null;
    status: 'open' | 'closed' | undefined;
    participant: string | null;
  },
): Promise<number[]> {
  const { operatorIds, status, participant } = f;
  const rows = await db
    .selectFrom('calibration_sessions')
    .select('id')
    .$if(operatorIds !== null, (q) => q.where('operator_id', 'in', operatorIds ?? []))
    .$if(status !== undefined, (q) => q.where('status', '=', status ?? 'open'))
    .$if(participant !== null, (q) =>
      q.where('id', 'in', (eb) =>
        eb
          .selectFrom('calibration_participants')
          .select('session_id')
          .where('monitor', '=', participant ?? ''),
      ),
    )
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

export const closeCalibrationSession = (db: Db, id: number, closedAt: string, closedBy: string) =>
  db
    .updateTable('calibration_sessions')
    .set({ status: 'closed', closed_at: closedAt, closed_by: closedBy })
    .where('id', '=', id)
    .execute();

/** A session's submitted, scored evaluations, by evaluator. */
export const submittedCalibrationEvaluations = (db: Db, id: number) =>
  db
    .selectFrom('evaluations')
    .select(['evaluation_id', 'evaluator', 'score', 'critical_failed', 'answers'])
    .where('calibration_session_id', '=', id)
    .where('status', '=', 'submitted')
    .where('score', 'is not', null)
    .orderBy('evaluator')
    .execute();

/** The closed sessions, by when they were closed. */
export const closedCalibrationSessions = (db: Db) =>
  db
    .selectFrom('calibration_sessions')
    .select(['id', 'form_id', 'reference_evaluator', 'closed_at', 'operator_id'])
    .where('status', '=', 'closed')
    .orderBy('closed_at')
    .execute();
