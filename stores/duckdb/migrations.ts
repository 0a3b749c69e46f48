/**
 * Changes to the analytical store after its first schema (ddl.ts, version 1), in order. A file
 * opened at an older version gets each later step once, in a transaction of its own, and its
 * `schema_version` moves with it; a new file gets the first schema and then every step, so both
 * end up the same. Each step must hold on a file that already has rows.
 */
export const DUCKDB_MIGRATIONS: readonly { version: number; statements: readonly string[] }[] = [
  {
    // An import's outcome travels with its rows: the rows of an import, its report and its
    // quarantined rows commit in one DuckDB transaction, so that a process killed before the
    // import log (SQLite) is told can be finished from here on the next start.
    version: 2,
    statements: [
      // Files made before import ids existed: their rows belong to no import.
      ...['clients', 'debts', 'calls', 'orders', 'pbx_cdr', 'pbx_queue_calls'].map(
        (t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS import_id BIGINT`,
      ),
      `CREATE TABLE IF NOT EXISTS import_journal (
        import_id BIGINT NOT NULL PRIMARY KEY,
        report VARCHAR NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS import_journal_quarantine (
        import_id BIGINT NOT NULL,
        line BIGINT NOT NULL,
        raw VARCHAR NOT NULL,
        raw_bytes BLOB,
        reason VARCHAR NOT NULL
      )`,
    ],
  },
];
