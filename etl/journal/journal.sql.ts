/**
 * The import journal (DuckDB): an import's report and quarantined rows, written in the same
 * transaction as its rows, kept until the import log (SQLite) holds them. `$importId` is bound.
 */

export const JOURNAL_REPORT_SQL =
  'INSERT INTO import_journal (import_id, report) VALUES ($importId, $report)';

/** The quarantined rows of a query giving `line, raw, reason`. */
export const journalQuarantineSql = (rows: string) =>
  `INSERT INTO import_journal_quarantine (import_id, line, raw, reason)
SELECT $importId, line, coalesce(raw, ''), reason FROM (${rows})`;

export const JOURNAL_ENTRY_SQL = 'SELECT report FROM import_journal WHERE import_id = $importId';

/** Raw bytes go out as hex: DuckDB's JSON rows give a BLOB as escaped text. */
export const JOURNAL_QUARANTINE_SQL = `SELECT line, raw, hex(raw_bytes) AS raw_bytes, reason
FROM import_journal_quarantine WHERE import_id = $importId ORDER BY line`;

export const JOURNAL_IDS_SQL = 'SELECT import_id FROM import_journal ORDER BY import_id';

export const CLEAR_JOURNAL_SQL = [
  'DELETE FROM import_journal_quarantine WHERE import_id = $importId',
  'DELETE FROM import_journal WHERE import_id = $importId',
] as const;

/** Lines of this import's quarantined rows, for their bytes (journalRawBytes). */
export const JOURNAL_LINES_SQL =
  'SELECT DISTINCT line FROM import_journal_quarantine WHERE import_id = $importId ORDER BY line';

/** The bytes of each quarantined line, from a temp table `quarantine_bytes(line, bytes_hex)`. */
export const SET_RAW_BYTES_SQL = `UPDATE import_journal_quarantine q SET raw_bytes = unhex(b.bytes_hex)
FROM quarantine_bytes b WHERE q.import_id = $importId AND q.line = b.line`;
