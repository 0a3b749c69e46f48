import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Insertable, Selectable } from 'kysely';
import type { ImportReport } from '../../schemas/import-report.ts';
import type { ImportJobView } from '../../schemas/imports.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { ImportJobsTable } from '../../stores/tables.ts';

export type JobRow = Selectable<ImportJobsTable>;

/** Why a job left running by a stopped process is failed: its import rolled back whole. */
export const INTERRUPTED =
  'interrupted: the server stopped while this file was being imported; nothing of it was kept, send it again';
export const FILE_GONE = 'the uploaded file is gone from the uploads folder; send it again';

const now = () => new Date().toISOString();

export function jobView(row: JobRow, progress: ImportJobView['progress'] = null): ImportJobView {
  return {
    id: String(row.id),
    kind: row.kind,
    fileName: row.file_name,
    source: row.pbx_source ?? null,
    state: row.state,
    progress: row.state === 'running' ? progress : null,
    report: row.report === null ? null : (JSON.parse(row.report) as ImportReport),
    error: row.error,
    queuedAt: row.queued_at,
  };
}

/** A new job, in the caller's transaction (with its upload's audit row). */
export async function insertJob(db: Db, row: Insertable<ImportJobsTable>): Promise<JobRow> {
  return db.insertInto('import_jobs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function jobById(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The oldest queued job: uploads are imported in the order they came. */
export async function nextQueued(db: Db): Promise<JobRow | undefined> {
  return db
    .selectFrom('import_jobs')
    .selectAll()
    .where('state', '=', 'queued')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function markRunning(db: Db, id: number): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ state: 'running', started_at: now() })
    .where('id', '=', id)
    .execute();
}

export async function markDone(db: Db, id: number, report: ImportReport): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ state: 'done', report: JSON.stringify(report), finished_at: now() })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ state: 'failed', error, finished_at: now() })
    .where('id', '=', id)
    .execute();
}

/**
 * Puts the jobs of a process that stopped in order, before anything runs: a job it was running is
 * failed (its import rolled back), a queued job whose file is missing is failed, and a file in
 * `dir` no queued job waits for (an upload cut off by the stop, a finished job's file the stop
 * kept) is removed. Only the process holding the analytics store may call it.
 */
export async function recoverJobs(db: Db, dir: string): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ state: 'failed', error: INTERRUPTED, finished_at: now() })
    .where('state', '=', 'running')
    .execute();
  const queued = await db
    .selectFrom('import_jobs')
    .select(['id', 'stored_name'])
    .where('state', '=', 'queued')
    .execute();
  const waiting = new Set<string>();
  for (const job of queued) {
    if (existsSync(path.join(dir, job.stored_name))) waiting.add(job.stored_name);
    else await markFailed(db, job.id, FILE_GONE);
  }
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!waiting.has(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
