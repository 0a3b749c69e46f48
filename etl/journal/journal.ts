import { BIGINT, type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import type { ImportReport } from '../../schemas/import-report.ts';
import { type Analytics, inTransaction } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import { failInterruptedImports, finishImport, type QuarantinedRow } from '../import-log.ts';
import { type InputSource, longLineReason } from '../input/prepare.ts';
import { lineBytes } from '../input/rewrite.ts';
import { type FileScan, type LongLine, likelyEncoding } from '../input/scan.ts';
import { killPoint } from '../kill-point.ts';
import {
  CLEAR_JOURNAL_SQL,
  JOURNAL_ENTRY_SQL,
  JOURNAL_FIRST_ROWS_SQL,
  JOURNAL_IDS_SQL,
  JOURNAL_QUARANTINE_SQL,
  JOURNAL_REPORT_SQL,
  JOURNAL_SPANS_SQL,
  journalQuarantineSql,
  QUARANTINE_BYTES_SQL,
  SET_LONG_LINE_SQL,
  SET_RAW_BYTES_SQL,
} from './journal.sql.ts';

/**
 * An import that writes to DuckDB commits its rows and its outcome (report, quarantined rows) in
 * one DuckDB transaction, and only then tells the import log in SQLite. A process that dies in
 * between leaves the outcome here; the next start finishes the log from it (reconcileImports),
 * so the two stores never disagree about what an import kept.
 */

const ids = (importId: number) => ({ params: { importId }, types: { importId: BIGINT } });

/**
 * Writes an import's outcome into the journal, inside the transaction of its rows. `quarantine`
 * is a query giving `line, raw, reason` for every quarantined row, or null when there is none.
 */
export async function writeJournal(
  c: DuckDBConnection,
  report: ImportReport,
  quarantine: string | null,
): Promise<void> {
  const { params, types } = ids(report.importId as number);
  await c.run(
    JOURNAL_REPORT_SQL,
    { ...params, report: JSON.stringify(report) },
    { ...types, report: VARCHAR },
  );
  if (quarantine) await c.run(journalQuarantineSql(quarantine), params, types);
}

/** The journal's quarantined rows of an import, in line order, in chunks. */
async function* journalRows(c: DuckDBConnection, importId: number): AsyncGenerator<QuarantinedRow[]> {
  const { params, types } = ids(importId);
  const result = await c.stream(JOURNAL_QUARANTINE_SQL, params, types);
  for await (const rows of result.yieldRowObjectJson()) {
    yield rows.map((r) => ({
      line: Number(r.line),
      raw: String(r.raw ?? ''),
      reason: String(r.reason),
      rawBytes: r.raw_bytes == null ? null : Buffer.from(String(r.raw_bytes), 'hex'),
    }));
  }
}

/**
 * Tells the import log what a committed import did, from its journal, then clears the journal.
 * `note`, when given, is added to the report's notes.
 */
export async function finishFromJournal(
  db: Db,
  c: DuckDBConnection,
  importId: number,
  note?: string,
): Promise<ImportReport> {
  const { params, types } = ids(importId);
  const text = (await c.runAndReadAll(JOURNAL_ENTRY_SQL, params, types)).getRows()[0]?.[0];
  if (text == null) throw new Error(`import #${importId} has no journal`);
  const report = JSON.parse(String(text)) as ImportReport;
  if (note) report.notes = [...report.notes, note];
  await finishImport(db, report, journalRows(c, importId));
  killPoint('after-log');
  await clearJournal(c, importId);
  return report;
}

async function clearJournal(c: DuckDBConnection, importId: number): Promise<void> {
  const { params, types } = ids(importId);
  await inTransaction(c, async () => {
    for (const sql of CLEAR_JOURNAL_SQL) await c.run(sql, params, types);
  });
}

/**
 * Makes the import log agree with the facts after a process stopped mid-import. An import whose
 * rows DuckDB committed has a journal: the log is finished from it (report and quarantined rows)
 * whatever it said. An import still 'running' without one kept nothing, and is logged as failed.
 * Called by the process that has just taken the analytics store: no other can be importing.
 * Returns how many imports were finished and failed.
 */
export async function reconcileImports(
  db: Db,
  analytics: Analytics,
): Promise<{ finished: number; failed: number }> {
  let finished = 0;
  await analytics.withConnection(async (c) => {
    const journal = (await c.runAndReadAll(JOURNAL_IDS_SQL)).getRows().map((r) => Number(r[0]));
    if (!journal.length) return;
    const logged = new Map(
      (await db.selectFrom('imports').select(['id', 'status']).where('id', 'in', journal).execute()).map(
        (r) => [Number(r.id), r.status],
      ),
    );
    for (const id of journal) {
      const status = logged.get(id);
      if (status === undefined || status === 'done') {
        // Logged already (the process stopped before clearing the journal), or not an import
        // this log knows: nothing to finish.
        await clearJournal(c, id);
        continue;
      }
      await finishFromJournal(
        db,
        c,
        id,
        'the importing process stopped after its rows were stored; the import log was completed on the next start',
      );
      finished++;
    }
  });
  const failed = await failInterruptedImports(db);
  return { finished, failed };
}

/**
 * Lines too long to read were replaced by a one-field line before DuckDB read the file; their
 * quarantined rows say why, in the journal and in the report.
 */
export async function settleLongLines(c: DuckDBConnection, report: ImportReport, lines: LongLine[]) {
  const { params, types } = ids(report.importId as number);
  for (const l of lines) {
    const reason = longLineReason(l);
    await c.run(
      SET_LONG_LINE_SQL,
      { ...params, line: l.line, reason },
      { ...types, line: BIGINT, reason: VARCHAR },
    );
    for (const q of report.quarantine) {
      if (q.line === l.line) Object.assign(q, { raw: '', reason });
    }
  }
  if (lines.length) {
    await c.run(
      'UPDATE import_journal SET report = $report WHERE import_id = $importId',
      {
        ...params,
        report: JSON.stringify(report),
      },
      { ...types, report: VARCHAR },
    );
  }
}

/**
 * Keeps the bytes of each quarantined row as the file has them, when its text is not simply
 * their UTF-8 reading: a file that is not UTF-8, or one decoded from another encoding. A row that
 * could not be read as UTF-8 also gets its text as the likely encoding reads it.
 */
export async function keepRawBytes(
  c: DuckDBConnection,
  report: ImportReport,
  source: InputSource,
  scan: FileScan,
): Promise<void> {
  const { params, types } = ids(report.importId as number);
  const spans = new Map(
    (await c.runAndReadAll(JOURNAL_SPANS_SQL, params, types))
      .getRows()
      .map(([line, span]) => [Number(line), Number(span)]),
  );
  const bytes = await lineBytes(source.file, source.gzip, spans);
  const guess = source.encoding ? null : likelyEncoding(scan.sample);
  const notUtf8 = new Set(scan.notUtf8);
  const lines: bigint[] = [];
  const hex: string[] = [];
  const text: (string | null)[] = [];
  for (const [line, b] of bytes) {
    lines.push(BigInt(line));
    hex.push(b.toString('hex'));
    text.push(notUtf8.has(line) ? (guess ? iconv.decode(b, guess) : b.toString('utf8')) : null);
  }
  await c.run(
    QUARANTINE_BYTES_SQL,
    { lines: listValue(lines), hex: listValue(hex), text: listValue(text) },
    { lines: LIST(BIGINT), hex: LIST(VARCHAR), text: LIST(VARCHAR) },
  );
  await c.run(SET_RAW_BYTES_SQL, params, types);
  await c.run('DROP TABLE quarantine_bytes');
  // The report's first rows show the text as now kept.
  const first = (await c.runAndReadAll(JOURNAL_FIRST_ROWS_SQL, params, types)).getRowObjectsJson();
  report.quarantine = first.map((r) => ({
    line: Number(r.line),
    raw: String(r.raw),
    reason: String(r.reason),
  }));
  await c.run(
    'UPDATE import_journal SET report = $report WHERE import_id = $importId',
    { ...params, report: JSON.stringify(report) },
    { ...types, report: VARCHAR },
  );
}
