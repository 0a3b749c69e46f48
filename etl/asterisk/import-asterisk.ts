import path from 'node:path';
import { BIGINT, type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { Format, ImportReport } from '../../schemas/import-report.ts';
import { inTransaction } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import {
  beginImport,
  failImport,
  previousImport,
  type QuarantinedRow,
  REPORT_QUARANTINE_ROWS,
  resolveFile,
} from '../import-log.ts';
import { type MendedText, mendedNote, mendText, unreadableReason } from '../input/mend.ts';
import type { InputSource } from '../input/prepare.ts';
import { scanFile } from '../input/scan.ts';
import { finishFromJournal, keepRawBytes, writeJournal } from '../journal/journal.ts';
import { killPoint } from '../kill-point.ts';
import { CDR_LAYOUTS, CDR_UNREADABLE_SQL, CDR_WIDTH_SQL, cdrReadSql, cdrTypedSql } from './cdr.sql.ts';
import { MERGE_CALLS_SQL, REPLACE_CALLS_SQL } from './merge.sql.ts';
import { createPbxMap } from './pbx-map.ts';
import {
  QUEUE_CALLS_SQL,
  QUEUE_LOG_CHECK_SQL,
  QUEUE_LOG_READ_SQL,
  QUEUE_LOG_UNREADABLE_SQL,
} from './queue-log.sql.ts';

export type TelephonyFormat = 'asterisk-cdr' | 'queue-log';
export const isTelephonyFormat = (f: Format): f is TelephonyFormat =>
  f === 'asterisk-cdr' || f === 'queue-log';

export interface AsteriskOptions {
  file: string;
  format: TelephonyFormat;
  actor: string;
  timeZone: string;
  gmtTimes?: boolean;
  fileName?: string;
  /** The file as given, when `file` is a decoded or decompressed copy of it. */
  source?: InputSource;
}

const scalar = async (c: DuckDBConnection, sql: string) =>
  Number((await c.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);

const CDR_COLUMNS =
  'call_id, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start_at, answer_at, end_at, billsec, disposition, userfield';
const QUEUE_COLUMNS =
  'call_id, queue, caller, enter_at, connect_at, agent, wait_s, calltime_s, end_event, end_at, transferred_to';

/**
 * Stages a source's records in `staged`, moves the new and changed ones into its pbx table and
 * lists their call ids in `touched`; returns how many were new or changed.
 */
async function upsertSource(
  c: DuckDBConnection,
  table: 'pbx_cdr' | 'pbx_queue_calls',
  columns: string,
  importId: number,
) {
  await c.run(`CREATE OR REPLACE TEMP TABLE fresh AS
    (SELECT ${columns} FROM staged QUALIFY row_number() OVER (PARTITION BY call_id ORDER BY rowid DESC) = 1)
    EXCEPT (SELECT ${columns} FROM ${table})`);
  await c.run(`DELETE FROM ${table} WHERE call_id IN (SELECT call_id FROM fresh)`);
  await c.run(`INSERT INTO ${table} BY NAME SELECT *, $importId AS import_id FROM fresh`, { importId });
  await c.run('CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT call_id FROM fresh');
  return scalar(c, 'SELECT count(*) FROM fresh');
}

async function quarantined(c: DuckDBConnection, table: string): Promise<QuarantinedRow[]> {
  const rows = (
    await c.runAndReadAll(`SELECT line, raw, problem FROM ${table} WHERE problem IS NOT NULL ORDER BY line`)
  ).getRows();
  return rows.map(([line, raw, problem]) => ({
    line: Number(line),
    raw: String(raw ?? ''),
    reason: String(problem),
  }));
}

/** Quarantines the lines of `table` whose bytes no likely encoding reads as text. */
async function markUnreadable(c: DuckDBConnection, sql: string, mended: MendedText | null) {
  if (!mended?.unreadable.length) return;
  await c.run(
    sql,
    { lines: listValue(mended.unreadable.map(BigInt)), reason: unreadableReason(mended) },
    { lines: LIST(BIGINT), reason: VARCHAR },
  );
}

async function stageCdr(c: DuckDBConnection, file: string, opts: AsteriskOptions, mended: MendedText | null) {
  const width = Number((await c.runAndReadAll(CDR_WIDTH_SQL, { file })).getRows()[0]?.[0] ?? 0);
  if (!CDR_LAYOUTS[width]) {
    throw new AppError(
      'bad_request',
      `${path.basename(file)} has ${width} columns; an Asterisk CDR (Master.csv) has 16, 18 or 21`,
    );
  }
  await c.run(cdrReadSql(width), { file });
  await c.run(cdrTypedSql(width), { tz: opts.timeZone, gmt: opts.gmtTimes ?? false });
  await markUnreadable(c, CDR_UNREADABLE_SQL, mended);
  const bad = await quarantined(c, 'cdr_typed');
  await c.run(
    `CREATE OR REPLACE TEMP TABLE staged AS SELECT ${CDR_COLUMNS} FROM cdr_typed WHERE problem IS NULL ORDER BY line`,
  );
  const read = await scalar(c, 'SELECT count(*) FROM cdr_typed');
  return { bad, read, notes: [`${width}-column CDR`] };
}

async function stageQueueLog(c: DuckDBConnection, file: string, mended: MendedText | null) {
  await c.run(QUEUE_LOG_READ_SQL, { file });
  await c.run(QUEUE_LOG_CHECK_SQL);
  await markUnreadable(c, QUEUE_LOG_UNREADABLE_SQL, mended);
  const bad = await quarantined(c, 'qlog');
  await c.run(QUEUE_CALLS_SQL);
  await c.run(`CREATE OR REPLACE TEMP TABLE staged AS SELECT ${QUEUE_COLUMNS} FROM qcalls ORDER BY call_id`);
  const calls = await scalar(c, 'SELECT count(*) FROM qcalls');
  const lines = await scalar(c, 'SELECT count(*) FROM qlog');
  const agentEvents = await scalar(c, `SELECT count(*) FROM qlog WHERE problem IS NULL AND callid = 'NONE'`);
  // The records of a queue_log are its queued calls: read = calls + quarantined lines.
  return {
    bad,
    read: calls + bad.length,
    notes: [`${lines} lines: ${calls} queued calls, ${agentEvents} agent session events`],
  };
}

/** What the merged calls of this import look like, for the report. */
async function describeCalls(c: DuckDBConnection): Promise<string[]> {
  const [row] = (
    await c.runAndReadAll(`SELECT
      count(*) FILTER (WHERE disposition = 'abandoned'),
      count(*) FILTER (WHERE answered_at IS NOT NULL AND operator_id IS NULL),
      count(*) FILTER (WHERE outcome = 'transferred')
      FROM calls WHERE call_id IN (SELECT call_id FROM touched)`)
  ).getRows();
  const [abandoned, noOperator, transferred] = (row ?? []).map(Number);
  const notes = [`${abandoned} abandoned before an operator answered`, `${transferred} transferred`];
  if (noOperator) notes.push(`${noOperator} answered calls match no operator (pbx_ids); loaded without one`);
  return notes;
}

/**
 * Imports an Asterisk CDR or queue_log: set-based in DuckDB from the file to the calls, in one
 * transaction. Each source is kept as the PBX wrote it; the calls it touches are rebuilt from
 * both sources, so the two files can come in either order and enrich each other.
 */
export async function importAsterisk(target: Stores, opts: AsteriskOptions): Promise<ImportReport> {
  const started = performance.now();
  const { db, analytics } = target;
  const resolved = await resolveFile(opts.file);
  const { file } = resolved;
  const scan = await scanFile(file, resolved.size);
  const base = {
    file: opts.fileName ?? path.basename(file),
    kind: 'calls',
    format: opts.format,
    checksum: scan.checksum,
  };
  const previous = await previousImport(db, base);
  if (previous) return previous;

  const importId = await beginImport(db, base, opts.actor);
  let committed = false;
  // A caller, queue or member name in a legacy encoding makes DuckDB refuse the whole file:
  // its lines are read in their likely encoding instead, one by one (etl/input/mend.ts).
  let mended: MendedText | null = null;
  try {
    if (scan.notUtf8Count) mended = await mendText(file, scan);
    const readable = mended?.file ?? file;
    return await analytics.withConnection(async (c) => {
      await inTransaction(c, async () => {
        let staged: { bad: QuarantinedRow[]; read: number; notes: string[] };
        try {
          staged =
            opts.format === 'asterisk-cdr'
              ? await stageCdr(c, readable, opts, mended)
              : await stageQueueLog(c, readable, mended);
        } catch (e) {
          if (e instanceof AppError) throw e;
          throw new AppError(
            'bad_request',
            `cannot read ${base.file} as ${opts.format}: ${(e as Error).message.split('\n')[0]}`,
          );
        }
        const good = await scalar(c, 'SELECT count(*) FROM staged');
        const loaded = await upsertSource(
          c,
          opts.format === 'asterisk-cdr' ? 'pbx_cdr' : 'pbx_queue_calls',
          opts.format === 'asterisk-cdr' ? CDR_COLUMNS : QUEUE_COLUMNS,
          importId,
        );
        await createPbxMap(db, c);
        await c.run(MERGE_CALLS_SQL);
        for (const sql of REPLACE_CALLS_SQL) await c.run(sql, sql.includes('$importId') ? { importId } : {});
        const notes = [...staged.notes, ...(mended ? [mendedNote(mended)] : []), ...(await describeCalls(c))];
        const report: ImportReport = {
          ...base,
          importId,
          status: 'done',
          message: null,
          read: staged.read,
          loaded,
          quarantined: staged.bad.length,
          duplicates: good - loaded,
          ignoredColumns: [],
          notes,
          quarantine: staged.bad.slice(0, REPORT_QUARANTINE_ROWS),
          seconds: Math.round((performance.now() - started) / 10) / 100,
        };
        // The outcome commits with the rows (etl/journal).
        const source = opts.format === 'asterisk-cdr' ? 'cdr_typed' : 'qlog';
        await writeJournal(
          c,
          report,
          staged.bad.length
            ? `SELECT line, raw, problem AS reason FROM ${source} WHERE problem IS NOT NULL`
            : null,
        );
        if (staged.bad.length && (scan.notUtf8Count || opts.source?.encoding)) {
          // Their text stays as read above, line by line in its own encoding: the scan's lines
          // are not handed on, or they would all be read again in the one likely encoding.
          await keepRawBytes(c, report, opts.source ?? { file, gzip: false, encoding: null }, {
            ...scan,
            notUtf8: [],
          });
        }
        for (const t of [
          'staged',
          'fresh',
          'touched',
          'merged',
          'replaced',
          'pbx_map',
          'cdr_typed',
          'cdr_raw',
          'qlog',
          'qlog_raw',
          'qcalls',
        ])
          await c.run(`DROP TABLE IF EXISTS ${t}`);
        killPoint('before-commit');
      });
      committed = true;
      killPoint('after-commit');
      return finishFromJournal(db, c, importId);
    });
  } catch (e) {
    // Rows committed with their journal: the next start finishes the log from it.
    if (!committed) await failImport(db, importId, e);
    throw e;
  } finally {
    mended?.dispose();
  }
}
