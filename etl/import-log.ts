import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import type { ImportReport } from '../schemas/import-report.ts';
import { bumpStoredVersion } from '../stores/data-version.ts';
import type { Db } from '../stores/sqlite.ts';
import type { OnProgress } from './progress.ts';

/** How many quarantined rows a report carries inline; the import log keeps all of them. */
export const REPORT_QUARANTINE_ROWS = 20;

export interface QuarantinedRow {
  line: number;
  raw: string;
  reason: string;
  /** The row's bytes as the file has them, when its text is not simply their UTF-8 reading. */
  rawBytes?: Buffer | null;
}

/** Resolves and checks a file to import: its absolute path and size. */
export async function resolveFile(file: string): Promise<{ file: string; size: number }> {
  const resolved = path.resolve(file);
  try {
    const info = await stat(resolved);
    if (!info.isFile()) throw new Error('not a file');
    return { file: resolved, size: info.size };
  } catch (e) {
    throw new AppError('bad_request', `cannot read ${file}: ${(e as Error).message}`);
  }
}

/** The SHA-256 of a file (hex), by which a file imported before is recognised. */
export async function fileChecksum(file: string, size: number, onProgress?: OnProgress): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onProgress?.('checksum', size ? done / size : null);
  }
  return hash.digest('hex');
}

/**
 * The SHA-256 of a file (hex) and how many lines it has (line feeds, and one more for a last line
 * without one), in one read.
 */
export async function fileDigest(file: string, size: number): Promise<{ checksum: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
    if (buf.length) last = buf[buf.length - 1] as number;
  }
  if (size && last !== 10) lines++;
  return { checksum: hash.digest('hex'), lines };
}

/** Resolves and checks a file to import, and takes its checksum. */
export async function inspectFile(
  file: string,
  onProgress?: OnProgress,
): Promise<{ file: string; checksum: string }> {
  const resolved = await resolveFile(file);
  return { file: resolved.file, checksum: await fileChecksum(resolved.file, resolved.size, onProgress) };
}

/** A report for a file imported before: nothing is read again and nothing changes. */
export async function previousImport(
  db: Db,
  base: Pick<ImportReport, 'file' | 'kind' | 'format' | 'checksum'>,
): Promise<ImportReport | null> {
  const previous = await db
    .selectFrom('imports')
    .select(['id', 'finished_at'])
    .where('kind', '=', base.kind)
    .where('format', '=', base.format)
    .where('checksum', '=', base.checksum)
    .where('status', '=', 'done')
    .executeTakeFirst();
  if (!previous) return null;
  return {
    ...base,
    importId: previous.id,
    status: 'already_imported',
    message: `this file was imported already (import #${previous.id}, ${previous.finished_at}); nothing changed`,
    read: 0,
    loaded: 0,
    quarantined: 0,
    duplicates: 0,
    ignoredColumns: [],
    notes: [],
    quarantine: [],
    seconds: 0,
  };
}

export async function beginImport(
  db: Db,
  base: Pick<ImportReport, 'file' | 'kind' | 'format' | 'checksum'>,
  actor: string,
): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({
      kind: base.kind,
      format: base.format,
      file_name: base.file,
      checksum: base.checksum,
      status: 'running',
      actor,
      started_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Logs an import as running before its file's checksum is known, so the rows it writes can carry
 * its id while the checksum is still being taken; setImportChecksum completes the entry.
 */
export async function reserveImport(
  db: Db,
  base: Pick<ImportReport, 'file' | 'kind' | 'format'>,
  actor: string,
): Promise<number> {
  return beginImport(db, { ...base, checksum: '' }, actor);
}

export async function setImportChecksum(db: Db, importId: number, checksum: string): Promise<void> {
  await db.updateTable('imports').set({ checksum }).where('id', '=', importId).execute();
}

/** Forgets a reserved import that turned out to be a file imported before: it changed nothing. */
export async function dropReservedImport(db: Db, importId: number): Promise<void> {
  await db.deleteFrom('imports').where('id', '=', importId).where('status', '=', 'running').execute();
}

/**
 * Imports left 'running' by a process that stopped before it finished (killed, power cut) and
 * without a journal (etl/journal): their rows were never committed, so nothing of them is kept;
 * the log says so. Called after the journal is reconciled, by the process that has just taken
 * the analytics store: no other process can be importing then.
 */
export async function failInterruptedImports(db: Db): Promise<number> {
  const result = await db
    .updateTable('imports')
    .set({
      status: 'failed',
      finished_at: new Date().toISOString(),
      report: JSON.stringify({
        error: 'interrupted: the importing process stopped; nothing of this file was kept',
      }),
    })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function failImport(db: Db, importId: number, error: unknown): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      status: 'failed',
      finished_at: new Date().toISOString(),
      report: JSON.stringify({ error: (error as Error).message }),
    })
    .where('id', '=', importId)
    .execute();
}

/**
 * Writes the finished import with all of its quarantined rows, inside the caller's transaction
 * (`tx`): the operational kinds commit it with their rows. The rows may come as chunks from a
 * query, so a file with millions of bad rows is never held in memory whole.
 */
export async function recordFinished(
  tx: Db,
  report: ImportReport,
  bad: QuarantinedRow[] | AsyncIterable<QuarantinedRow[]>,
): Promise<void> {
  const importId = report.importId as number;
  const chunks = Array.isArray(bad) ? [bad] : bad;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += 500) {
      await tx
        .insertInto('import_quarantine')
        .values(
          chunk.slice(i, i + 500).map((b) => ({
            import_id: importId,
            line: b.line,
            raw: b.raw,
            reason: b.reason,
            raw_bytes: b.rawBytes ?? null,
          })),
        )
        .execute();
    }
  }
  await tx
    .updateTable('imports')
    .set({
      status: 'done',
      checksum: report.checksum,
      rows_read: report.read,
      loaded: report.loaded,
      quarantined: report.quarantined,
      duplicates: report.duplicates,
      report: JSON.stringify(report),
      finished_at: new Date().toISOString(),
    })
    .where('id', '=', importId)
    .execute();
}

/** Records the finished import with all of its quarantined rows, in one transaction. */
export async function finishImport(
  db: Db,
  report: ImportReport,
  bad: QuarantinedRow[] | AsyncIterable<QuarantinedRow[]>,
): Promise<void> {
  await db.transaction().execute((tx) => recordFinished(tx, report, bad));
  // The facts are committed by now: figures computed from here on, here or in another process
  // of the store, include them.
  await bumpStoredVersion(db);
}
