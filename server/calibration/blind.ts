import type { UserView } from '../../schemas/users.ts';
import type { Db } from '../../stores/sqlite.ts';

/**
 * Calibration is blind: while a session is open, a monitor sees only his own scoring. Others'
 * scorings show once it is closed; before that only to an administrator, or to a QA lead who is
 * not scoring in the session himself.
 */
export async function maySeeScorings(db: Db, sessionId: number | null, user: UserView): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (sessionId === null) return user.role === 'qa_lead';
  const session = await db
    .selectFrom('calibration_sessions')
    .select('status')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) return false;
  if (session.status === 'closed') return user.role !== 'operator';
  if (user.role !== 'qa_lead') return false;
  const participant = await db
    .selectFrom('calibration_participants')
    .select('monitor')
    .where('session_id', '=', sessionId)
    .where('monitor', '=', user.username)
    .executeTakeFirst();
  return !participant;
}
