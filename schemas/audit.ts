/** The audit log as the API shows it (`GET /api/admin/audit`). */

/** A value as JSON holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One audited change. */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** The record before and after the change, as stored (JSON). */
  before: JsonValue;
  after: JsonValue;
}
export interface AuditResponse {
  entries: AuditEntryView[];
}
