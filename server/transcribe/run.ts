import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { type ImportOptions, importFile } from '../../etl/import-file.ts';
import type { ImportReport } from '../../schemas/import-report.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { dataFiles } from '../data-files.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { decodeChannel, probe, requireSox } from './audio.ts';
import { CallFailure, type Engine, type TranscribeLanguage } from './engine.ts';
import {
  CLEAR_DONE_FAILURES_SQL,
  CLEAR_FAILURE_SQL,
  FAILURES_SQL,
  PENDING_CALLS_SQL,
  RECORD_FAILURE_SQL,
} from './queries.sql.ts';

/** A recording may run this much longer than its call (ringing, the PBX's own rounding) before it is refused. */
export const LONGER_MARGIN_S = 10;
export const LONGER_MARGIN_SHARE = 0.1;
export const DEFAULT_BATCH = 8;

export interface TranscribeProgress {
  done: number;
  failed: number;
  total: number;
  /** Seconds of audio transcribed so far, and wall seconds since the run started. */
  audioS: number;
  wallS: number;
}

export interface TranscribeOptions {
  period: string;
  engine: Engine;
  language: TranscribeLanguage;
  workers?: number;
  /** Transcripts imported together: a kill loses at most the batch in flight. */
  batch?: number;
  actor: string;
  onProgress?: (p: TranscribeProgress) => void;
  /** Told after each batch is imported (how many calls it held). */
  onBatch?: (calls: number) => void;
  /** Only the calls whose last try failed (and are still without a transcript). */
  onlyFailed?: boolean;
  /** Aborted: no call is started after it; those under way finish and their batch is imported. */
  signal?: AbortSignal;
  /**
   * How a batch is imported: the server passes its import queue's turn, so a batch waits for an
   * upload being imported and AutoQA checks the new transcripts; the command line imports directly.
   */
  importer?: (o: ImportOptions) => Promise<ImportReport>;
}

export interface TranscribeFailure {
  callId: string;
  reason: string;
}

export interface TranscribeRun {
  pending: number;
  transcribed: number;
  audioS: number;
  wallS: number;
  /** Wall seconds per second of audio: below 1 is faster than the calls were spoken. */
  rtf: number | null;
  failures: TranscribeFailure[];
  /** Stopped by the signal before every call was tried. */
  cancelled: boolean;
}

interface Pending {
  call_id: string;
  recording: string;
  call_s: number | null;
}

interface CanonicalSegment {
  speaker: 'agent' | 'customer' | 'unknown';
  start_s: number;
  end_s: number;
  text: string;
  confidence?: number;
}

/** The recording's file under the data directory's recordings/, or a failure when it points outside. */
export function recordingPath(dataDir: string, recording: string): string {
  const root = dataFiles(dataDir).recordings;
  const file = path.resolve(root, recording);
  if (!file.startsWith(root + path.sep))
    throw new CallFailure(`recording outside the recordings folder: ${recording}`);
  return file;
}

/**
 * Transcribes every answered call of the period with a recording and no transcript, `workers` at a
 * time, and imports the transcripts through the importer in batches (canonical JSON Lines, as a
 * file would come), so AutoQA reads them like any other and a second run skips them.
 */
export async function transcribePeriod(
  stores: Stores & { dataDir: string },
  opts: TranscribeOptions,
): Promise<TranscribeRun> {
  await requireSox();
  const { timeZone } = await readSettings(stores.db);
  const range = monthRange(opts.period);
  let pending = (await stores.analytics.rows(PENDING_CALLS_SQL, {
    tz: timeZone,
    from: range.from,
    to: range.to,
  })) as unknown as Pending[];
  if (opts.onlyFailed) {
    const failed = new Set((await storedFailures(stores)).map((f) => String(f.call_id)));
    pending = pending.filter((p) => failed.has(p.call_id));
  }
  const importer = opts.importer ?? ((o: ImportOptions) => importFile(stores, o));
  // Last before the work starts: an engine may keep processes running from here until close().
  await opts.engine.ready(opts.language);
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), 'callscore-transcribe-'));
  const batchSize = Math.max(1, opts.batch ?? DEFAULT_BATCH);
  const failures: TranscribeFailure[] = [];
  let ready: string[] = [];
  let importing: Promise<void> = Promise.resolve();
  let imported = 0;
  let done = 0;
  let audioS = 0;
  let batchNo = 0;
  const progress = () =>
    opts.onProgress?.({
      done,
      failed: failures.length,
      total: pending.length,
      audioS,
      wallS: (Date.now() - started) / 1000,
    });

  // One import at a time, in the order batches fill: the importer holds the store while it loads.
  const flush = () => {
    if (!ready.length) return importing;
    const lines = ready;
    ready = [];
    batchNo += 1;
    const file = path.join(work, `transcribe-${opts.period}-${started}-${batchNo}.jsonl`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    importing = importing.then(async () => {
      const report = await importer({
        kind: 'transcripts',
        file,
        format: 'jsonl',
        actor: opts.actor,
        timeZone,
      });
      if (report.status === 'rejected')
        throw new AppError('internal', `transcripts not imported: ${report.message}`);
      await stores.analytics.rows(CLEAR_DONE_FAILURES_SQL);
      // What the importer loaded: a transcript it quarantined stays pending for the next run.
      const loaded = report.status === 'done' ? (report.transcripts?.loaded ?? lines.length) : 0;
      imported += loaded;
      opts.onBatch?.(loaded);
    });
    return importing;
  };

  const fail = async (call: Pending, reason: string) => {
    failures.push({ callId: call.call_id, reason });
    await stores.analytics.rows(CLEAR_FAILURE_SQL, { call: call.call_id });
    await stores.analytics.rows(RECORD_FAILURE_SQL, { call: call.call_id, engine: opts.engine.name, reason });
  };

  const one = async (call: Pending) => {
    // Named for the call, so an engine's own log tells which call each file was.
    const dir = path.join(work, call.call_id.replace(/[^\w.-]/g, '_'));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      const file = recordingPath(stores.dataDir, call.recording);
      const info = await probe(file);
      const callS = call.call_s == null ? null : Number(call.call_s);
      if (callS != null && info.seconds > callS + Math.max(LONGER_MARGIN_S, callS * LONGER_MARGIN_SHARE)) {
        throw new CallFailure(
          `recording is ${info.seconds.toFixed(1)} s, longer than the call's ${callS.toFixed(1)} s: not this call's recording?`,
        );
      }
      // MixMonitor's stereo: channel 1 is the agent, 2 the customer; mono has no speakers.
      const channels: { channel: number; speaker: CanonicalSegment['speaker'] }[] =
        info.channels >= 2
          ? [
              { channel: 1, speaker: 'agent' },
              { channel: 2, speaker: 'customer' },
            ]
          : [{ channel: 1, speaker: 'unknown' }];
      const segments: CanonicalSegment[] = [];
      let language: string | undefined;
      for (const { channel, speaker } of channels) {
        const wav = await decodeChannel(file, channel, dir);
        const heard = await opts.engine.hear(wav, opts.language);
        language ??= heard.language;
        for (const s of heard.segments) {
          segments.push({
            speaker,
            start_s: round(s.startS),
            end_s: round(s.endS),
            text: s.text,
            ...(s.confidence != null ? { confidence: s.confidence } : {}),
          });
        }
      }
      const lang = opts.language === 'auto' ? language : opts.language;
      if (!lang)
        throw new CallFailure(`${opts.engine.name} did not say the call's language: give --language`);
      if (!segments.length) throw new CallFailure('no speech heard');
      segments.sort((a, b) => a.start_s - b.start_s);
      ready.push(
        JSON.stringify({ call_id: call.call_id, language: lang, engine: opts.engine.name, segments }),
      );
      audioS += info.seconds;
      done += 1;
      if (ready.length >= batchSize) await flush();
    } catch (e) {
      if (!(e instanceof CallFailure)) throw e;
      await fail(call, e.message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    progress();
  };

  let next = 0;
  try {
    progress();
    const workers = Math.max(1, Math.min(opts.workers ?? 1, pending.length || 1));
    // An error of the run (not of one call) stops every worker before the temporary folder goes.
    let stop = false;
    const settled = await Promise.allSettled(
      Array.from({ length: workers }, async () => {
        while (!stop && !opts.signal?.aborted && next < pending.length) {
          const call = pending[next++] as Pending;
          try {
            await one(call);
          } catch (e) {
            stop = true;
            throw e;
          }
        }
      }),
    );
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await flush();
  } finally {
    await opts.engine.close?.();
    rmSync(work, { recursive: true, force: true });
  }
  const wallS = (Date.now() - started) / 1000;
  const run: TranscribeRun = {
    pending: pending.length,
    transcribed: imported,
    audioS: round(audioS),
    wallS: round(wallS),
    rtf: audioS > 0 ? round(wallS / audioS) : null,
    failures,
    cancelled: next < pending.length,
  };
  await audit(stores.db, {
    actor: opts.actor,
    action: 'run',
    entity: 'transcribe',
    entityId: opts.period,
    after: { engine: opts.engine.name, language: opts.language, ...run },
  });
  return run;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The failures stored by earlier runs that are not yet transcribed. */
export async function storedFailures(stores: Stores) {
  return stores.analytics.rows(FAILURES_SQL);
}
