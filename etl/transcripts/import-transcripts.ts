import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BIGINT,
  BOOLEAN,
  type DuckDBConnection,
  INTEGER,
  LIST,
  listValue,
  STRUCT,
  structValue,
  VARCHAR,
} from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { ImportReport } from '../../schemas/import-report.ts';
import { TRANSCRIPTS } from '../../schemas/kinds.ts';
import { inTransaction } from '../../stores/duckdb.ts';
import { insertStemmed } from '../../stores/lexicon/lexicon.ts';
import type { Stores } from '../../stores/stores.ts';
import { csvHeader } from '../csv-header.ts';
import { CSV_READ } from '../facts/stage.sql.ts';
import type { ImportOptions } from '../import-file.ts';
import {
  dropReservedImport,
  failImport,
  previousImport,
  REPORT_QUARANTINE_ROWS,
  reserveImport,
  resolveFile,
} from '../import-log.ts';
import { LongLinesError, longLineReason } from '../input/prepare.ts';
import { encodingNote, scanFile } from '../input/scan.ts';
import { finishFromJournal, keepRawBytes, writeJournal } from '../journal/journal.ts';
import { killPoint } from '../kill-point.ts';
import { timed } from '../timings.ts';
import {
  CSV_REBUILT,
  DELETE_REPLACED_SQL,
  FIGURES_SQL,
  finalSql,
  HAS_TRANSCRIPTS_SQL,
  INSERT_TRANSCRIPTS_SQL,
  insertSegmentsSql,
  JSONL_REBUILT,
  KEYS_SQL,
  LOAD_SEGMENTS_SQL,
  LOADING_SQL,
  quarantineSql,
} from './load.sql.ts';
import { fileStem, type PerCallTranscript } from './per-call.ts';
import {
  CALLS_NAMED_SQL,
  CREATE_TABLES_SQL,
  CSV_COLUMNS,
  CSV_REQUIRED,
  csvLinesSql,
  csvRowsSql,
  csvTranscriptsSql,
  JSONL_DOCS_SQL,
  jsonlRowsSql,
  jsonlTranscriptsSql,
  LONG_LINES_SQL,
  PER_CALL_ROWS_SQL,
  PER_CALL_TRANSCRIPT_SQL,
  REJECT_COUNT_SQL,
  REJECTED_LINES_SQL,
  rowsViewSql,
  TRANSCRIPT_TABLES,
} from './stage.sql.ts';
import { parseWebVtt } from './webvtt.ts';
import { parseWhisper } from './whisper.ts';

export type TranscriptFormat = 'jsonl' | 'csv' | 'vtt' | 'whisper-json';
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['jsonl', 'csv', 'vtt', 'whisper-json'];
export const isTranscriptFormat = (f: string): f is TranscriptFormat =>
  (TRANSCRIPT_FORMATS as readonly string[]).includes(f);

const scalar = async (c: DuckDBConnection, sql: string) => (await c.runAndReadAll(sql)).getRows()[0]?.[0];

/** Stages a JSON Lines file: every line read and parsed once by DuckDB, its segments unnested in SQL. */
async function stageJsonl(c: DuckDBConnection, file: string, t?: Record<string, number>): Promise<void> {
  await timed(t, 'read and parse', () => c.run(JSONL_DOCS_SQL, { file }));
  const rejects = Number(await scalar(c, REJECT_COUNT_SQL)) > 0;
  if (rejects) await c.run(REJECTED_LINES_SQL);
  await c.run(rowsViewSql(jsonlRowsSql(rejects)));
  await c.run(jsonlTranscriptsSql(rejects));
}

/** Stages a CSV of segments, read by DuckDB's CSV reader as the fact kinds' files are. */
async function stageCsv(c: DuckDBConnection, file: string, name: string): Promise<string[]> {
  const { names, delim } = await csvHeader(file);
  if (!names.length) {
    await c.run(rowsViewSql(null));
    return [];
  }
  const missing = CSV_REQUIRED.filter((col) => !names.includes(col));
  if (missing.length) {
    throw new AppError(
      'bad_request',
      `${name} has no column ${missing.join(', ')} (required for transcripts)`,
    );
  }
  await c.run(
    csvLinesSql(CSV_READ),
    { file, delim, columns: structValue(Object.fromEntries(names.map((n) => [n, 'VARCHAR']))) },
    { columns: STRUCT(Object.fromEntries(names.map((n) => [n, VARCHAR]))) },
  );
  // Records set aside (the wrong number of fields, not UTF-8) are known once the file is read.
  const rejects = Number(await scalar(c, REJECT_COUNT_SQL)) > 0;
  if (rejects) await c.run(REJECTED_LINES_SQL);
  const present = CSV_COLUMNS.filter((col) => names.includes(col));
  await c.run(csvRowsSql(present, rejects));
  await c.run(csvTranscriptsSql(present, rejects));
  await c.run('DROP TABLE tr_lines');
  await c.run(rowsViewSql(null));
  return names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
}

/** Stages a per-call file: parsed here, its call found by its name (the call id, or a recording's). */
async function stagePerCall(c: DuckDBConnection, parsed: PerCallTranscript, fileName: string): Promise<void> {
  const { stem, language: named } = fileStem(fileName);
  const calls = (await c.runAndReadAll(CALLS_NAMED_SQL, { stem })).getRows().map((r) => String(r[0]));
  const language = (parsed.language ?? named)?.trim().toLowerCase() || null;
  const staged =
    calls.length === 0
      ? `the file name "${stem}" is not a known call_id nor a call's recording; import calls first`
      : calls.length > 1
        ? `the file name "${stem}" is the recording of several calls (${calls.slice(0, 2).join(', ')}, …): name the file by its call_id`
        : language === null
          ? `language: is required (a "Language: ru" line in the WebVTT header, or the file named ${stem}.ru.vtt)`
          : null;
  const rows = parsed.rows;
  const list = (values: (string | null)[]) => listValue(values);
  await c.run(
    PER_CALL_ROWS_SQL,
    {
      line: listValue(rows.map((r) => BigInt(r.line))),
      idx: listValue(rows.map((r) => r.idx)),
      speaker: list(rows.map((r) => r.speaker)),
      start_s: list(rows.map((r) => r.start_s)),
      end_s: list(rows.map((r) => r.end_s)),
      text: list(rows.map((r) => r.text)),
      problem: list(rows.map((r) => r.problem)),
      raw: list(rows.map((r) => r.raw)),
    },
    {
      line: LIST(BIGINT),
      idx: LIST(INTEGER),
      speaker: LIST(VARCHAR),
      start_s: LIST(VARCHAR),
      end_s: LIST(VARCHAR),
      text: LIST(VARCHAR),
      problem: LIST(VARCHAR),
      raw: LIST(VARCHAR),
    },
  );
  await c.run(rowsViewSql(null));
  const firstLine = rows.find((r) => r.idx > 0)?.line ?? 1;
  await c.run(
    PER_CALL_TRANSCRIPT_SQL,
    {
      firstLine: BigInt(firstLine),
      callId: calls.length === 1 ? (calls[0] as string) : stem,
      language,
      engine: parsed.engine,
      staged,
    },
    { firstLine: BIGINT, callId: VARCHAR, language: VARCHAR, engine: VARCHAR, staged: VARCHAR },
  );
}

/**
 * Imports a file of transcripts in one DuckDB transaction, with its journal, as the fact kinds
 * are: JSON Lines and CSV read and checked set-based by DuckDB, a per-call WebVTT or whisper file
 * parsed here. A transcript replaces the stored one of its call whole; the same transcript again
 * is a duplicate; a file imported before (same checksum) changes nothing.
 */
export async function importTranscripts(
  target: Stores,
  format: TranscriptFormat,
  opts: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const { db, analytics } = target;
  const t = opts.timings;
  const { file, size } = await resolveFile(opts.file);
  const name = opts.fileName ?? path.basename(file);
  const scan = await timed(t, 'checksum', () => scanFile(file, size));
  // A per-call file's name says whose transcript it is: two calls' files of the same bytes (a short
  // "hello" alone) are two transcripts, not one file imported twice.
  const checksum =
    format === 'vtt' || format === 'whisper-json'
      ? createHash('sha256')
          .update(`${fileStem(name).stem}\0${scan.checksum}`)
          .digest('hex')
      : scan.checksum;
  const base = { file: name, kind: TRANSCRIPTS, format, checksum };
  const previous = await previousImport(db, base);
  if (previous) return previous;
  // A line too long for DuckDB's reader: the file is read again without it (importFile).
  if (scan.longLines.length && (format === 'jsonl' || format === 'csv'))
    throw new LongLinesError(scan.longLines);
  // A per-call file is small: read whole, parsed before anything is written.
  const perCall =
    format === 'vtt'
      ? parseWebVtt(await readFile(file), name)
      : format === 'whisper-json'
        ? parseWhisper(await readFile(file), name)
        : null;

  return analytics.withConnection(async (c) => {
    let importId: number | null = null;
    let committed = false;
    try {
      const id = await reserveImport(db, { file: name, kind: TRANSCRIPTS, format }, opts.actor);
      importId = id;
      const idParams = { importId: id };
      const idTypes = { importId: BIGINT };
      const report = await inTransaction(c, async () => {
        for (const sql of CREATE_TABLES_SQL) await c.run(sql);
        let ignoredColumns: string[] = [];
        // Stored rows have no order to keep; without it DuckDB writes in parallel, in less memory.
        await c.run('SET preserve_insertion_order = false');
        await timed(t, 'stage (all)', async () => {
          try {
            if (perCall) await stagePerCall(c, perCall, name);
            else if (format === 'jsonl') await stageJsonl(c, file, t);
            else ignoredColumns = await stageCsv(c, file, name);
            const long = opts.longLines ?? [];
            if (long.length) {
              await c.run(
                LONG_LINES_SQL,
                {
                  lines: listValue(long.map((l) => BigInt(l.line))),
                  reasons: listValue(long.map(longLineReason)),
                  transcriptPerLine: format === 'jsonl',
                },
                { lines: LIST(BIGINT), reasons: LIST(VARCHAR), transcriptPerLine: BOOLEAN },
              );
            }
          } catch (e) {
            if (e instanceof AppError) throw e;
            throw new AppError(
              'bad_request',
              `cannot read ${name} as ${format}: ${(e as Error).message.split('\n')[0]}`,
            );
          }
        });
        await timed(t, 'check', async () => {
          await c.run(KEYS_SQL);
          await c.run(finalSql(Boolean(await scalar(c, HAS_TRANSCRIPTS_SQL))));
        });
        await timed(t, 'replace', async () => {
          for (const sql of DELETE_REPLACED_SQL) await c.run(sql);
        });
        await timed(t, 'load transcripts', () => c.run(INSERT_TRANSCRIPTS_SQL, idParams, idTypes));
        await timed(t, 'load segments', async () => {
          // Each statement reads every segment again: one that would insert none is not run.
          const [numbered, sorted] = (await c.runAndReadAll(LOADING_SQL)).getRows()[0] ?? [];
          const [inOrder, toSort] = LOAD_SEGMENTS_SQL;
          await c.run(inOrder);
          if (Number(sorted)) await c.run(toSort);
          if (!Number(numbered) && !Number(sorted)) return;
          // Each new word is stemmed once, ever; the segments store their words' stem numbers.
          await insertStemmed(c, 'tr_load', insertSegmentsSql, idParams, idTypes);
        });
        const f =
          (await timed(t, 'figures', () => c.runAndReadAll(FIGURES_SQL))).getRowObjectsJson()[0] ?? {};
        const n = (k: string) => Number(f[k] ?? 0);
        await c.run('RESET preserve_insertion_order');
        const quarantined = n('read') - n('loaded') - n('duplicates');
        const quarantine = quarantineSql(format === 'csv' ? CSV_REBUILT : JSONL_REBUILT);
        const first = quarantined
          ? (await c.runAndReadAll(`${quarantine} LIMIT ${REPORT_QUARANTINE_ROWS}`))
              .getRowObjectsJson()
              .map((r) => ({ line: Number(r.line), raw: String(r.raw ?? ''), reason: String(r.reason) }))
          : [];
        const report: ImportReport = {
          ...base,
          importId: id,
          status: 'done',
          message: null,
          read: n('read'),
          loaded: n('loaded'),
          quarantined,
          duplicates: n('duplicates'),
          ignoredColumns,
          notes: [encodingNote(scan, opts.source?.replaced)].filter((x) => x !== null),
          quarantine: first,
          seconds: Math.round((performance.now() - started) / 10) / 100,
          transcripts: {
            read: n('t_read'),
            loaded: n('t_loaded'),
            replaced: n('t_replaced'),
            quarantined: n('t_read') - n('t_loaded') - n('t_duplicates'),
            duplicates: n('t_duplicates'),
          },
        };
        await timed(t, 'journal', async () => {
          await writeJournal(c, report, quarantined ? quarantine : null);
          if (report.quarantined && (scan.notUtf8Count || opts.source?.encoding || opts.source?.replaced)) {
            await keepRawBytes(c, report, opts.source ?? { file, gzip: false, encoding: null }, scan);
          }
        });
        killPoint('before-commit');
        return report;
      });
      committed = true;
      killPoint('after-commit');
      await timed(t, 'log', () => finishFromJournal(db, c, id));
      return report;
    } catch (e) {
      if (committed) throw e;
      if (importId !== null) {
        // A file that cannot be read leaves no entry, as one refused before reading.
        if (e instanceof AppError) await dropReservedImport(db, importId);
        else await failImport(db, importId, e);
      }
      throw e;
    } finally {
      await c.run('DROP VIEW IF EXISTS tr_rows');
      for (const table of TRANSCRIPT_TABLES) await c.run(`DROP TABLE IF EXISTS ${table}`);
    }
  });
}
