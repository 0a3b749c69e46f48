import { rmSync } from 'node:fs';
import { importFile } from '../../etl/import-file.ts';
import type { ImportJobView } from '../../schemas/api.ts';
import type { Format } from '../../schemas/import-report.ts';
import type { Kind } from '../../schemas/kinds.ts';
import type { Deps } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';

export interface ImportJob extends ImportJobView {
  kind: Kind | 'queue-log';
}

export interface JobRequest {
  file: string;
  fileName: string;
  kind: Kind | 'queue-log';
  format?: Format | undefined;
  gmtTimes?: boolean | undefined;
  actor: string;
}

/**
 * Uploaded files are imported one at a time, in the order they came: DuckDB takes one writer,
 * and a roster sent before the calls that refer to it must land first.
 */
export class ImportQueue {
  private readonly jobs = new Map<string, ImportJob>();
  private chain: Promise<void> = Promise.resolve();
  private next = 1;

  constructor(private readonly deps: Pick<Deps, 'db' | 'analytics'>) {}

  enqueue(req: JobRequest): ImportJob {
    const job: ImportJob = {
      id: String(this.next++),
      kind: req.kind,
      fileName: req.fileName,
      state: 'queued',
      progress: null,
      report: null,
      error: null,
      queuedAt: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    this.chain = this.chain.then(async () => {
      job.state = 'running';
      try {
        const { timeZone } = await readSettings(this.deps.db);
        job.report = await importFile(this.deps, {
          kind: req.kind,
          file: req.file,
          fileName: req.fileName,
          actor: req.actor,
          timeZone,
          gmtTimes: req.gmtTimes ?? false,
          onProgress: (phase, fraction) => {
            job.progress = { phase, fraction };
          },
          ...(req.format ? { format: req.format } : {}),
        });
        // The report names the file as the user sent it, not as it was stored while waiting.
        job.report = { ...job.report, file: req.fileName };
        job.state = 'done';
        job.progress = null;
      } catch (e) {
        job.state = 'failed';
        job.progress = null;
        job.error = (e as Error).message;
      } finally {
        rmSync(req.file, { force: true });
      }
    });
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  /** Resolves when every job queued so far has finished. */
  idle(): Promise<void> {
    return this.chain;
  }
}
