import type { CoachingNote, NewCoachingNoteRequest } from '../../schemas/coaching.ts';
import type { UserView } from '../../schemas/users.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import type { Scope } from '../context.ts';
import { coachingNews } from '../notifications/events.ts';
import { loadInScope } from './coaching.service.ts';
import { insertNoteRow, listNoteRows } from './coaching-notes.repository.ts';

type NoteRow = Awaited<ReturnType<typeof listNoteRows>>[number];

const viewOf = (r: NoteRow): CoachingNote => ({
  id: r.id,
  sessionId: r.session_id,
  author: r.author,
  authorName: r.display_name ?? r.author,
  createdAt: r.created_at,
  text: r.text,
  forOperator: r.for_operator === 1,
});

/** A session's notes, oldest first: an operator reads only those meant for him. */
export async function coachingNotes(
  stores: Stores,
  id: number,
  user: UserView,
  scope: Scope,
): Promise<CoachingNote[]> {
  await loadInScope(stores, id, scope);
  return (await listNoteRows(stores.db, id, user.role === 'operator')).map(viewOf);
}

/**
 * Adds a note, open session or closed (a word on the follow-up belongs here too), audited as
 * `note` on the session; the operator is told of one meant for him.
 */
export async function addCoachingNote(
  stores: Stores,
  id: number,
  req: NewCoachingNoteRequest,
  user: UserView,
  scope: Scope,
): Promise<CoachingNote> {
  const session = await loadInScope(stores, id, scope);
  const noteId = await stores.db.transaction().execute(async (tx) => {
    const row = {
      session_id: id,
      author: user.username,
      created_at: new Date().toISOString(),
      text: req.text,
      for_operator: req.forOperator ? 1 : 0,
    };
    const noteId = await insertNoteRow(tx, row);
    await audit(tx, {
      actor: user.username,
      action: 'note',
      entity: 'coaching',
      entityId: String(id),
      after: { noteId, text: req.text, forOperator: req.forOperator },
    });
    if (req.forOperator) await coachingNews(tx, 'coachingNote', session.operator_id, id, user.username);
    return noteId;
  });
  const note = (await listNoteRows(stores.db, id, false)).find((n) => n.id === noteId);
  if (!note) throw new Error(`coaching note ${noteId} was not stored`);
  return viewOf(note);
}
