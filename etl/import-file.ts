import path from 'node:path';
import { LIST, VARCHAR } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { AppError, describeIssues } from '../core/errors.ts';
import type { Format, ImportReport } from '../schemas/import-report.ts';
import { type ImportKind, KINDS, type Kind, TRANSCRIPTS } from '../schemas/kinds.ts';
import { bumpStoredVersion } from '../stores/data-version.ts';
import { type Analytics, textList } from '../stores/duckdb.ts';
import type { Db } from '../stores/sqlite.ts';
import type { Stores } from '../stores/stores.ts';
import { importAsterisk, isTelephonyFormat } from './asterisk/import-asterisk.ts';
import { detectFormat } from './detect-format.ts';
import { isFactKind } from './facts/fact-columns.ts';
import { importFacts } from './facts/import-facts.ts';
import {
  beginImport,
  failImport,
  previousImport,
  type QuarantinedRow,
  REPORT_QUARANTINE_ROWS,
  recordFinished,
  resolveFile,
} from './import-log.ts';
import { type InputSource, LongLinesError, longLineReason, prepareInput } from './input/prepare.ts';
import { lineBytes } from './input/rewrite.ts';
import { encodingNote, type LongLine, likelyEncoding, scanFile } from './input/scan.ts';
import { killPoint } from './kill-point.ts';
import { isOperationalKind, loadOperational } from './load-sqlite.ts';
import { type Cells, toStoreCells } from './normalize.ts';
import type { PlatformReader } from './platforms/reader.ts';
import { platformReader } from './platforms/registry.ts';
import type { OnProgress } from './progress.ts';
import { type CanonicalFormat, readRows } from './read-rows.ts';
import { detectTranscriptFormat } from './transcripts/detect.ts';
import { importTranscripts, isTranscriptFormat } from './transcripts/import-transcripts.ts';

export interface ImportOptions {
  kind: ImportKind | 'queue-log';
  file: string;
  format?: Format;
  actor: string;
  timeZone: string;
  /** Asterisk CDR times are UTC (`usegmtime=yes`) rather than local. */
  gmtTimes?: boolean;
  /** The file's name as the user knows it (an upload waits under another); default: its own. */
  fileName?: string;
  /** Told how far the import is, for a progress bar. */
  onProgress?: OnProgress;
  /** Seconds spent in each step of the import, added here when given (the ETL benchmark prints them). */
  timings?: Record<string, number>;
  /** The encoding of the file's text when it is not UTF-8 (`windows-1251`, `koi8-r`, …). */
  encoding?: string;
  /** The PBX a CDR or queue_log comes from, when several feed one data directory (`--source`). */
  pbx?: string;
  /** Lines a platform reader stages at a time (etl/platforms/file-lines.ts); its default unless given. */
  lineBatch?: number;
  /** The reader of a platform's export (etl/platforms/), when the file is one. */
  reader?: PlatformReader;
  /** Set by importFile: the file as given, when `file` is a decoded or decompressed copy of it. */
  source?: InputSource;
  /** Set by importFile: lines too long to read, taken out of `file`, each to be quarantined. */
  longLines?: LongLine[];
}

/** Reference columns checked against the roster: a record naming an unknown one is quarantined. */
const REFERENCES: Partial<Record<Kind, { column: string; table: 'operators' | 'teams' }[]>> = {
  operators: [{ column: 'team_id', table: 'teams' }],
  targets: [{ column: 'team_id', table: 'teams' }],
  norms: [
    { column: 'team_id', table: 'teams' },
    { column: 'operator_id', table: 'operators' },
  ],
  'variable-pay': [{ column: 'operator_id', table: 'operators' }],
  claims: [{ column: 'operator_id', table: 'operators' }],
  assessments: [{ column: 'operator_id', table: 'operators' }],
};

async function knownIds(db: Db, table: 'operators' | 'teams'): Promise<Set<string>> {
  const rows =
    table === 'operators'
      ? await db.selectFrom('operators').select('operator_id as id').execute()
      : await db.selectFrom('teams').select('team_id as id').execute();
  return new Set(rows.map((r) => r.id));
}

/** The operator and start of each evaluated call: an evaluation belongs to its call's period. */
async function callFacts(analytics: Analytics, callIds: string[]) {
  const facts = new Map<string, { operatorId: string | null; startedAt: string }>();
  if (!callIds.length) return facts;
  const rows = await analytics.rows(
    `SELECT call_id, operator_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at
       FROM calls WHERE list_contains($ids, call_id)`,
    { ids: textList(callIds) },
    { ids: LIST(VARCHAR) },
  );
  for (const r of rows) {
    facts.set(String(r.call_id), {
      operatorId: r.operator_id == null ? null : String(r.operator_id),
      startedAt: String(r.started_at),
    });
  }
  return facts;
}

/**
 * Imports one file: reads it with DuckDB's readers, validates each row, quarantines bad rows with
 * their line and reason, and loads the good ones in one transaction. The same file imported again
 * is recognised by its checksum and changes nothing.
 */
export async function importFile(target: Stores, opts: ImportOptions): Promise<ImportReport> {
  const { file } = await resolveFile(opts.file);
  const input = await prepareInput(file, opts.encoding);
  try {
    const format = opts.format ?? (await formatOf(opts.kind, input.file));
    // A canonical file's text is UTF-8: a byte that is not is read as U+FFFD, its row loaded and
    // counted in a note, never the row lost. (Asterisk's files read such lines in their likely
    // encoding instead: etl/input/mend.ts.)
    if (format === 'csv' || format === 'jsonl') await input.replaceInvalidUtf8();
    const prepared = {
      ...opts,
      format,
      file: input.file,
      fileName: opts.fileName ?? path.basename(file),
      source: input.source,
    };
    try {
      return await importPrepared(target, prepared);
    } catch (e) {
      if (!(e instanceof LongLinesError)) throw e;
      // A line too long to read is one of a CSV's rows, quarantined as such; the file is read
      // again without it. Other formats have no row to put it in: the file is refused.
      // A JSON Lines transcript is a line too: quarantined as such, as a CSV row is.
      if (format !== 'csv' && !(prepared.kind === TRANSCRIPTS && format === 'jsonl'))
        throw new AppError('bad_request', `cannot read ${prepared.fileName}: ${e.message}`);
      const copy = await input.without(e.lines);
      return await importPrepared(target, { ...prepared, format, file: copy, longLines: e.lines });
    }
  } finally {
    input.dispose();
  }
}

/** The format of a file of `kind` the user did not name. */
const formatOf = (kind: ImportOptions['kind'], file: string): Promise<Format> =>
  kind === 'queue-log'
    ? // the queue_log file, unless the file is its table's export
      detectFormat(file).then(
        (f) => (f === 'queue-log-table' ? f : 'queue-log'),
        () => 'queue-log' as const,
      )
    : kind === TRANSCRIPTS
      ? detectTranscriptFormat(file)
      : detectFormat(file);

async function importPrepared(target: Stores, opts: ImportOptions): Promise<ImportReport> {
  const format = opts.format ?? (await formatOf(opts.kind, opts.file));
  if (opts.kind === TRANSCRIPTS) {
    if (!isTranscriptFormat(format)) {
      throw new AppError(
        'bad_request',
        `transcripts are read from csv, jsonl, vtt or whisper-json, not ${format}`,
      );
    }
    return importTranscripts(target, format, opts);
  }
  if (format === 'vtt' || format === 'whisper-json') {
    throw new AppError('bad_request', `the ${format} format holds transcripts, not ${opts.kind}`);
  }
  if (isTelephonyFormat(format)) {
    if (opts.kind !== 'calls' && opts.kind !== 'queue-log') {
      throw new AppError('bad_request', `the ${format} format holds calls, not ${opts.kind}`);
    }
    return importAsterisk(target, { ...opts, format });
  }
  if (opts.kind === 'queue-log') throw new AppError('bad_request', `a queue_log cannot be read as ${format}`);
  const reader = opts.reader ?? platformReader(format);
  if (reader) {
    if (opts.kind !== reader.kind) {
      throw new AppError(
        'bad_request',
        `the ${format} format (${reader.platform}) holds ${reader.kind}, not ${opts.kind}`,
      );
    }
    return importFacts(target, reader.kind, format, { ...opts, reader });
  }
  if (format === 'mapped') throw new AppError('bad_request', 'a mapped file needs its mapping (--map)');
  if (format !== 'csv' && format !== 'jsonl' && format !== 'parquet') {
    throw new AppError('bad_request', `${format} files are not read for ${opts.kind}`);
  }
  if (opts.pbx) {
    throw new AppError(
      'bad_request',
      `a source (--source) names the PBX of a CDR or queue_log, not of ${format} ${opts.kind}`,
    );
  }
  // The big fact kinds are validated and loaded set-based in DuckDB; the small operational
  // kinds, which go to SQLite and need cross-store lookups, row by row with their zod schemas.
  if (isFactKind(opts.kind)) return importFacts(target, opts.kind, format, opts);
  return importCanonical(target, opts.kind, format, opts);
}

/**
 * Rows of the same key within one file: the first stays; a later identical row is a duplicate
 * (counted), a later row with other values is quarantined, naming the first row's line.
 */
function settleRepeats(
  good: { line: number; cells: Cells }[],
  key: readonly string[],
): { firsts: { line: number; cells: Cells }[]; repeated: number; conflicts: QuarantinedRow[] } {
  const seen = new Map<string, { line: number; cells: Cells }>();
  const firsts: { line: number; cells: Cells }[] = [];
  const conflicts: QuarantinedRow[] = [];
  let repeated = 0;
  for (const g of good) {
    const k = JSON.stringify(key.map((c) => g.cells[c] ?? null));
    const first = seen.get(k);
    if (!first) {
      seen.set(k, g);
      firsts.push(g);
    } else if (JSON.stringify(first.cells) === JSON.stringify(g.cells)) repeated++;
    else {
      const named = key
        .filter((c) => g.cells[c] != null)
        .map((c) => `${c} "${g.cells[c]}"`)
        .join(', ');
      conflicts.push({
        line: g.line,
        raw: JSON.stringify(g.cells),
        reason: `${named} is already on line ${first.line} of this file, with other values`,
      });
    }
  }
  return { firsts, repeated, conflicts };
}

async function importCanonical(
  target: Stores,
  kind: Kind,
  format: CanonicalFormat,
  opts: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const { db, analytics } = target;
  const spec = KINDS[kind];
  const { file } = await resolveFile(opts.file);
  const scanned = await scanFile(file);
  // Parquet is binary: its bytes say nothing of text encodings.
  const scan = format === 'parquet' ? { ...scanned, notUtf8: [], notUtf8Count: 0 } : scanned;
  const { checksum } = scan;
  // DuckDB cannot read a line beyond its buffer: the file is read again without it (importFile).
  if (scan.longLines.length) throw new LongLinesError(scan.longLines);
  const base = { file: opts.fileName ?? path.basename(file), kind, format, checksum };
  const previous = await previousImport(db, base);
  if (previous) return previous;

  const refs = REFERENCES[kind] ?? [];
  const known = new Map<string, Set<string>>();
  for (const r of refs) if (!known.has(r.table)) known.set(r.table, await knownIds(db, r.table));

  const good: { line: number; cells: Cells }[] = [];
  const bad: QuarantinedRow[] = [];
  const columns: string[] = [];
  try {
    await analytics.withConnection(async (c) => {
      for await (const chunk of readRows(c, file, format)) {
        for (const col of chunk.columns) if (!columns.includes(col)) columns.push(col);
        for (const row of chunk.rows) {
          if (row.problem) {
            bad.push({ line: row.line, ...row.problem });
            continue;
          }
          const parsed = spec.schema.safeParse(row.cells);
          if (!parsed.success) {
            bad.push({
              line: row.line,
              raw: JSON.stringify(row.cells),
              reason: describeIssues(parsed.error.issues),
            });
            continue;
          }
          const missingRef = refs.find((r) => {
            const v = parsed.data[r.column];
            return v != null && !known.get(r.table)?.has(String(v));
          });
          if (missingRef) {
            const v = String(parsed.data[missingRef.column]);
            bad.push({
              line: row.line,
              raw: JSON.stringify(row.cells),
              reason: `${missingRef.column}: "${v}" is not a known ${missingRef.table.slice(0, -1)}`,
            });
            continue;
          }
          let cells: Cells;
          try {
            cells = toStoreCells(parsed.data, spec.columns, opts.timeZone);
          } catch (e) {
            bad.push({ line: row.line, raw: JSON.stringify(row.cells), reason: (e as Error).message });
            continue;
          }
          good.push({ line: row.line, cells });
        }
      }
    });
  } catch (e) {
    throw new AppError(
      'bad_request',
      `cannot read ${path.basename(file)} as ${format}: ${(e as Error).message.split('\n')[0]}`,
    );
  }

  const missing = spec.required.filter((col) => !columns.includes(col));
  if (columns.length && missing.length) {
    throw new AppError(
      'bad_request',
      `${path.basename(file)} has no column ${missing.join(', ')} (required for ${kind})`,
    );
  }
  const ignoredColumns = columns.filter((col) => !spec.columns.includes(col));

  if (kind === 'evaluations') {
    const facts = await callFacts(analytics, [...new Set(good.map((g) => String(g.cells.call_id)))]);
    for (let i = good.length - 1; i >= 0; i--) {
      const g = good[i] as (typeof good)[number];
      const f = facts.get(String(g.cells.call_id));
      if (!f) {
        bad.push({
          line: g.line,
          raw: JSON.stringify(g.cells),
          reason: `call_id: "${g.cells.call_id}" is not a known call; import calls first`,
        });
        good.splice(i, 1);
      } else {
        g.cells.operator_id = f.operatorId;
        g.cells.call_started_at = f.startedAt;
      }
    }
    bad.sort((a, b) => a.line - b.line);
  }

  // A key the file gives twice keeps its first row: the same row again is a duplicate, a row
  // with other values is quarantined, as for the fact kinds.
  for (const l of opts.longLines ?? []) {
    const row = bad.find((b) => b.line === l.line);
    if (row) Object.assign(row, { raw: '', reason: longLineReason(l) });
  }
  // The bytes of rows whose text is not simply their UTF-8 reading.
  if (bad.length && (scan.notUtf8Count || opts.source?.encoding || opts.source?.replaced)) {
    const source = opts.source ?? { file, gzip: false, encoding: null };
    const bytes = await lineBytes(
      source.file,
      source.gzip,
      new Map(bad.map((b) => [b.line, b.raw.split('\n').length])),
    );
    const guess = source.encoding ? null : likelyEncoding(scan.sample);
    const notUtf8 = new Set(scan.notUtf8);
    for (const b of bad) {
      const raw = bytes.get(b.line);
      if (!raw) continue;
      b.rawBytes = raw;
      if (notUtf8.has(b.line)) b.raw = guess ? iconv.decode(raw, guess) : raw.toString('utf8');
    }
  }
  const read = good.length + bad.length;
  const { firsts, repeated, conflicts } = settleRepeats(good, spec.key);
  if (conflicts.length) {
    bad.push(...conflicts);
    bad.sort((a, b) => a.line - b.line);
  }

  const importId = await beginImport(db, base, opts.actor);
  const cells = firsts.map((g) => g.cells);
  let report: ImportReport;
  try {
    if (!isOperationalKind(kind)) throw new Error(`no store for kind ${kind}`);
    // The rows and the import log commit together: a process killed at any moment leaves both
    // or neither.
    report = await db.transaction().execute(async (tx) => {
      const result = await loadOperational(tx, kind, cells, importId);
      const report: ImportReport = {
        ...base,
        ignoredColumns,
        importId,
        status: 'done',
        message: null,
        read,
        loaded: result.loaded,
        quarantined: bad.length,
        duplicates: result.duplicates + repeated,
        notes: [encodingNote(scan, opts.source?.replaced)].filter((n) => n !== null),
        quarantine: bad.slice(0, REPORT_QUARANTINE_ROWS),
        seconds: Math.round((performance.now() - started) / 10) / 100,
      };
      await recordFinished(tx, report, bad);
      killPoint('before-commit');
      return report;
    });
  } catch (e) {
    await failImport(db, importId, e);
    throw e;
  }
  killPoint('after-log');
  await bumpStoredVersion(db);
  return report;
}
