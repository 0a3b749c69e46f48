import { splitCsvLine } from '../../../../core/csv-line.ts';

/**
 * The columns a chosen file offers the mapping form, read from its first line in the browser:
 * a CSV header's names (RFC 4180 quoting), `#1`, `#2` … for a file without one, or the keys of a
 * JSON line (nested ones as `a.b`).
 */
export async function fileColumns(
  file: File,
  format: { type: 'csv'; delimiter: string; header: boolean } | { type: 'jsonl' },
): Promise<string[]> {
  const text = await file.slice(0, 65_536).text();
  const line = (text.split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  if (format.type === 'jsonl') {
    try {
      return keysOf(JSON.parse(line), '');
    } catch {
      return [];
    }
  }
  const delim = format.delimiter === '\\t' ? '\t' : format.delimiter;
  const fields = splitCsvLine(line, delim);
  return format.header ? fields : fields.map((_, i) => `#${i + 1}`);
}

function keysOf(v: unknown, prefix: string): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return prefix ? [prefix] : [];
  return Object.entries(v).flatMap(([k, x]) => keysOf(x, prefix ? `${prefix}.${k}` : k));
}
