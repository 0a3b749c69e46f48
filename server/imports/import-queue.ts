import { rmSync } from 'node:fs';
import path from 'node:path';
import { type ImportOptions, importFile } from '../../etl/import-file.ts';
import { mappedOptions } from '../../etl/mapping/mapped-reader.ts';
import { parseMapping } from '../../etl/mapping/parse-mapping.ts';
import type { ImportMapping } from '../../schemas/import-mapping.ts';
import type { Format, ImportReport } from '../../schemas/import-report.ts';
import type { ImportJobView } from '../../schemas/imports.ts';
import type { ImportKind } from '../../schemas/kinds.ts';
import { audit } from '../audit/audit.ts';
import type { Deps } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import {
  insertJob,
  type JobRow,
  jobById,
  jobView,
  markDone,
  markFailed,
  markRunning,
  nextQueued,
  recoverJobs,
} from './import-jobs.repository.ts';

export type ImportJob = ImportJobView;

export interface JobRequest {
  /** The stored upload; it must be inside the queue's uploads folder. */
  file: string;
  fileName: string;
  size: number;
  kind: ImportKind | 'queue-log';
  format?: Format | undefined;
  gmtTimes?: boolean | undefined;
  encoding?: string | undefined;
  /** The PBX a telephony file comes from (`--source`). */
  pbx?: string | undefined;
  /** The mapping the file is read through (an export of any system). */
  mapping?: ImportMapping | undefined;
  actor: string;
}

/**
 * Uploaded files are imported one at a time, in the order they came: DuckDB takes one writer,
 * and a roster sent before the calls that refer to it must land first. The jobs live in SQLite,
 * so a restart runs what was queued; only the progress of the running job is held in memory.
 * Nothing runs before start(): a CLI command opening the data directory leaves the queue alone.
 */
export class ImportQueue {
  private readonly progress = new Map<number, ImportJobView['progress']>();
  private started = false;
  private stopping = false;
  /** Set by every enqueue, so a job stored while the worker was finding none is not missed. */
  private wanted = false;
  private worker: Promise<void> | null = null;
  /** Imports take turns: a queued job and one the server makes itself never write at once. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'analytics'>,
    /** Where uploads wait for their import. */
    readonly uploadsDir: string,
    /** Told of every import before it starts and after it ends (AutoQA waits, then re-checks). */
    private readonly hooks: {
      before(): Promise<void>;
      after(report: ImportReport | null, actor: string): Promise<void>;
    } = { before: async () => {}, after: async () => {} },
  ) {}

  /** Settles what a stopped process left (see recoverJobs); called once, before start(). */
  recover(): Promise<void> {
    return recoverJobs(this.deps.db, this.uploadsDir);
  }

  /** Runs the queued jobs, those an earlier process left first, and every one queued later. */
  start(): void {
    this.started = true;
    this.kick();
  }

  /** Stores the job and the upload's audit row in one transaction, then lets the worker run it. */
  async enqueue(req: JobRequest): Promise<ImportJob> {
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const job = await insertJob(tx, {
        kind: req.kind,
        format: req.format ?? null,
        gmt_times: req.gmtTimes ? 1 : 0,
        encoding: req.encoding ?? null,
        pbx_source: req.pbx ?? null,
        mapping: req.mapping ? JSON.stringify(req.mapping) : null,
        stored_name: path.relative(this.uploadsDir, req.file),
        file_name: req.fileName,
        size: req.size,
        actor: req.actor,
        state: 'queued',
        queued_at: new Date().toISOString(),
      });
      await audit(tx, {
        actor: req.actor,
        action: 'accept',
        entity: 'upload',
        entityId: String(job.id),
        after: {
          jobId: String(job.id),
          fileName: req.fileName,
          size: req.size,
          kind: req.kind,
          ...(req.pbx ? { source: req.pbx } : {}),
          ...(req.mapping ? { mapping: req.mapping } : {}),
        },
      });
      return job;
    });
    this.kick();
    return jobView(row);
  }

  async get(id: string): Promise<ImportJob | undefined> {
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n < 1) return undefined;
    const row = await jobById(this.deps.db, n);
    return row && jobView(row, this.progress.get(n) ?? null);
  }

  /**
   * An import the server makes itself (the transcription job's batches of transcripts), in turn
   * with the queued ones and told to the same hooks, so AutoQA waits for it and checks what it
   * brought.
   */
  importNow(opts: ImportOptions): Promise<ImportReport> {
    return this.inTurn(async () => {
      let done: ImportReport | null = null;
      await this.hooks.before();
      try {
        done = await importFile(this.deps, opts);
        return done;
      } finally {
        await this.hooks.after(done, opts.actor).catch((e: unknown) => {
          console.error('import: after the import:', e);
        });
      }
    });
  }

  private inTurn<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.turn.then(fn);
    this.turn = result.then(
      () => {},
      () => {},
    );
    return result;
  }

  /** Resolves when no job is running and none is left that this queue would run. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  /** Lets the running job finish and runs no other: the queued ones wait for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  private kick(): void {
    this.wanted = true;
    if (!this.started || this.stopping || this.worker) return;
    this.worker = this.drain()
      .catch((e: unknown) => {
        // Only the store itself failing gets here; the jobs wait for the next kick or start.
        console.error('import queue:', e);
      })
      .finally(() => {
        this.worker = null;
        if (this.wanted) this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.wanted && !this.stopping) {
      this.wanted = false;
      for (
        let job = await nextQueued(this.deps.db);
        job && !this.stopping;
        job = await nextQueued(this.deps.db)
      ) {
        await this.inTurn(() => this.run(job));
      }
    }
  }

  /** Never throws: a failure is the job's, and the worker goes on to the next one. */
  private async run(job: JobRow): Promise<void> {
    const { db } = this.deps;
    const file = path.join(this.uploadsDir, job.stored_name);
    let done: ImportReport | null = null;
    await this.hooks.before();
    try {
      await markRunning(db, job.id);
      const { timeZone } = await readSettings(db);
      const report = await importFile(this.deps, {
        kind: job.kind as ImportKind | 'queue-log',
        file,
        fileName: job.file_name,
        actor: job.actor,
        timeZone,
        gmtTimes: job.gmt_times === 1,
        onProgress: (phase, fraction) => {
          this.progress.set(job.id, { phase, fraction });
        },
        ...(job.format ? { format: job.format as Format } : {}),
        ...(job.encoding ? { encoding: job.encoding } : {}),
        ...(job.pbx_source ? { pbx: job.pbx_source } : {}),
        ...(job.mapping
          ? mappedOptions(parseMapping(JSON.parse(job.mapping)), job.encoding ?? undefined)
          : {}),
      });
      // The report names the file as the user sent it, not as it was stored while waiting.
      await markDone(db, job.id, { ...report, file: job.file_name });
      done = report;
    } catch (e) {
      await markFailed(db, job.id, (e as Error).message).catch((failed: unknown) => {
        // Left 'running', the job is failed as interrupted by the next start.
        console.error(`import job ${job.id}: cannot record its failure`, failed);
      });
    } finally {
      this.progress.delete(job.id);
      rmSync(file, { force: true });
      // The import stands whatever follows it: a failure here is logged, not the job's.
      await this.hooks.after(done, job.actor).catch((e: unknown) => {
        console.error(`import job ${job.id}: after the import:`, e);
      });
    }
  }
}
