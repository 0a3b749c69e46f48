import type { Db } from '../../stores/sqlite.ts';

/** A session's notes, oldest first, with each author's shown name; `forOperatorOnly` for the operator. */
export const listNoteRows = (db: Db, sessionId: number, forOperatorOnly: boolean) =>
  db
    .selectFrom('coaching_notes as n')
    .leftJoin('users as u', 'u.username', 'n.author')
    .selectAll('n')
    .select('u.display_name')
    .where('n.session_id', '=', sessionId)
    .$if(forOperatorOnly, (q) => q.where('n.for_operator', '=', 1))
    .orderBy('n.id')
    .execute();

export async function insertNoteRow(
  db: Db,
  row: { session_id: number; author: string; created_at: string; text: string; for_operator: number },
): Promise<number> {
  const r = await db.insertInto('coaching_notes').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
