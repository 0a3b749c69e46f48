import type { Insertable, Selectable } from 'kysely';
import type { AuditEntryView } from '../../schemas/audit.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { AuditLogTable } from '../../stores/tables.ts';

export const auditRowToView = (r: Selectable<AuditLogTable>): AuditEntryView => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

/** The latest `limit` entries of the audit log, newest first, of one entity when named. */
export async function listAuditEntries(
  db: Db,
  q: { entity?: string | undefined; limit: number },
): Promise<AuditEntryView[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .$if(q.entity !== undefined, (qb) => qb.where('entity', '=', q.entity as string))
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(auditRowToView);
}

/** Writes one row of the audit log, in the caller's transaction (audit.ts says what goes in it). */
export async function insertAuditRow(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}
