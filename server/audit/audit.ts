import { bumpStoredVersion } from '../../stores/data-version.ts';
import type { Db } from '../../stores/sqlite.ts';
import { insertAuditRow } from './audit.repository.ts';

export interface AuditEntry {
  /** Who: a username, or `cli` for a command run on the server's machine. */
  actor: string;
  /** What, as `verb` (create, update, delete, approve, reopen, login …). */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const FIGURELESS = new Set(['session', 'upload', 'import_mapping', 'notification', 'smtp', 'user_email']);

/**
 * The one way to write the audit log. Call it in the same transaction as the change it records,
 * so a change without its audit row cannot land.
 */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
  // Sign-ins and uploads change no figure (an upload's import counts its own change when it
  // lands); everything else audited may. The stored counter moves in the change's transaction,
  // so every process of the store sees it with the change and never without it.
  if (!FIGURELESS.has(entry.entity)) await bumpStoredVersion(db);
}
