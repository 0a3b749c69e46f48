import { open } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Format } from '../schemas/import-report.ts';
import { columnOf, headerOf } from './asterisk/export-header.ts';
import { PLATFORM_READERS } from './platforms/registry.ts';

const QUEUE_LOG_LINE = /^\d{9,11}\|[^|]*\|[^|]*\|[^|]*\|[A-Z_]+/;
const FIELD = '"[^"]*(?:""[^"]*)*",';
const TIME = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}';
/** A cdr_csv line: quoted fields; start, answer (or nothing) and end in the tenth to twelfth. */
const CDR_LINE = new RegExp(`^(${FIELD}){9}"${TIME}","(${TIME})?","${TIME}"`);
/**
 * A cdr_custom line of cdr_custom.conf.sample's template: quoted fields, clid first; start,
 * answer (or nothing) and end in the ninth to eleventh, date-times or, with `,f`, Unix times.
 */
const STAMP = `(${TIME}|\\d{9,11}\\.\\d+)`;
const CDR_CUSTOM_LINE = new RegExp(`^(${FIELD}){8}"${STAMP}","(${STAMP}|0\\.0+)?","${STAMP}"`);

/** What a table export's header says it is: Asterisk's cdr or queue_log table, or neither. */
function tableOf(first: string): Format | null {
  let names: string[];
  try {
    ({ names } = headerOf(first));
  } catch {
    return null; // a column named twice: the canonical reader says so
  }
  const has = (...wanted: string[]) => wanted.every((w) => columnOf(names, w));
  if (has('calldate', 'uniqueid')) return 'asterisk-cdr-table';
  if (has('time', 'callid', 'queuename', 'event')) return 'queue-log-table';
  return null;
}

/**
 * The format of a file when the user did not say: by extension for JSON Lines and Parquet, by
 * the first line for the telephony formats and canonical CSV. Refuses to guess otherwise.
 */
export async function detectFormat(file: string): Promise<Format> {
  if (/\.parquet$/i.test(file)) return 'parquet';
  let head = '';
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new AppError('bad_request', `cannot read ${file}: ${(e as Error).message}`);
  }
  // A platform's export says what it is in its first bytes (a header, a JSON shape).
  const reader = PLATFORM_READERS.find((r) => r.detect(head, path.basename(file)));
  if (reader) return reader.format;
  if (/\.(jsonl|ndjson|json)$/i.test(file)) return 'jsonl';
  const first = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (QUEUE_LOG_LINE.test(first)) return 'queue-log';
  if (CDR_LINE.test(first)) return 'asterisk-cdr';
  if (CDR_CUSTOM_LINE.test(first)) return 'cdr-custom';
  const table = tableOf(first);
  if (table) return table;
  if (/^[\w"]+[,;]/.test(first) && /[a-z_]/.test(first)) return 'csv';
  if (first === '') return 'csv';
  throw new AppError(
    'bad_request',
    `cannot tell the format of ${path.basename(file)}; name it with --format (csv, jsonl, parquet, asterisk-cdr, asterisk-cdr-table, cdr-custom, queue-log, queue-log-table)`,
  );
}
