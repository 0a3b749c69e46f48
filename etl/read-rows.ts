import { type DuckDBConnection, STRUCT, structValue, VARCHAR } from '@duckdb/node-api';
import { csvHeader } from './csv-header.ts';
import { CSV_READ, CSV_REJECTS_SQL } from './facts/stage.sql.ts';

export type CanonicalFormat = 'csv' | 'jsonl' | 'parquet';

/** A cell as read: text, or a list of texts (a JSON array). */
export type SourceCell = string | string[] | null;

export interface SourceRow {
  /** Line in the file (CSV: the header is line 1), or the record's ordinal for other formats. */
  line: number;
  cells: Record<string, SourceCell>;
  /** A record the reader could not take as the header's columns: why, and its text. */
  problem?: { reason: string; raw: string };
}

/**
 * The SQL that reads a file as text cells with DuckDB's own readers; every value stays text
 * so validation sees what the file says, not what a type sniffer guessed.
 */
const READERS: Record<Exclude<CanonicalFormat, 'csv'>, string> = {
  // Each line whole, parsed below: a column holding both numbers and text keeps what it says.
  jsonl: `SELECT json FROM read_json_objects($file, format = 'newline_delimited')`,
  parquet: `SELECT COLUMNS(*)::VARCHAR FROM read_parquet($file)`,
};

/**
 * A CSV file's records, with their lines: the reader's rejected records take their own lines, and
 * come back as rows with a problem. The operational kinds' files are small: they are read whole.
 */
async function csvRows(c: DuckDBConnection, file: string): Promise<{ columns: string[]; rows: SourceRow[] }> {
  const { names, delim } = await csvHeader(file);
  if (!names.length) return { columns: [], rows: [] };
  // Read as the fact kinds read a CSV (etl/facts/stage.sql.ts): every column text by the header's
  // names, and a record with more or fewer fields set aside with its line, not padded.
  const result = await c.runAndReadAll(
    `SELECT * FROM ${CSV_READ}`,
    { file, delim, columns: structValue(Object.fromEntries(names.map((n) => [n, 'VARCHAR']))) },
    { columns: STRUCT(Object.fromEntries(names.map((n) => [n, VARCHAR]))) },
  );
  const rejected = (await c.runAndReadAll(CSV_REJECTS_SQL)).getRowObjectsJson().map((r) => ({
    line: Number(r.line),
    raw: String(r.raw ?? ''),
    reason: String(r.reason),
  }));
  await c.run('DROP TABLE IF EXISTS csv_rejects');
  await c.run('DROP TABLE IF EXISTS csv_reject_scans');
  const rejectLines = new Set(rejected.map((r) => r.line));
  const rows: SourceRow[] = rejected.map((r) => ({ line: r.line, cells: {}, problem: r }));
  let line = 2;
  for (const values of result.getRowsJson()) {
    while (rejectLines.has(line)) line++;
    const cells: Record<string, SourceCell> = {};
    names.forEach((col, i) => {
      const v = values[i];
      cells[col] = v == null ? null : String(v);
    });
    rows.push({ line: line++, cells });
  }
  rows.sort((a, b) => a.line - b.line);
  return { columns: names, rows };
}

/** Streams the rows of a file in chunks of about 2,048. */
export async function* readRows(
  c: DuckDBConnection,
  file: string,
  format: CanonicalFormat,
): AsyncGenerator<{ columns: string[]; rows: SourceRow[] }> {
  if (format === 'csv') {
    yield await csvRows(c, file);
    return;
  }
  const result = await c.stream(READERS[format], { file });
  const columns = result.deduplicatedColumnNames();
  // Order is the file's since DuckDB preserves insertion order.
  let line = 1;
  for await (const chunk of result.yieldRowsJson()) {
    if (format === 'jsonl') {
      yield jsonLines(chunk, line);
      line += chunk.length;
      continue;
    }
    const rows = chunk.map((values) => {
      const cells: Record<string, SourceCell> = {};
      columns.forEach((col, i) => {
        const v = values[i];
        cells[col] = v == null ? null : String(v);
      });
      return { line: line++, cells };
    });
    yield { columns, rows };
  }
}

/** Lines of a JSON Lines file as text cells; the columns are every key seen in the chunk. */
function jsonLines(chunk: unknown[][], firstLine: number): { columns: string[]; rows: SourceRow[] } {
  const columns = new Set<string>();
  const rows = chunk.map((values, i): SourceRow => {
    const record = JSON.parse(String(values[0])) as Record<string, unknown>;
    const cells: Record<string, SourceCell> = {};
    for (const [k, v] of Object.entries(record)) {
      columns.add(k);
      // A list of scalars stays a list (pbx_ids as ["1001", "SIP/1001"]); other objects are text.
      cells[k] =
        v == null
          ? null
          : Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')
            ? v.filter((x) => x !== null).map(String)
            : typeof v === 'object'
              ? JSON.stringify(v)
              : String(v);
    }
    return { line: firstLine + i, cells };
  });
  return { columns: [...columns], rows };
}
