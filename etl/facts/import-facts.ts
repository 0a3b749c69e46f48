import path from 'node:path';
import {
  BIGINT,
  type DuckDBConnection,
  type DuckDBType,
  LIST,
  listValue,
  STRUCT,
  structValue,
  VARCHAR,
} from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { Format, ImportReport } from '../../schemas/import-report.ts';
import { RECORD_KINDS } from '../../schemas/kinds.ts';
import { inTransaction, type Params, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { createPbxMap } from '../asterisk/pbx-map.ts';
import { csvHeader } from '../csv-header.ts';
import type { ImportOptions } from '../import-file.ts';
import {
  dropReservedImport,
  failImport,
  previousImport,
  REPORT_QUARANTINE_ROWS,
  reserveImport,
  resolveFile,
  setImportChecksum,
} from '../import-log.ts';
import { LongLinesError } from '../input/prepare.ts';
import { encodingNote, scanFile } from '../input/scan.ts';
import { finishFromJournal, keepRawBytes, settleLongLines, writeJournal } from '../journal/journal.ts';
import { killPoint } from '../kill-point.ts';
import type { PlatformReader, StageContext } from '../platforms/reader.ts';
import { withQueryProgress } from '../progress.ts';
import type { CanonicalFormat } from '../read-rows.ts';
import { timed } from '../timings.ts';
import { FACT_COLUMNS, type FactKind } from './fact-columns.ts';
import {
  deleteDuplicatesSql,
  deleteRepeatedSql,
  deleteReplacedSql,
  hasRowsSql,
  insertCheckedSql,
  loadedSql,
  MATCHED_DUPLICATES_SQL,
  markConflictsSql,
  matchedSql,
  REPEATS_SQL,
  reinsertFirstsSql,
  repeatedKeyCondition,
  repeatedKeysSql,
  repeatsSql,
  SIDE_PROBLEMS_SQL,
  sideSql,
} from './load.sql.ts';
import {
  CSV_BAD_LINES_SQL,
  CSV_ORDINAL,
  CSV_ORDINAL_SOURCE,
  CSV_REJECT_COUNT_SQL,
  CSV_REJECT_KEYS_SQL,
  CSV_REJECTS_SQL,
  CSV_SOURCE,
  csvLine,
  csvRawSql,
  EMPTY_SOURCE,
  JSONL_KEYS_SQL,
  JSONL_READ_SQL,
  jsonlStageSql,
  PARQUET_STAGE_SQL,
  SIDE_FROM_LINES_SQL,
  SIDE_LINES_COMPLETE_SQL,
  STAGED_COUNT_SQL,
  STAGING_COLUMNS_SQL,
  STAGING_TABLES,
} from './stage.sql.ts';
import { checkSql, typedColumn } from './validate.sql.ts';
import { zoneSpans } from './zone-spans.ts';

/** Where the validation reads a file's text cells from, and what it needs to know about them. */
interface Source {
  /** Every column of the file, known to the kind or not, in file order. */
  columns: string[];
  /** The FROM item of the cells, aliased `s` (CheckOptions.source). */
  from: string;
  /** The same cells with their ordinals, for the second look at a few rows, and the ordinal's SQL. */
  ordinalFrom: string;
  ordinal: string;
  carry?: string;
  /** SQL rebuilding a record's raw text from the source's columns, unqualified. */
  raw: string;
  rowProblem: boolean;
  /** Bound values the source's SQL uses, with their types where they need one. */
  params: Params;
  types: Record<string, DuckDBType>;
  /** How many records the source has, when counting them costs nothing (staged rows). */
  staged: boolean;
}

const scalar = async (
  c: DuckDBConnection,
  sql: string,
  params: Params = {},
  types?: Record<string, DuckDBType>,
) => (await c.runAndReadAll(sql, params, types)).getRows()[0]?.[0];

/**
 * A CSV file is read by the validation itself, every column as text by the names of the header:
 * no sniffing, which a row with the wrong number of fields would throw off.
 */
async function csvSource(file: string): Promise<Source> {
  const { names, delim } = await csvHeader(file);
  if (!names.length) {
    return {
      columns: [],
      from: EMPTY_SOURCE,
      ordinalFrom: EMPTY_SOURCE,
      ordinal: '0',
      raw: "''",
      rowProblem: false,
      params: {},
      types: {},
      staged: false,
    };
  }
  const columns = structValue(Object.fromEntries(names.map((n) => [n, 'VARCHAR'])));
  return {
    columns: names,
    from: CSV_SOURCE,
    ordinalFrom: CSV_ORDINAL_SOURCE,
    ordinal: CSV_ORDINAL,
    raw: csvRawSql(names),
    rowProblem: false,
    params: { file, delim, columns },
    types: { columns: STRUCT(Object.fromEntries(names.map((n) => [n, VARCHAR]))) },
    staged: false,
  };
}

async function stageJsonl(c: DuckDBConnection, file: string, kind: FactKind): Promise<Source> {
  await c.run(JSONL_READ_SQL, { file });
  const keys = (await c.runAndReadAll(JSONL_KEYS_SQL)).getRows().map((r) => String(r[0]));
  const known = Object.keys(FACT_COLUMNS[kind]);
  const paths = known.map((k) => `$.${JSON.stringify(k)}`);
  await c.run(jsonlStageSql(known), { paths: listValue(paths) }, { paths: LIST(VARCHAR) });
  await c.run('DROP TABLE staging_json');
  // Only the keys some line has count as the file's columns.
  const present = known.filter((k) => keys.includes(k));
  const columns = [...present, ...keys.filter((k) => !known.includes(k))];
  return {
    columns,
    from: 'staging s',
    ordinalFrom: 'staging s',
    ordinal: 's.rowid',
    raw: 'raw',
    rowProblem: true,
    params: {},
    types: {},
    staged: true,
  };
}

/** A platform's export, staged by its reader as canonical text cells with their lines. */
async function stageWithReader(
  c: DuckDBConnection,
  db: Stores['db'],
  file: string,
  reader: PlatformReader,
  ctx: StageContext,
): Promise<Source & { notes: string[] }> {
  await createPbxMap(db, c);
  const { columns, notes } = await reader.stage(c, file, ctx);
  return {
    columns,
    from: 'staging s',
    ordinalFrom: 'staging s',
    // The validation numbers a staged record's line as its ordinal + 1.
    ordinal: '(s.line - 1)',
    raw: 'raw',
    rowProblem: true,
    params: {},
    types: {},
    staged: true,
    notes,
  };
}

async function stageParquet(c: DuckDBConnection, file: string): Promise<Source> {
  await c.run(PARQUET_STAGE_SQL, { file });
  const columns = (await c.runAndReadAll(STAGING_COLUMNS_SQL)).getRows().map((r) => String(r[0]));
  return {
    columns,
    from: 'staging s',
    ordinalFrom: 'staging s',
    ordinal: 's.rowid',
    carry: `s AS "row::"`,
    raw: `to_json("row::")`,
    rowProblem: false,
    params: {},
    types: {},
    staged: true,
  };
}

/**
 * Gives each bad row of `side_found` its line, from a reading of the file as bare lines, into
 * `side`; false when some row's text is not found as a line of its own (then nothing is kept).
 */
async function findBadLines(c: DuckDBConnection, file: string): Promise<boolean> {
  try {
    await c.run(CSV_BAD_LINES_SQL, { file });
  } catch {
    // A line the bare reading cannot take (a NUL byte, a line beyond its size): the slow way.
    return false;
  }
  await c.run(SIDE_FROM_LINES_SQL);
  if (await scalar(c, SIDE_LINES_COMPLETE_SQL)) return true;
  await c.run('DROP TABLE side');
  return false;
}

/** A file imported before, found out while this import was reading it: nothing of it is kept. */
class AlreadyImported extends Error {
  constructor(readonly report: ImportReport) {
    super('the file was imported before');
  }
}

/**
 * Imports a file of a fact kind (calls, orders, clients, debts) set-based in DuckDB, in one
 * transaction: one statement reads the file with DuckDB's own reader, validates every cell and
 * inserts the good rows. A clean file is then done but for the rows whose key was stored before.
 * Only when rows were set aside, or a key came twice, is the file read again, for those rows
 * alone: their line, text and reason go to the import log. read = loaded + quarantined + duplicates.
 */
export async function importFacts(
  target: Stores,
  kind: FactKind,
  format: CanonicalFormat | Format,
  opts: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const { db, analytics } = target;
  const spec = RECORD_KINDS[kind];
  const t = opts.timings;
  const { file, size } = await resolveFile(opts.file);
  const name = opts.fileName ?? path.basename(file);
  const operatorIds = (await db.selectFrom('operators').select('operator_id').execute()).map(
    (r) => r.operator_id,
  );

  return analytics.withConnection(async (c) => {
    // The checksum is taken while DuckDB reads the file rather than in a pass of its own before:
    // when it shows the file was imported before, the reading is stopped and nothing changes.
    let checking = false;
    const known = timed(t, 'checksum (alongside)', () => scanFile(file, size)).then(async (scanned) => {
      // Parquet is binary: its bytes say nothing of text encodings.
      const digest = format === 'parquet' ? { ...scanned, notUtf8: [], notUtf8Count: 0 } : scanned;
      const previous = await previousImport(db, { file: name, kind, format, checksum: digest.checksum });
      if (previous && checking) c.interrupt();
      return { ...digest, previous };
    });
    // Awaited below; until then a failure must not count as unhandled.
    known.catch(() => {});
    const previously = () =>
      known.then(
        (k) => k.previous,
        () => null,
      );
    let importId: number | null = null;
    let committed = false;
    try {
      let source: Source & { notes?: string[] };
      const reader = opts.reader;
      try {
        source = await timed(t, 'stage', () =>
          reader
            ? stageWithReader(c, db, file, reader, {
                timeZone: opts.timeZone,
                pbx: opts.pbx,
                fileName: name,
                lineBatch: opts.lineBatch,
              })
            : format === 'csv'
              ? csvSource(file)
              : format === 'jsonl'
                ? stageJsonl(c, file, kind)
                : stageParquet(c, file),
        );
      } catch (e) {
        throw new AppError(
          'bad_request',
          `cannot read ${name} as ${format}: ${(e as Error).message.split('\n')[0]}`,
        );
      }
      const missing = spec.required.filter((col) => !source.columns.includes(col));
      if (source.columns.length && missing.length) {
        throw new AppError(
          'bad_request',
          `${name} has no column ${missing.join(', ')} (required for ${kind})`,
        );
      }
      const present = Object.keys(FACT_COLUMNS[kind]).filter((col) => source.columns.includes(col));
      const ignoredColumns = source.columns.filter((col) => !spec.columns.includes(col));

      await c.run(
        'CREATE OR REPLACE TEMP TABLE known_operators AS SELECT unnest($ids) AS operator_id',
        { ids: textList(operatorIds) },
        { ids: LIST(VARCHAR) },
      );
      const spans = zoneSpans(opts.timeZone);
      const zoneParams: Params = {};
      const zoneTypes: Record<string, DuckDBType> = {};
      spans.offsets.forEach((o, i) => {
        zoneParams[`zo${i}`] = o;
        zoneTypes[`zo${i}`] = BIGINT;
      });
      spans.bounds.forEach((b, i) => {
        zoneParams[`zb${i + 1}`] = b;
        zoneTypes[`zb${i + 1}`] = BIGINT;
      });
      const checkOptions = {
        kind,
        required: spec.required,
        present,
        ...(source.carry ? { carry: source.carry } : {}),
        raw: source.raw,
        rowProblem: source.rowProblem,
        spans: spans.bounds.length,
      };
      const check = checkSql({ ...checkOptions, source: source.from });
      // A kind without timestamps has no use for the zone's values.
      const zone = check.includes('$zo0');
      const checkParams = { ...source.params, ...(zone ? zoneParams : {}) };
      const checkTypes = { ...source.types, ...(zone ? zoneTypes : {}) };
      const hadRows = Boolean(await scalar(c, hasRowsSql(kind)));

      const id = await reserveImport(db, { file: name, kind, format }, opts.actor);
      importId = id;
      const idParams = { importId: id };
      const idTypes = { importId: BIGINT };
      const outcome = await inTransaction(c, async () => {
        let inserted: number;
        try {
          checking = true;
          // Stored rows have no order to keep; without it DuckDB appends in parallel, in less memory.
          await c.run('SET preserve_insertion_order = false');
          inserted = await timed(t, 'read, check and insert', () =>
            withQueryProgress(
              c,
              format === 'csv' ? 'reading' : 'checking',
              opts.onProgress,
              c
                .run(
                  insertCheckedSql(kind, check),
                  { ...checkParams, ...idParams },
                  { ...checkTypes, ...idTypes },
                )
                .then((r) => r.rowsChanged),
            ),
          );
        } catch (e) {
          const previous = await previously();
          const scanned = await known.catch(() => null);
          if (scanned?.longLines.length) throw new LongLinesError(scanned.longLines);
          if (previous) throw new AlreadyImported(previous);
          throw new AppError(
            'bad_request',
            `cannot read ${name} as ${format}: ${(e as Error).message.split('\n')[0]}`,
          );
        } finally {
          checking = false;
          await c.run('RESET preserve_insertion_order');
        }
        const digest = await known;
        if (digest.previous) throw new AlreadyImported(digest.previous);
        // DuckDB loses a line longer than its buffer without a word: the file is read again
        // without such lines (importFile), each quarantined.
        if (digest.longLines.length) throw new LongLinesError(digest.longLines);
        await setImportChecksum(db, id, digest.checksum);
        opts.onProgress?.('loading', null);

        // CSV records the reader set aside (the wrong number of fields) and the lines they shift.
        const rejects =
          format === 'csv' && source.columns.length ? Number(await scalar(c, CSV_REJECT_COUNT_SQL)) : 0;
        if (rejects) await c.run(CSV_REJECT_KEYS_SQL);
        // Were rows set aside? Staged rows are counted; a CSV record takes a line at least, so when
        // the loaded and rejected records fill every line after the header, none was.
        const setAside = source.staged
          ? Number(await scalar(c, STAGED_COUNT_SQL)) > inserted
          : inserted + rejects < digest.lines - 1;
        const repeats = await timed(t, 'repeats', async () => {
          await c.run(repeatedKeysSql(kind), idParams, idTypes);
          return Number(await scalar(c, 'SELECT count(*) FROM repeated_keys')) > 0;
        });
        // Rows set aside, alone, are found again by a reading that keeps no order, and their lines
        // by one of bare lines. Repeated keys, or a bad row whose line is not its text written
        // again, need the slower reading that numbers the records.
        // The reading of bare lines fails on a line that is not UTF-8, and a failed statement
        // ends the transaction: such a file takes the slower way.
        const linesFound =
          setAside &&
          !digest.notUtf8Count &&
          !repeats &&
          format === 'csv' &&
          (await timed(t, 'bad rows', async () => {
            await c.run(sideSql(check, 'side_found'), checkParams, checkTypes);
            return findBadLines(c, file);
          }));
        const line = linesFound
          ? (rid: string) => `(${rid} + 2)`
          : format === 'csv'
            ? csvLine(rejects > 0)
            : (rid: string) => `(${rid} + 1)`;
        const side = setAside || repeats;
        let duplicates = 0;
        let conflicts = 0;
        if (side && !linesFound) {
          await timed(t, 'second look', async () => {
            const again = checkSql({
              ...checkOptions,
              source: source.ordinalFrom,
              ordinal: source.ordinal,
              ...(repeats ? { rawWhen: repeatedKeyCondition(kind, typedColumn) } : {}),
            });
            await c.run(sideSql(again), checkParams, checkTypes);
            if (!repeats) return;
            await c.run(repeatsSql(kind));
            await c.run(deleteRepeatedSql(kind), idParams, idTypes);
            await c.run(reinsertFirstsSql(kind), idParams, idTypes);
            await c.run(markConflictsSql(kind, line));
            const [same, other] = ((await c.runAndReadAll(REPEATS_SQL)).getRows()[0] ?? []).map(Number);
            duplicates += same ?? 0;
            conflicts = other ?? 0;
          });
        }
        if (hadRows) {
          await timed(t, 'matches', async () => {
            await c.run(matchedSql(kind), idParams, idTypes);
            duplicates += Number(await scalar(c, MATCHED_DUPLICATES_SQL));
            await c.run(deleteDuplicatesSql(kind), idParams, idTypes);
            await c.run(deleteReplacedSql(kind), idParams, idTypes);
          });
        }
        const loaded = Number(await scalar(c, loadedSql(kind), idParams, idTypes));
        const bad = side ? Number(await scalar(c, SIDE_PROBLEMS_SQL)) : 0;

        const parts = [
          ...(side
            ? [
                `SELECT ${line('ordinal')} AS line, raw, problem AS reason FROM side WHERE problem IS NOT NULL`,
              ]
            : []),
          ...(rejects ? [CSV_REJECTS_SQL] : []),
        ];
        const quarantineSql = parts.length
          ? `SELECT line, raw, reason FROM (${parts.join(' UNION ALL ')}) ORDER BY line`
          : null;
        const first = quarantineSql
          ? (
              await timed(t, 'quarantine', () =>
                c.runAndReadAll(`${quarantineSql} LIMIT ${REPORT_QUARANTINE_ROWS}`),
              )
            )
              .getRowObjectsJson()
              .map((r) => ({ line: Number(r.line), raw: String(r.raw ?? ''), reason: String(r.reason) }))
          : [];
        const quarantined = bad + rejects;
        const report: ImportReport = {
          file: name,
          kind,
          format,
          checksum: digest.checksum,
          ignoredColumns,
          importId: id,
          status: 'done',
          message: null,
          // every record the reader gave, loaded or not, and every record it set aside
          read: inserted + (bad - conflicts) + rejects,
          loaded,
          quarantined,
          duplicates,
          notes: [...(source.notes ?? []), encodingNote(digest, opts.source?.replaced)].filter(
            (n) => n !== null,
          ),
          quarantine: first,
          seconds: Math.round((performance.now() - started) / 10) / 100,
        };
        // The outcome commits with the rows: a process killed after this commit is finished
        // from it on the next start.
        await timed(t, 'journal', async () => {
          await writeJournal(c, report, quarantined ? quarantineSql : null);
          await settleLongLines(c, report, opts.longLines ?? []);
          if (quarantined && (digest.notUtf8Count || opts.source?.encoding || opts.source?.replaced)) {
            await keepRawBytes(c, report, opts.source ?? { file, gzip: false, encoding: null }, digest);
          }
        });
        killPoint('before-commit');
        return report;
      });
      committed = true;
      killPoint('after-commit');
      opts.onProgress?.('logging', null);
      await timed(t, 'log', () => finishFromJournal(db, c, id));
      return outcome;
    } catch (e) {
      // Rows committed with their journal: the next start finishes the log from it.
      if (committed) throw e;
      // A file imported before changes nothing, whatever reading it again would have said.
      const previous = e instanceof AlreadyImported ? e.report : await previously();
      if (previous) {
        if (importId !== null) await dropReservedImport(db, importId);
        return previous;
      }
      if (importId !== null) {
        // A file that cannot be read leaves no entry, as one refused before reading; anything
        // else is logged as failed.
        if (e instanceof AppError || e instanceof LongLinesError) await dropReservedImport(db, importId);
        else await failImport(db, importId, e);
      }
      throw e;
    } finally {
      await timed(t, 'cleanup', async () => {
        for (const table of STAGING_TABLES) await c.run(`DROP TABLE IF EXISTS ${table}`);
      });
    }
  });
}
