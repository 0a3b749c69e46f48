import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import { CSV_REJECT_KEYS_SQL, CSV_REJECTS_SQL } from '../facts/stage.sql.ts';
import { CDR_LAYOUTS, CDR_WIDTH_SQL, cdrReadSql } from './cdr.sql.ts';
import { CDR_CUSTOM_LAYOUT, CDR_CUSTOM_WIDTH_SQL, cdrCustomReadSql } from './cdr-custom.sql.ts';
import { CDR_TABLE_COLUMNS, CDR_TABLE_REQUIRED, cdrTableReadSql } from './cdr-table.sql.ts';
import { columnOf, exportHeader, rejectedLinesSql } from './export-header.ts';
import { QUEUE_LOG_READ_SQL } from './queue-log.sql.ts';
import {
  QUEUE_LOG_TABLE_COLUMNS,
  QUEUE_LOG_TABLE_REQUIRED,
  queueLogTableReadSql,
} from './queue-log-table.sql.ts';

/** The formats whose records are CDR legs, read into `cdr_raw`. */
export const CDR_FORMATS = ['asterisk-cdr', 'asterisk-cdr-table', 'cdr-custom'] as const;
/** The formats whose records are queue_log events, read into `qlog_raw`. */
export const QUEUE_LOG_FORMATS = ['queue-log', 'queue-log-table'] as const;
export type CdrFormat = (typeof CDR_FORMATS)[number];
export type QueueLogFormat = (typeof QUEUE_LOG_FORMATS)[number];

export interface SourceRead {
  /** How the records were read, for the report's first note ("21-column CDR"). */
  label: string;
  /** Columns of a table export that nothing reads. */
  ignored: string[];
  /** Whether `width` was the 21 columns of cdr_raw a reader fills, with its `_raw` and `_problem`. */
  width: number;
  own: 'layout' | 'reader';
}

interface ReadOptions {
  timeZone: string;
  gmtTimes?: boolean | undefined;
}

/** The columns of a table export: those read, the ones missing of `required`, and the rest. */
async function tableColumns(
  file: string,
  columns: Record<string, string[]>,
  required: string[],
  what: string,
) {
  const { names, delim } = await exportHeader(file);
  const missing = required.filter((f) => !columnOf(names, ...(columns[f] as string[])));
  if (missing.length) {
    throw new AppError(
      'bad_request',
      `${path.basename(file)} has no column ${missing.map((f) => (columns[f] as string[]).join(' or ')).join(', ')} (required in ${what})`,
    );
  }
  const known = new Set(Object.values(columns).flat());
  return { names, delim, ignored: names.filter((n) => !known.has(n.toLowerCase())) };
}

/** Records of a table export the reader set aside: quarantined with their lines, the others' lines moved past them. */
async function settleRejects(c: DuckDBConnection, raw: string, typed: string) {
  const rejected = Number((await c.runAndReadAll('SELECT count(*) FROM csv_rejects')).getRows()[0]?.[0] ?? 0);
  if (rejected) {
    await c.run(CSV_REJECT_KEYS_SQL);
    await c.run(rejectedLinesSql(raw));
  }
  return async () => {
    if (rejected)
      await c.run(
        `INSERT INTO ${typed} BY NAME SELECT line, raw, reason AS problem FROM (${CSV_REJECTS_SQL})`,
      );
    for (const t of ['csv_rejects', 'csv_reject_scans', 'reject_keys'])
      await c.run(`DROP TABLE IF EXISTS ${t}`);
  };
}

/**
 * Fills `cdr_raw` from a CDR of any format; returns what cdrTypedSql needs and a step to run once
 * `cdr_typed` exists (the records a table's reader set aside join its quarantine).
 */
export async function readCdr(
  c: DuckDBConnection,
  file: string,
  format: CdrFormat,
  opts: ReadOptions,
): Promise<SourceRead & { after: () => Promise<void> }> {
  const none = async () => {};
  if (format === 'asterisk-cdr-table') {
    const { names, delim, ignored } = await tableColumns(
      file,
      CDR_TABLE_COLUMNS,
      CDR_TABLE_REQUIRED,
      'a cdr table',
    );
    await c.run(cdrTableReadSql(names), { file, delim });
    const after = await settleRejects(c, 'cdr_raw', 'cdr_typed');
    return { label: `cdr table (${names.length} columns)`, ignored, width: 21, own: 'reader', after };
  }
  if (format === 'cdr-custom') {
    const width = Number((await c.runAndReadAll(CDR_CUSTOM_WIDTH_SQL, { file })).getRows()[0]?.[0] ?? 0);
    if (width < CDR_CUSTOM_LAYOUT.length) {
      throw new AppError(
        'bad_request',
        `${path.basename(file)} has ${width} fields; the cdr_custom layout read (cdr_custom.conf.sample) has ${CDR_CUSTOM_LAYOUT.length}: read another template with a mapping (--map)`,
      );
    }
    await c.run(cdrCustomReadSql(width), { file, tz: opts.timeZone, gmt: opts.gmtTimes ?? false });
    const extra = width - CDR_CUSTOM_LAYOUT.length;
    const label = `cdr_custom (the sample's ${CDR_CUSTOM_LAYOUT.length} fields${extra ? `; ${extra} more after them not read` : ''})`;
    return { label, ignored: [], width: 21, own: 'reader', after: none };
  }
  const width = Number((await c.runAndReadAll(CDR_WIDTH_SQL, { file })).getRows()[0]?.[0] ?? 0);
  if (!CDR_LAYOUTS[width]) {
    throw new AppError(
      'bad_request',
      `${path.basename(file)} has ${width} columns; an Asterisk CDR (Master.csv) has 16, 18 or 21`,
    );
  }
  await c.run(cdrReadSql(width), { file });
  return { label: `${width}-column CDR`, ignored: [], width, own: 'layout', after: none };
}

/** Fills `qlog_raw` from a queue_log of any format; the step to run once `qlog` exists. */
export async function readQueueLog(
  c: DuckDBConnection,
  file: string,
  format: QueueLogFormat,
  opts: ReadOptions,
): Promise<{ ignored: string[]; after: () => Promise<void> }> {
  if (format === 'queue-log-table') {
    const { names, delim, ignored } = await tableColumns(
      file,
      QUEUE_LOG_TABLE_COLUMNS,
      QUEUE_LOG_TABLE_REQUIRED,
      'a queue_log table',
    );
    await c.run(queueLogTableReadSql(names), { file, delim, tz: opts.timeZone, gmt: opts.gmtTimes ?? false });
    return { ignored, after: await settleRejects(c, 'qlog_raw', 'qlog') };
  }
  await c.run(QUEUE_LOG_READ_SQL, { file });
  return { ignored: [], after: async () => {} };
}
