import { readFile } from 'node:fs/promises';
import { AppError, describeIssues } from '../../core/errors.ts';
import { type ImportMapping, importMapping } from '../../schemas/import-mapping.ts';
import { compileMapping } from './compile.sql.ts';

/**
 * A mapping as sent or saved, checked whole: its schema, then what only the compiler knows (a
 * conversion on a column of another type, a required column left out). The file's columns are
 * checked when a file is read through it. A fault is a 400 naming it.
 */
export function parseMapping(value: unknown): ImportMapping {
  const parsed = importMapping.safeParse(value);
  if (!parsed.success) throw new AppError('bad_request', `mapping: ${describeIssues(parsed.error.issues)}`);
  const m = parsed.data;
  // Compiled against a file that has every column it names: only the mapping's own faults show.
  const named = Object.values(m.columns).flatMap((c) =>
    c.from === undefined ? [] : Array.isArray(c.from) ? c.from : [c.from],
  );
  compileMapping(
    m,
    m.format.type === 'jsonl' ? { type: 'jsonl' } : { type: 'csv', names: named, header: false },
  );
  return m;
}

/** A mapping file (`--map map.json`). */
export async function readMappingFile(file: string): Promise<ImportMapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new AppError('bad_request', `cannot read the mapping ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('bad_request', `the mapping ${file} is not JSON: ${(e as Error).message}`);
  }
  return parseMapping(json);
}
