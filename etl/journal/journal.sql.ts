import { REPORT_QUARANTINE_ROWS } from '../import-log.ts';

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

/** Each quarantined row's first line and how many lines its text spans (quoted line breaks). */
export const JOURNAL_SPANS_SQL = `SELECT line, max(length(raw) - length(replace(raw, chr(10), '')) + 1) AS span
FROM import_journal_quarantine WHERE import_id = $importId GROUP BY line ORDER BY line`;

/** The bytes (hex) of quarantined lines, and their text where the file's own could not be read. */
export const QUARANTINE_BYTES_SQL = `CREATE OR REPLACE TEMP TABLE quarantine_bytes AS
SELECT unnest($lines) AS line, unnest($hex) AS bytes_hex, unnest($text) AS text`;

export const SET_RAW_BYTES_SQL = `UPDATE import_journal_quarantine q
SET raw_bytes = unhex(b.bytes_hex), raw = coalesce(b.text, q.raw)
FROM quarantine_bytes b WHERE q.import_id = $importId AND q.line = b.line`;

export const SET_LONG_LINE_SQL = `UPDATE import_journal_quarantine SET raw = '', reason = $reason
WHERE import_id = $importId AND line = $line`;

export const JOURNAL_FIRST_ROWS_SQL = `SELECT line, raw, reason FROM import_journal_quarantine
WHERE import_id = $importId ORDER BY line LIMIT ${REPORT_QUARANTINE_ROWS}`;
