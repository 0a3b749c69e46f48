import { open } from 'node:fs/promises';
import { quotedIdentifier as q } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';

/**
 * The header of a database table exported as CSV (phpMyAdmin, the mysql client, HeidiSQL, a
 * PBX's own report download): its column names and delimiter, `,`, `;` or a tab, whichever
 * separates the most names.
 */
export async function exportHeader(file: string): Promise<{ names: string[]; delim: string }> {
  const fh = await open(file, 'r');
  let line = '';
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    line = (buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  } finally {
    await fh.close();
  }
  return headerOf(line);
}

/** The names of one header line (quotes taken off) and its delimiter. */
export function headerOf(line: string): { names: string[]; delim: string } {
  const unquoted = line.replace(/"[^"]*"/g, 'x');
  const delim = [',', ';', '\t'].reduce((best, d) =>
    unquoted.split(d).length > unquoted.split(best).length ? d : best,
  );
  const names = line.split(delim).map((n) =>
    n
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.toLowerCase();
    if (k && seen.has(k)) {
      throw new AppError('bad_request', `the header names the column "${n}" twice; rename or remove one`);
    }
    seen.add(k);
  }
  return { names, delim };
}

/** The header's name for one of `wanted` (any case), or undefined. */
export const columnOf = (names: readonly string[], ...wanted: string[]) =>
  names.find((n) => wanted.includes(n.toLowerCase()));

/**
 * A column's cell as text: a database export writes a NULL as `NULL` or `\N` (the mysql client,
 * SELECT … INTO OUTFILE), an empty cell as nothing; each is no value.
 */
export const cell = (name: string | undefined) =>
  name === undefined ? 'NULL::VARCHAR' : `nullif(nullif(nullif(trim(${q(name)}), ''), 'NULL'), '\\N')`;

/** The reader of the export: every column text, by the header's names; records that do not fit set aside. */
export const exportRead = (names: readonly string[]) =>
  `read_csv($file, header = true, auto_detect = false, delim = $delim, quote = '"', escape = '"',
    null_padding = false, columns = {${names.map((n) => `'${n.replace(/'/g, "''")}': 'VARCHAR'`).join(', ')}},
    store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans')`;

/** The date-time layouts a database writes a DATETIME or TIMESTAMP column in. */
export const DATE_TIMES = `['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%S.%f', '%Y-%m-%d %H:%M']`;

/**
 * Records set aside by the reader (more or fewer fields than the header) leave gaps: each later
 * record's line moves past them (reject_keys: etl/facts/stage.sql.ts). `table` has `line`.
 */
export const rejectedLinesSql = (table: string) =>
  `UPDATE ${table} SET line = line + coalesce((SELECT max(shift) FROM reject_keys WHERE key <= line - 2), 0)`;
