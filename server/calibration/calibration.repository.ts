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
