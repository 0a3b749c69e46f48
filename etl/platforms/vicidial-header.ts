import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import { columnOf, delimiterOf, headerNames, loadLines, requireColumns, splitRows } from './read-text.ts';

/** A VICIdial table's export: its header's column names, lower-cased, from the first line. */
export function headerOf(head: string): string[] {
  const first = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return first.split(delimiterOf(first)).map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase());
}

/** Reads the export's header and records; the columns by name, and the header's width. */
export async function readTableExport(
  c: DuckDBConnection,
  file: string,
  table: string,
  needed: string[],
  lineBatch?: number,
): Promise<{ col: ReturnType<typeof columnOf>; width: number }> {
  const first = await loadLines(c, file, lineBatch);
  if (!first) throw new AppError('bad_request', `the ${table} export is empty`);
  const d = delimiterOf(first.text);
  const header = await headerNames(c, first.line, d);
  requireColumns(header, needed, table);
  await splitRows(c, d, first.line);
  return { col: columnOf(header), width: header.length };
}
