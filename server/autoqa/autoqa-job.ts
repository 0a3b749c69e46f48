import type { AutoqaJobView } from '../../schemas/autoqa-job.ts';
import type { ImportReport } from '../../schemas/import-report.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { betweenRuns, runAutoqaAudited } from './autoqa.service.ts';
import {
  COUNT_VERSION_RESULTS_SQL,
  DROP_VERSION_RESULTS_SQL,
  PENDING_MONTHS_SQL,
} from './queries/pending.sql.ts';
import { currentRuleSet } from './rules.service.ts';

/** Who the job's runs are audited as. */
const ACTOR = 'system';

/** Thrown from a run's progress callback to end it after the batch it is in: the server is stopping. */
class Stopping extends Error {}

/**
 * Keeps AutoQA's results current in the background. Nothing is remembered but the data: the work
 * left is always "the transcribed calls without results of the rule set in force", which a new
 * rule-set version (every call), a transcripts import (the new and replaced calls) and a products
 * import (afterImport drops the results the old catalogue gave) all create. The job checks those
 * calls one month at a time, newest first, one job at a time; a restart finds what is left and
 * goes on, since a run only ever checks the calls still without results.
 */
export class AutoqaJob {
  private view: AutoqaJobView = {
    state: 'idle',
    month: null,
    done: 0,
    total: 0,
    waiting: [],
    rulesVersion: null,
    finishedAt: null,
    error: null,
  };
  private started = false;
  private stopping = false;
  /** Imports under way that change what the checks read: the job waits for them. */
  private paused = 0;
  /** Set by every kick, so a change made while the worker was finishing is not missed. */
  private wanted = false;
  private worker: Promise<void> | null = null;

  constructor(private readonly stores: Stores) {}

  /** What the job is doing: `GET /api/autoqa/job`. */
  status(): AutoqaJobView {
    return { ...this.view, waiting: [...this.view.waiting] };
  }

  /** Checks what an earlier process left, and from now on whatever each kick finds. */
  start(): void {
    this.started = true;
    this.kick();
  }

  /** Something changed that may leave calls unchecked: look again (at once, or after the running month). */
  kick(): void {
    this.wanted = true;
    if (!this.started || this.stopping || this.paused > 0 || this.worker) return;
    // Running from the kick on: the first thing it does is look for the months left.
    this.view = { ...this.view, state: 'running' };
    this.worker = this.drain()
      .catch((e: unknown) => {
        if (!(e instanceof Stopping)) console.error('autoqa job:', e);
      })
      .finally(() => {
        this.worker = null;
        this.view = { ...this.view, state: 'idle', month: null, done: 0, total: 0, waiting: [] };
        if (this.wanted) this.kick();
      });
  }

  /** Resolves when the job has nothing running. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  /** Ends the running month after its current batch; what is left is checked after the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /**
   * Before an import: the running month stops after its current batch and none starts until
   * afterImport, so no check reads a transcript or a catalogue the import is replacing.
   */
  async beforeImport(): Promise<void> {
    this.paused++;
    await this.idle();
  }

  /** After an import: a products import drops the results the old catalogue gave; then look again. */
  async afterImport(report: ImportReport | null, actor: string): Promise<void> {
    try {
      if (report) await dropResultsForCatalogue(this.stores, report, actor);
    } finally {
      this.paused = Math.max(0, this.paused - 1);
      // Whatever the import was, the month it stopped has calls left: look again.
      this.wanted = true;
      this.kick();
    }
  }

  private async drain(): Promise<void> {
    while (this.wanted && !this.stopping) {
      this.wanted = false;
      // A month whose run failed or found nothing is not tried again until the next kick.
      const tried = new Set<string>();
      for (;;) {
        const pending = (await this.pendingMonths()).filter((m) => !tried.has(m.month));
        const next = pending[0];
        if (!next || this.stopping) break;
        tried.add(next.month);
        this.view = {
          ...this.view,
          state: 'running',
          month: next.month,
          done: 0,
          total: next.calls,
          waiting: pending.slice(1).map((m) => m.month),
        };
        try {
          await runAutoqaAudited(this.stores, next.month, ACTOR, (done, total) => {
            if (this.stopping || this.paused > 0) throw new Stopping('stopping');
            this.view = { ...this.view, done, total };
          });
          this.view = { ...this.view, error: null };
        } catch (e) {
          if (e instanceof Stopping) return;
          this.view = { ...this.view, error: `${next.month}: ${(e as Error).message}` };
        }
      }
      this.view = { ...this.view, finishedAt: new Date().toISOString() };
    }
  }

  private async pendingMonths(): Promise<{ month: string; calls: number }[]> {
    const ruleSet = await currentRuleSet(this.stores.db);
    const { timeZone } = await readSettings(this.stores.db);
    this.view = { ...this.view, rulesVersion: ruleSet.version };
    const rows = await this.stores.analytics.rows(PENDING_MONTHS_SQL, {
      tz: timeZone,
      version: ruleSet.version,
    });
    return rows.map((r) => ({ month: String(r.month), calls: Number(r.calls) }));
  }
}

/**
 * A products import that changed the catalogue changes what the product checks hear in every
 * month (a name or synonym counts on any date), so the results of the rule set in force are
 * dropped, audited, and the calls become due again; older versions' results are history and stay.
 * The command line's import calls this too, and the server's job checks the calls when it starts.
 */
export async function dropResultsForCatalogue(
  stores: Stores,
  report: ImportReport,
  actor: string,
): Promise<void> {
  if (report.kind !== 'products' || report.status !== 'done' || report.loaded === 0) return;
  const { version } = await currentRuleSet(stores.db);
  // Not in the middle of a run (a QA lead's), which would store what the old catalogue gave.
  const calls = await betweenRuns(async () => {
    const [before] = await stores.analytics.rows(COUNT_VERSION_RESULTS_SQL, { version });
    const n = Number(before?.calls ?? 0);
    if (n > 0) await stores.analytics.rows(DROP_VERSION_RESULTS_SQL, { version });
    return n;
  });
  if (calls === 0) return;
  await audit(stores.db, {
    actor,
    action: 'recheck',
    entity: 'autoqa',
    entityId: `rules-${version}`,
    after: { reason: 'products import', importId: report.importId, file: report.file, calls },
  });
}
