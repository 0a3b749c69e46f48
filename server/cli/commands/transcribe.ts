import { resolveDataDir } from '../../config.ts';
import { openDataDir, type Runtime } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import type { Engine, TranscribeLanguage } from '../../transcribe/engine.ts';
import { pickEngine } from '../../transcribe/engines.ts';
import {
  TRANSCRIBE_ENGINES,
  TRANSCRIBE_LANGUAGES,
  type TranscribeEngineName,
} from '../../transcribe/options.ts';
import { progressFigures } from '../../transcribe/progress.ts';
import { DEFAULT_BATCH, type TranscribeProgress, transcribePeriod } from '../../transcribe/run.ts';
import { cliArgs, intFlag, UsageError } from '../args.ts';
import { periodFlag } from './score.ts';

/** Seconds as m:ss, or h:mm:ss from an hour on. */
const clockTime = (s: number) => {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(Math.floor(s % 60)).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
};

/**
 * One line on stderr, redrawn in place on a terminal: calls done, failures, the real-time factor
 * and the time left at the pace so far.
 */
export function progressLine(p: TranscribeProgress): string {
  const width = 30;
  const share = p.total ? (p.done + p.failed) / p.total : 1;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  const rtf = p.audioS > 0 ? ` RTF ${(p.wallS / p.audioS).toFixed(2)}` : '';
  const { etaS } = progressFigures(p);
  const left = etaS != null && p.done + p.failed < p.total ? `, ${clockTime(etaS)} left` : '';
  return `transcribe [${bar}] ${p.done + p.failed}/${p.total}${p.failed ? ` (${p.failed} failed)` : ''}${rtf}${left}`;
}

/**
 * `callscore transcribe --period YYYY-MM [--engine E] [--model DIR] [--command T] [--workers N]
 * [--language L] [--batch N]`: the month's recorded calls without a transcript, transcribed on
 * this machine and imported.
 */
export async function transcribeCommand(argv: string[]) {
  const { values } = cliArgs(argv, {
    period: { type: 'string' },
    engine: { type: 'string' },
    model: { type: 'string' },
    command: { type: 'string' },
    workers: { type: 'string' },
    language: { type: 'string' },
    batch: { type: 'string' },
  });
  const period = periodFlag(values.period);
  const workers = intFlag(values.workers, 'workers', 1, 1, 64);
  const batch = intFlag(values.batch, 'batch', DEFAULT_BATCH, 1, 10_000);
  const rt = await openDataDir(resolveDataDir(values.data), { webDir: null });
  try {
    // What the flags leave out comes from the settings, as for a run started in the web app.
    const settings = await readSettings(rt.db);
    const engineName = (values.engine ?? settings.transcribeEngine) as TranscribeEngineName;
    if (!TRANSCRIBE_ENGINES.includes(engineName))
      throw new UsageError(`--engine must be one of ${TRANSCRIBE_ENGINES.join(', ')}`);
    const language = (values.language ?? settings.transcribeLanguage) as TranscribeLanguage;
    if (!TRANSCRIBE_LANGUAGES.includes(language))
      throw new UsageError(`--language must be one of ${TRANSCRIBE_LANGUAGES.join(', ')}`);
    if (engineName === 'pocketsphinx' && language !== 'auto' && language !== 'en')
      throw new UsageError('pocketsphinx reads English only: --language en or auto');
    // The setting's model goes with the setting's engine only.
    const model = values.model ?? (values.engine ? undefined : settings.transcribeModel || undefined);
    const engine = pickEngine({
      engine: engineName,
      ...(model ? { model } : {}),
      ...(values.command ? { command: values.command } : {}),
    });
    await runAndReport(rt, { period, engine, language, workers, batch });
  } finally {
    await rt.close();
  }
}

/** The run, its progress line on a terminal, and what it did on stdout. */
async function runAndReport(
  rt: Runtime,
  o: { period: string; engine: Engine; language: TranscribeLanguage; workers: number; batch: number },
) {
  const { period, engine, language, workers, batch } = o;
  const tty = process.stderr.isTTY;
  let last = '';
  const run = await transcribePeriod(rt, {
    period,
    engine,
    language,
    workers,
    batch,
    actor: 'cli',
    onProgress: (p) => {
      if (!tty) return;
      const line = progressLine(p);
      if (line !== last) process.stderr.write(`\r\x1b[2K${line}`);
      last = line;
    },
    // Said as each batch is in, so whoever watches knows what a kill would keep.
    onBatch: (calls) => {
      if (tty && last) process.stderr.write('\r\x1b[2K');
      console.log(`imported ${calls} transcripts`);
      last = '';
    },
  });
  if (tty && last) process.stderr.write('\r\x1b[2K');
  const rtf = run.rtf == null ? '' : `, real-time factor ${run.rtf.toFixed(2)}`;
  console.log(
    `${period}: ${run.transcribed} of ${run.pending} calls transcribed with ${engine.name} (${run.audioS.toFixed(0)} s of audio in ${run.wallS.toFixed(0)} s${rtf}), ${run.failures.length} failed`,
  );
  for (const f of run.failures) console.log(`  ${f.callId}: ${f.reason}`);
  if (run.failures.length) console.log('  (stored; tried again on the next run)');
}
