import { AppError } from '../../core/errors.ts';
import { monthRange } from '../../schemas/period.ts';
import type {
  TranscribeFailureView,
  TranscribeJobView,
  TranscribeStartRequest,
} from '../../schemas/transcribe.ts';
import { audit } from '../audit/audit.ts';
import type { Deps } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { requireSox } from './audio.ts';
import type { Engine } from './engine.ts';
import { pickEngine } from './engines.ts';
import { progressFigures } from './progress.ts';
import { FAILURES_VIEW_SQL } from './queries.sql.ts';
import { transcribePeriod } from './run.ts';

const IDLE: TranscribeJobView = {
  state: 'idle',
  period: null,
  engine: null,
  language: null,
  onlyFailed: false,
  startedBy: null,
  startedAt: null,
  finishedAt: null,
  done: 0,
  failed: 0,
  total: 0,
  audioS: 0,
  wallS: 0,
  rtf: null,
  etaS: null,
  imported: 0,
  outcome: null,
  error: null,
};

/**
 * The web app's transcription runs (`/api/transcribe`): one at a time, in the background, the same
 * run as `callscore transcribe` with its batches imported through the import queue's turn. Only
 * the running job's progress is held in memory; what it did is in the data (transcripts, the
 * stored failures) and the audit log, so a restart loses nothing but the batch in flight, and the
 * next run does what is left.
 */
export class TranscribeJob {
  private view: TranscribeJobView = { ...IDLE };
  private abort: AbortController | null = null;
  private worker: Promise<void> | null = null;
  /** Held from the start request's first check, so two requests at once cannot both start. */
  private starting = false;

  constructor(private readonly deps: Pick<Deps, 'db' | 'analytics' | 'dataDir' | 'imports'>) {}

  status(): TranscribeJobView {
    return { ...this.view };
  }

  /**
   * Checks the engine and its model (a 400 saying what is wrong, nothing started), then runs in
   * the background. What the request leaves out comes from the settings.
   */
  async start(req: TranscribeStartRequest, actor: string): Promise<TranscribeJobView> {
    if (this.worker || this.starting) {
      throw new AppError(
        'conflict',
        `a transcription of ${this.view.period} is running: wait for it or cancel it first`,
      );
    }
    this.starting = true;
    let engine: Engine | null = null;
    try {
      const settings = await readSettings(this.deps.db);
      const engineName = req.engine ?? settings.transcribeEngine;
      // The setting's model folder goes with the setting's engine only.
      const model =
        (req.model ?? (engineName === settings.transcribeEngine ? settings.transcribeModel : '')) ||
        undefined;
      const language = req.language ?? settings.transcribeLanguage;
      if (engineName === 'pocketsphinx' && language !== 'auto' && language !== 'en') {
        throw new AppError('bad_request', 'pocketsphinx reads English only: choose English or auto');
      }
      engine = pickEngine({ engine: engineName, ...(model ? { model } : {}) });
      await requireSox();
      await engine.ready(language);
      const abort = new AbortController();
      this.abort = abort;
      this.view = {
        ...IDLE,
        state: 'running',
        period: req.period,
        engine: engine.name,
        language,
        onlyFailed: req.onlyFailed ?? false,
        startedBy: actor,
        startedAt: new Date().toISOString(),
      };
      await audit(this.deps.db, {
        actor,
        action: 'start',
        entity: 'transcribe',
        entityId: req.period,
        after: { engine: engine.name, model: model ?? null, language, onlyFailed: req.onlyFailed ?? false },
      });
      const running = engine;
      this.worker = this.run(running, req, language, actor, abort.signal).finally(() => {
        this.worker = null;
        this.abort = null;
      });
      engine = null;
      return this.status();
    } finally {
      this.starting = false;
      // Not handed to a run: its worker processes (sherpa-onnx) end here.
      await engine?.close?.();
    }
  }

  private async run(
    engine: Engine,
    req: TranscribeStartRequest,
    language: NonNullable<TranscribeJobView['language']>,
    actor: string,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      const run = await transcribePeriod(this.deps, {
        period: req.period,
        engine,
        language,
        workers: req.workers ?? 1,
        actor,
        signal,
        ...(req.onlyFailed ? { onlyFailed: true } : {}),
        importer: (o) => this.deps.imports.importNow(o),
        onProgress: (p) => {
          this.view = { ...this.view, ...progressFigures(p) };
        },
        onBatch: (calls) => {
          this.view = { ...this.view, imported: this.view.imported + calls };
        },
      });
      this.view = {
        ...this.view,
        state: 'idle',
        imported: run.transcribed,
        etaS: null,
        outcome: run.cancelled ? 'cancelled' : 'done',
        finishedAt: new Date().toISOString(),
      };
    } catch (e) {
      if (!(e instanceof AppError)) console.error('transcribe job:', e);
      this.view = {
        ...this.view,
        state: 'idle',
        etaS: null,
        outcome: 'failed',
        error: (e as Error).message,
        finishedAt: new Date().toISOString(),
      };
    } finally {
      // The run closes the engine itself; this covers an error before it got that far.
      await engine.close?.();
    }
  }

  /** No call is started after this; those under way finish and their batch is imported. */
  async cancel(actor: string): Promise<TranscribeJobView> {
    if (!this.worker || !this.abort) throw new AppError('conflict', 'no transcription is running');
    this.abort.abort();
    this.view = { ...this.view, state: 'cancelling' };
    await audit(this.deps.db, {
      actor,
      action: 'cancel',
      entity: 'transcribe',
      entityId: this.view.period,
      after: { done: this.view.done, failed: this.view.failed, total: this.view.total },
    });
    return this.status();
  }

  /** Resolves when no run is under way. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  /** The server is stopping: the run ends after the calls under way, as a cancel would. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.idle();
  }

  /** The stored failures of a month (every one without it), with their call's date and recording. */
  async failures(period: string | undefined): Promise<TranscribeFailureView[]> {
    const { timeZone } = await readSettings(this.deps.db);
    const range = period ? monthRange(period) : { from: '1970-01-01', to: '1970-01-01' };
    const rows = await this.deps.analytics.rows(FAILURES_VIEW_SQL, {
      tz: timeZone,
      from: range.from,
      to: range.to,
      all: !period,
    });
    return rows.map((r) => ({
      callId: String(r.call_id),
      date: r.date == null ? null : String(r.date),
      recording: r.recording == null ? null : String(r.recording),
      engine: String(r.engine),
      reason: String(r.reason),
      failedAt: String(r.failed_at),
    }));
  }
}
