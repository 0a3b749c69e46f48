import { open } from 'node:fs/promises';
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
import type { ImportReport } from '../../schemas/import-report.ts';
import { KINDS } from '../../schemas/kinds.ts';
import { AppError } from '../../server/errors.ts';
import { inTransaction, type Params, textList } from '../../server/stores/duckdb.ts';
import type { ImportOptions, ImportTarget } from '../import-file.ts';
import {
  beginImport,
  failImport,
  fileChecksum,
  finishImport,
  previousImport,
  type QuarantinedRow,
  REPORT_QUARANTINE_ROWS,
  resolveFile,
} from '../import-log.ts';
import { withQueryProgress } from '../progress.ts';
import type { CanonicalFormat } from '../read-rows.ts';
import { timed } from '../timings.ts';
import { FACT_COLUMNS, type FactKind } from './fact-columns.ts';
import {
  COUNTS_SQL,
  deleteReplacedSql,
  EMPTY_MATCHED_SQL,
  hasRowsSql,
  insertSql,
  markConflictsSql,
  matchedSql,
  REPEATS_SQL,
  repeatedSql,
} from './load.sql.ts';
import {
  CSV_REJECT_COUNT_SQL,
  CSV_REJECT_KEYS_SQL,
  CSV_REJECTS_SQL,
  CSV_SOURCE,
  csvLine,
  csvRawSql,
  csvRereadRawSql,
  EMPTY_SOURCE,
  JSONL_KEYS_SQL,
  JSONL_READ_SQL,
  jsonlStageSql,
  PARQUET_STAGE_SQL,
  STAGING_COLUMNS_SQL,
  STAGING_TABLES,
  stagedRereadRawSql,
} from './stage.sql.ts';
import { checkSql } from './validate.sql.ts';
import { zoneSpans } from './zone-spans.ts';

/** Where the validation reads a file's text cells from, and what it needs to know about them. */
interface Source {
  /** Every column of the file, known to the kind or not, in file order. */
  columns: string[];
  /** The FROM item of the cells, aliased `s` (CheckOptions.source). */
  from: string;
  carry?: string;
  /** SQL rebuilding a record's raw text from the source's columns, unqualified. */
  raw: string;
  /** SQL filling in the raw text of rows quarantined after validation. */
  rawAgain: string;
  rowProblem: boolean;
  /** Bound values the source's SQL uses, with their types where they need one. */
  params: Params;
  types: Record<string, DuckDBType>;
}

const scalar = async (c: DuckDBConnection, sql: string, params: Params = {}) =>
  (await c.runAndReadAll(sql, params)).getRows()[0]?.[0];

/** One header line's names, RFC 4180 quoting; duplicates and blanks get names of their own. */
function headerNames(line: string, delim: string): string[] {
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delim) {
      names.push(field.trim());
      field = '';
    } else field += ch;
  }
  names.push(field.trim());
  const seen = new Set<string>();
  return names.map((n, i) => {
    let name = n || `column${i}`;
    for (let k = 1; seen.has(name); k++) name = `${n}_${k}`;
    seen.add(name);
    return name;
  });
}

/** The header of a CSV file: its names and delimiter, `,` or `;`, whichever separates them. */
async function csvHeader(file: string): Promise<{ names: string[]; delim: string }> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const line = (buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
    if (line.trim() === '') return { names: [], delim: ',' };
    const unquoted = line.replace(/"[^"]*"/g, '');
    const count = (ch: string) => unquoted.split(ch).length - 1;
    const delim = count(';') > count(',') ? ';' : ',';
    return { names: headerNames(line, delim), delim };
  } finally {
    await fh.close();
  }
}

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
      raw: "''",
      rawAgain: '',
      rowProblem: false,
      params: {},
      types: {},
    };
  }
  const columns = structValue(Object.fromEntries(names.map((n) => [n, 'VARCHAR'])));
  return {
    columns: names,
    from: CSV_SOURCE,
    raw: csvRawSql(names),
    rawAgain: csvRereadRawSql(names),
    rowProblem: false,
    params: { file, delim, columns },
    types: { columns: STRUCT(Object.fromEntries(names.map((n) => [n, VARCHAR]))) },
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
    raw: 'raw',
    rawAgain: stagedRereadRawSql('s.raw'),
    rowProblem: true,
    params: {},
    types: {},
  };
}

async function stageParquet(c: DuckDBConnection, file: string): Promise<Source> {
  await c.run(PARQUET_STAGE_SQL, { file });
  const columns = (await c.runAndReadAll(STAGING_COLUMNS_SQL)).getRows().map((r) => String(r[0]));
  return {
    columns,
    from: 'staging s',
    carry: `s AS "row::"`,
    raw: `to_json("row::")`,
    rawAgain: stagedRereadRawSql('to_json(s)'),
    rowProblem: false,
    params: {},
    types: {},
  };
}

/** Every quarantined row of the import, in line order, in chunks. */
async function* quarantineRows(c: DuckDBConnection, sql: string): AsyncGenerator<QuarantinedRow[]> {
  const result = await c.stream(sql);
  for await (const rows of result.yieldRowObjectJson()) {
    yield rows.map((r) => ({ line: Number(r.line), raw: String(r.raw ?? ''), reason: String(r.reason) }));
  }
}

/**
 * Imports a file of a fact kind (calls, orders, clients, debts) set-based in DuckDB: the file is
 * staged as text by DuckDB's own reader, validated by one SQL statement, and its good rows loaded
 * by one INSERT … SELECT in one transaction. Bad rows go to the import log with line and reason.
 * read = loaded + quarantined + duplicates.
 */
export async function importFacts(
  target: ImportTarget,
  kind: FactKind,
  format: CanonicalFormat,
  opts: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const { db, analytics } = target;
  const spec = KINDS[kind];
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
    const known = timed(t, 'checksum (alongside)', () => fileChecksum(file, size)).then(async (checksum) => {
      const previous = await previousImport(db, { file: name, kind, format, checksum });
      if (previous && checking) c.interrupt();
      return { checksum, previous };
    });
    // Awaited below; until then a failure must not count as unhandled.
    known.catch(() => {});
    try {
      let source: Source;
      try {
        source = await timed(t, 'stage', () =>
          format === 'csv'
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
      const check = checkSql({
        kind,
        required: spec.required,
        present,
        source: source.from,
        ...(source.carry ? { carry: source.carry } : {}),
        raw: source.raw,
        rowProblem: source.rowProblem,
        spans: spans.bounds.length,
      });
      // A kind without timestamps has no use for the zone's values.
      const zone = check.includes('$zo0');
      try {
        checking = true;
        await timed(t, 'check', () =>
          withQueryProgress(
            c,
            format === 'csv' ? 'reading' : 'checking',
            opts.onProgress,
            c.run(
              check,
              { ...source.params, ...(zone ? zoneParams : {}) },
              { ...source.types, ...(zone ? zoneTypes : {}) },
            ),
          ),
        );
      } catch (e) {
        throw new AppError(
          'bad_request',
          `cannot read ${name} as ${format}: ${(e as Error).message.split('\n')[0]}`,
        );
      } finally {
        checking = false;
      }
      const { checksum, previous } = await known;
      if (previous) return previous;
      const base = { file: name, kind, format, checksum };
      // CSV records the reader set aside (the wrong number of fields) and the lines they shift.
      const rejects =
        format === 'csv' && source.columns.length ? Number(await scalar(c, CSV_REJECT_COUNT_SQL)) : 0;
      if (rejects) await c.run(CSV_REJECT_KEYS_SQL);
      const line = format === 'csv' ? csvLine(rejects > 0) : (rid: string) => `(${rid} + 1)`;

      const repeats = await timed(t, 'repeats', async () => {
        await c.run(repeatedSql(kind));
        const [n, bad] = ((await c.runAndReadAll(REPEATS_SQL)).getRows()[0] ?? []).map(Number);
        if (bad) {
          await c.run(markConflictsSql(kind, line));
          await c.run(source.rawAgain, source.params, source.types);
        }
        return (n ?? 0) > 0;
      });

      const importId = await beginImport(db, base, opts.actor);
      try {
        opts.onProgress?.('loading', null);
        let workDone = 0;
        const counts = await inTransaction(c, async () => {
          const matches = await timed(t, 'matches', async () => {
            // A row can be stored already only if the table has rows: else there is nothing to join.
            if (!(await scalar(c, hasRowsSql(kind)))) {
              await c.run(EMPTY_MATCHED_SQL);
              return false;
            }
            await c.run(matchedSql(kind, repeats));
            await c.run(deleteReplacedSql(kind));
            return Boolean(await scalar(c, 'SELECT count(*) FILTER (WHERE same) > 0 FROM matched'));
          });
          // Stored rows have no order to keep; without it DuckDB appends in parallel, in less memory.
          await c.run('SET preserve_insertion_order = false');
          const inserted = await timed(t, 'insert', () =>
            c
              .run(insertSql(kind, { repeats, matches }), { importId })
              .finally(() => c.run('RESET preserve_insertion_order')),
          );
          const [records, bad, duplicates] = (
            (await timed(t, 'counts', () => c.runAndReadAll(COUNTS_SQL))).getRows()[0] ?? []
          ).map(Number);
          workDone = performance.now();
          return { records, bad, duplicates, loaded: inserted.rowsChanged } as Record<string, number>;
        });
        if (t) t.commit = (performance.now() - workDone) / 1000;
        const quarantineSql = `SELECT line, raw, reason FROM (
            SELECT ${line('c.rowid')} AS line, c.raw, c.problem AS reason
            FROM checked c WHERE c.problem IS NOT NULL
            ${format === 'csv' && source.columns.length ? `UNION ALL ${CSV_REJECTS_SQL}` : ''}
          ) ORDER BY line`;
        const first = (
          await timed(t, 'quarantine', () =>
            c.runAndReadAll(`${quarantineSql} LIMIT ${REPORT_QUARANTINE_ROWS}`),
          )
        )
          .getRowObjectsJson()
          .map((r) => ({ line: Number(r.line), raw: String(r.raw ?? ''), reason: String(r.reason) }));
        const quarantined = (counts.bad ?? 0) + rejects;
        const report: ImportReport = {
          ...base,
          ignoredColumns,
          importId,
          status: 'done',
          message: null,
          read: (counts.records ?? 0) + rejects,
          loaded: counts.loaded ?? 0,
          quarantined,
          duplicates: counts.duplicates ?? 0,
          notes: [],
          quarantine: first,
          seconds: Math.round((performance.now() - started) / 10) / 100,
        };
        opts.onProgress?.('logging', null);
        await timed(t, 'log', () =>
          finishImport(db, report, quarantined ? quarantineRows(c, quarantineSql) : []),
        );
        return report;
      } catch (e) {
        await failImport(db, importId, e);
        throw e;
      }
    } catch (e) {
      // A file imported before changes nothing, whatever reading it again would have said.
      const previous = await known.then(
        (k) => k.previous,
        () => null,
      );
      if (previous) return previous;
      throw e;
    } finally {
      await timed(t, 'cleanup', async () => {
        for (const table of STAGING_TABLES) await c.run(`DROP TABLE IF EXISTS ${table}`);
      });
    }
  });
}
