import path from 'node:path';
import { BIGINT, type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import { PBX_SOURCE } from '../../core/pbx-call-id.ts';
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
import { timed } from '../timings.ts';
import { CDR_UNREADABLE_SQL, cdrTypedSql } from './cdr.sql.ts';
import { HORIZON_SQL, MEMBER_TEMP_TABLES } from './member-events.sql.ts';
import { addMemberStates } from './member-import.ts';
import { DIALLED_SIDE, MERGE_CALLS_SQL, PBX_ANSWERED_SQL, REPLACE_CALLS_SQL } from './merge.sql.ts';
import { createPbxMap } from './pbx-map.ts';
import {
  OPEN_CALLS_SQL,
  QUEUE_CALLS_SQL,
  QUEUE_EVENTS_FRESH_SQL,
  QUEUE_LOG_CHECK_SQL,
  QUEUE_LOG_UNREADABLE_SQL,
} from './queue-log.sql.ts';
import { CDR_FORMATS, type CdrFormat, QUEUE_LOG_FORMATS, readCdr, readQueueLog } from './read-sources.ts';
import { clockNote } from './uniqueid-clock.ts';

export type TelephonyFormat = (typeof CDR_FORMATS)[number] | (typeof QUEUE_LOG_FORMATS)[number];
const isCdrFormat = (f: Format): f is CdrFormat => (CDR_FORMATS as readonly Format[]).includes(f);
/** Asterisk's own records, files or tables, read through the same leg folding and queue events. */
export const isTelephonyFormat = (f: Format): f is TelephonyFormat =>
  isCdrFormat(f) || (QUEUE_LOG_FORMATS as readonly Format[]).includes(f);

export interface AsteriskOptions {
  file: string;
  format: TelephonyFormat;
  actor: string;
  timeZone: string;
  gmtTimes?: boolean;
  fileName?: string;
  /** The file as given, when `file` is a decoded or decompressed copy of it. */
  source?: InputSource;
  /**
   * The PBX the file comes from, when several feed one data directory: its call ids become
   * `NAME:uniqueid`, so two servers' uniqueids never meet.
   */
  pbx?: string | undefined;
  /** Seconds spent in each timed step, added here when given (the benchmarks print them). */
  timings?: Record<string, number> | undefined;
}

export { PBX_SOURCE };

const scalar = async (c: DuckDBConnection, sql: string) =>
  Number((await c.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);

const CDR_COLUMNS =
  'call_id, uniqueid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, start_at, answer_at, end_at, billsec, disposition, userfield';
/**
 * Adds the legs of `staged` that pbx_cdr does not hold yet (a row repeated, in this file or an
 * earlier one, is one leg) and lists their calls in `touched`; returns how many were new.
 */
async function addCdrLegs(c: DuckDBConnection, importId: number) {
  await c.run(`CREATE OR REPLACE TEMP TABLE fresh AS
    (SELECT DISTINCT ${CDR_COLUMNS} FROM staged)
    EXCEPT (SELECT ${CDR_COLUMNS} FROM pbx_cdr WHERE call_id IN (SELECT call_id FROM staged))`);
  await c.run(`INSERT INTO pbx_cdr BY NAME SELECT *, $importId AS import_id FROM fresh`, { importId });
  await c.run('CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT call_id FROM fresh');
  return scalar(c, 'SELECT count(*) FROM fresh');
}

/**
 * Adds the call events of the file that pbx_queue_events does not hold yet and rebuilds the
 * record of every call they belong to from all its events, so that a call cut by a rotation is
 * whole once both files are in. Returns how many calls got new events.
 */
async function addQueueEvents(c: DuckDBConnection, importId: number) {
  await c.run(QUEUE_EVENTS_FRESH_SQL);
  await c.run(`INSERT INTO pbx_queue_events BY NAME SELECT *, $importId AS import_id FROM fresh_events`, {
    importId,
  });
  await c.run('CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT call_id FROM fresh_events');
  await c.run(QUEUE_CALLS_SQL);
  await c.run('DELETE FROM pbx_queue_calls WHERE call_id IN (SELECT call_id FROM touched)');
  await c.run(`INSERT INTO pbx_queue_calls BY NAME SELECT *, $importId AS import_id FROM qcalls`, {
    importId,
  });
  return scalar(c, 'SELECT count(*) FROM touched');
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

const prefixOf = (opts: AsteriskOptions) => (opts.pbx ? `${opts.pbx}:` : '');

async function stageCdr(
  c: DuckDBConnection,
  file: string,
  format: CdrFormat,
  opts: AsteriskOptions,
  mended: MendedText | null,
) {
  const source = await readCdr(c, file, format, opts);
  await c.run(cdrTypedSql(source.width, source.own), {
    tz: opts.timeZone,
    gmt: opts.gmtTimes ?? false,
    prefix: prefixOf(opts),
  });
  await source.after();
  await markUnreadable(c, CDR_UNREADABLE_SQL, mended);
  const bad = await quarantined(c, 'cdr_typed');
  await c.run(
    `CREATE OR REPLACE TEMP TABLE staged AS SELECT ${CDR_COLUMNS} FROM cdr_typed WHERE problem IS NULL ORDER BY line`,
  );
  const read = await scalar(c, 'SELECT count(*) FROM cdr_typed');
  const [rows, legs, calls, dialled] = (
    await c.runAndReadAll(`SELECT (SELECT count(*) FROM staged), count(*), count(DISTINCT call_id),
      count(*) FILTER (WHERE upper(lastapp) IN ${DIALLED_SIDE})
      FROM (SELECT DISTINCT ${CDR_COLUMNS} FROM staged)`)
  ).getRows()[0] as bigint[];
  const notes = [`${source.label}: ${rows} rows, ${legs} legs of ${calls} calls`];
  if (dialled)
    notes.push(`${dialled} legs of a dialled phone (AppDial, AppQueue): part of their call, never a call`);
  const clock = await clockNote(c, opts);
  if (clock) notes.push(clock);
  return { bad, read, good: Number(rows), notes, ignored: source.ignored };
}

async function stageQueueLog(
  c: DuckDBConnection,
  file: string,
  format: (typeof QUEUE_LOG_FORMATS)[number],
  opts: AsteriskOptions,
  mended: MendedText | null,
) {
  const source = await readQueueLog(c, file, format, opts);
  await c.run(QUEUE_LOG_CHECK_SQL, { prefix: prefixOf(opts) });
  await source.after();
  await markUnreadable(c, QUEUE_LOG_UNREADABLE_SQL, mended);
  const bad = await quarantined(c, 'qlog');
  const [lines, calls, callEvents, memberEvents] = (
    await c.runAndReadAll(`SELECT count(*), count(DISTINCT callid) FILTER (WHERE problem IS NULL AND class = 'call'),
      count(*) FILTER (WHERE problem IS NULL AND class = 'call'),
      count(*) FILTER (WHERE problem IS NULL AND class = 'member') FROM qlog`)
  ).getRows()[0] as bigint[];
  const noted = (
    await c.runAndReadAll(`SELECT event, count(*) FROM qlog
      WHERE problem IS NULL AND class = 'call' AND event IN ('AGENTCALLED', 'RINGCANCELED', 'AGENTDUMP', 'DID', 'INFO', 'HOLD', 'UNHOLD')
      GROUP BY event ORDER BY event`)
  ).getRows();
  const notes = [
    `${lines} lines: ${callEvents} events of ${calls} calls, ${memberEvents} events of queue members and queues`,
  ];
  if (noted.length) {
    notes.push(`read but carrying nothing for the calls: ${noted.map(([e, n]) => `${n} ${e}`).join(', ')}`);
  }
  // The records of a queue_log are its calls: read = calls + quarantined lines.
  return { bad, read: Number(calls) + bad.length, good: Number(calls), notes, ignored: source.ignored };
}

/** What the merged calls of this import look like, for the report. */
async function describeCalls(c: DuckDBConnection): Promise<string[]> {
  const [row] = (
    await c.runAndReadAll(`SELECT
      count(*) FILTER (WHERE disposition = 'abandoned'),
      count(*) FILTER (WHERE answered_at IS NOT NULL AND operator_id IS NULL),
      count(*) FILTER (WHERE outcome = 'transferred')
      FROM calls WHERE call_id IN (SELECT call_id FROM merged)`)
  ).getRows();
  const [abandoned, noOperator, transferred] = (row ?? []).map(Number);
  const [pbxOnly] = (await c.runAndReadAll(PBX_ANSWERED_SQL)).getRows()[0] as bigint[];
  const notes = [`${abandoned} abandoned before an operator answered`, `${transferred} transferred`];
  if (pbxOnly) {
    notes.push(
      `${pbxOnly} answered by the PBX alone (IVR, voicemail, conference …), no one took them: not handled calls`,
    );
  }
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
  if (opts.pbx !== undefined && !PBX_SOURCE.test(opts.pbx)) {
    throw new AppError(
      'bad_request',
      `source "${opts.pbx}" must be a short name: letters, digits, ".", "_" or "-", up to 32`,
    );
  }
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
        let staged: {
          bad: QuarantinedRow[];
          read: number;
          good: number;
          notes: string[];
          ignored: string[];
        };
        const format = opts.format;
        try {
          staged = isCdrFormat(format)
            ? await stageCdr(c, readable, format, opts, mended)
            : await stageQueueLog(c, readable, format, opts, mended);
        } catch (e) {
          if (e instanceof AppError) throw e;
          throw new AppError(
            'bad_request',
            `cannot read ${base.file} as ${opts.format}: ${(e as Error).message.split('\n')[0]}`,
          );
        }
        // Where the queue_log read so far ended, before this file: logins open there run on.
        const horizon = isCdrFormat(format) ? 0 : await scalar(c, HORIZON_SQL);
        const loaded = isCdrFormat(format)
          ? await addCdrLegs(c, importId)
          : await addQueueEvents(c, importId);
        await createPbxMap(db, c);
        await c.run(MERGE_CALLS_SQL);
        for (const sql of REPLACE_CALLS_SQL) await c.run(sql, sql.includes('$importId') ? { importId } : {});
        const open = isCdrFormat(format) ? 0 : await scalar(c, OPEN_CALLS_SQL);
        const memberNotes = isCdrFormat(format)
          ? []
          : await timed(opts.timings, 'operator states', () =>
              addMemberStates(c, importId, opts.pbx ?? '', horizon),
            );
        const notes = [
          ...staged.notes,
          ...(mended ? [mendedNote(mended)] : []),
          ...(opts.pbx ? [`source ${opts.pbx}: its call ids are written ${opts.pbx}:uniqueid`] : []),
          ...(await describeCalls(c)),
          ...(open
            ? [
                `calls not over when the file ends (no hang-up yet): ${open}; kept, and loaded when a later file brings their end`,
              ]
            : []),
          ...memberNotes,
        ];
        const report: ImportReport = {
          ...base,
          importId,
          status: 'done',
          message: null,
          read: staged.read,
          loaded,
          quarantined: staged.bad.length,
          duplicates: staged.good - loaded,
          ignoredColumns: staged.ignored,
          notes,
          quarantine: staged.bad.slice(0, REPORT_QUARANTINE_ROWS),
          seconds: Math.round((performance.now() - started) / 10) / 100,
        };
        // The outcome commits with the rows (etl/journal).
        const source = isCdrFormat(format) ? 'cdr_typed' : 'qlog';
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
          'fresh_events',
          'touched',
          'merged',
          'replaced',
          'pbx_map',
          'cdr_typed',
          'cdr_raw',
          'qlog',
          'qlog_raw',
          'qcalls',
          ...MEMBER_TEMP_TABLES,
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
