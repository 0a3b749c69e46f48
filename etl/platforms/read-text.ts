import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import { stageFileLines } from './file-lines.ts';
import {
  type Delimiter,
  delimitedRowsSql,
  FIRST_LINE_IS_OBJECT_SQL,
  FIRST_LINE_SQL,
  headerFieldsSql,
  JSON_LINES_SQL,
  JSON_OBJECTS_SQL,
} from './text.sql.ts';

/**
 * The file's lines in `file_lines`, staged `batch` lines at a time (file-lines.ts); the first line
 * with text, or null for an empty file.
 */
export async function loadLines(
  c: DuckDBConnection,
  file: string,
  batch?: number,
): Promise<{ line: number; text: string } | null> {
  await stageFileLines(c, file, batch);
  const first = (await c.runAndReadAll(FIRST_LINE_SQL)).getRows()[0];
  return first ? { line: Number(first[0]), text: String(first[1]) } : null;
}

/** The delimiter a header line uses: the one of `,`, `;`, tab it holds most of. */
export function delimiterOf(header: string): Delimiter {
  const count = (d: string) => header.split(d).length;
  const [best] = ([',', ';', '\t'] as const).map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best?.[0] ?? ',';
}

/** A header's column names, lower-cased, `-` read as `_` (3CX writes `time-start`). */
export async function headerNames(c: DuckDBConnection, line: number, d: Delimiter): Promise<string[]> {
  const row = (await c.runAndReadAll(headerFieldsSql(d), { line })).getRows()[0];
  const fields = (row?.[0] as { items: unknown[] } | undefined)?.items ?? [];
  return fields.map((f) =>
    String(f ?? '')
      .trim()
      .toLowerCase()
      .replaceAll('-', '_'),
  );
}

/** Records after line `after` (the header's, or 0), split into `delimited_rows(line, raw, f)`. */
export async function splitRows(c: DuckDBConnection, d: Delimiter, after: number): Promise<void> {
  await c.run(delimitedRowsSql(d), { after });
  // The lines are in delimited_rows now: their memory goes back before the reader's next steps.
  await c.run('DROP TABLE file_lines');
}

/**
 * `f[i]` of a header's column, by its name (the first of `names` the header has), or NULL. The
 * index is a number the reader computed, never text from the file.
 */
export const columnOf =
  (header: readonly string[]) =>
  (...names: string[]): string => {
    for (const n of names) {
      const i = header.indexOf(n);
      if (i >= 0) return `f[${i + 1}]`;
    }
    return 'NULL::VARCHAR';
  };

/** Refuses a file whose header lacks a column the reader needs. */
export function requireColumns(header: readonly string[], needed: string[], what: string): void {
  const missing = needed.filter((n) => !header.includes(n));
  if (missing.length) {
    throw new AppError('bad_request', `the ${what} header has no column ${missing.join(', ')}`);
  }
}

/**
 * JSON records into `json_records(line, raw, j)`: one a line when the first line is an object on
 * its own (JSON Lines), else objects one after another however they are laid out (a pretty-printed
 * file, concatenated records). `j` is null for a line that is not a JSON object.
 */
export async function loadJsonRecords(
  c: DuckDBConnection,
  file: string,
  batch?: number,
): Promise<'lines' | 'objects'> {
  await loadLines(c, file, batch);
  const first = (await c.runAndReadAll(FIRST_LINE_IS_OBJECT_SQL)).getRows()[0];
  const lines = first?.[0] === true;
  if (lines) await c.run(JSON_LINES_SQL);
  await c.run('DROP TABLE file_lines');
  if (lines) return 'lines';
  await c.run(JSON_OBJECTS_SQL, { file });
  return 'objects';
}

/** How many staged records a condition holds (for the notes). */
export async function countWhere(c: DuckDBConnection, table: string, where: string): Promise<number> {
  const row = (await c.runAndReadAll(`SELECT count(*) FROM ${table} WHERE ${where}`)).getRows()[0];
  return Number(row?.[0] ?? 0);
}
