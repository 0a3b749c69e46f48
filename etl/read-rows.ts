import type { DuckDBConnection } from '@duckdb/node-api';
export type CanonicalFormat = 'csv' | 'jsonl' | 'parquet';

export interface SourceRow {
  /** Line in the file (CSV: the header is line 1), or the record's ordinal for other formats. */
  line: number;
  cells: Record<string, string | null>;
}

/**
 * The SQL that reads a file as text cells with DuckDB's own readers; every value stays text
 * so validation sees what the file says, not what a type sniffer guessed.
 */
const READERS: Record<CanonicalFormat, string> = {
  // The sniffer finds the delimiter (`,` or `;`) and quoting; a UTF-8 BOM is skipped.
  // Short rows are padded with nulls so they fail validation one by one instead of the sniffer.
  csv: `SELECT * FROM read_csv($file, header = true, all_varchar = true, null_padding = true)`,
  // Each line whole, parsed below: a column holding both numbers and text keeps what it says.
  jsonl: `SELECT json FROM read_json_objects($file, format = 'newline_delimited')`,
  parquet: `SELECT COLUMNS(*)::VARCHAR FROM read_parquet($file)`,
};

/** Streams the rows of a file in chunks of about 2,048. */
export async function* readRows(
  c: DuckDBConnection,
  file: string,
  format: CanonicalFormat,
): AsyncGenerator<{ columns: string[]; rows: SourceRow[] }> {
  const result = await c.stream(READERS[format], { file });
  const columns = result.deduplicatedColumnNames();
  // CSV data starts on line 2; order is the file's since DuckDB preserves insertion order.
  let line = format === 'csv' ? 2 : 1;
  for await (const chunk of result.yieldRowsJson()) {
    if (format === 'jsonl') {
      yield jsonLines(chunk, line);
      line += chunk.length;
      continue;
    }
    const rows = chunk.map((values) => {
      const cells: Record<string, string | null> = {};
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
    const cells: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(record)) {
      columns.add(k);
      cells[k] = v == null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    return { line: firstLine + i, cells };
  });
  return { columns: [...columns], rows };
}
