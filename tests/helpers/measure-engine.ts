import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wordErrorRate } from '../../core/word-error-rate.ts';
import { DEMO_RECORDINGS, DEMO_SCRIPTS, RECORDINGS_DIR } from '../../fixtures/recordings/index.ts';
import { decodeChannel, probe } from '../../server/transcribe/audio.ts';
import { CallFailure, type Engine } from '../../server/transcribe/engine.ts';

export interface LanguageFigures {
  language: 'en' | 'ru' | 'ro';
  recordings: number;
  audioS: number;
  wallS: number;
  /** Wall seconds per second of audio, one recording at a time. */
  rtf: number;
  wer: number;
  /** Recordings the engine refused, with the reason (a language it does not read). */
  failed: string[];
}

/** Runs an engine over the demo's recordings of the given languages, one at a time, and scores it. */
export async function measureEngine(
  engine: Engine,
  languages: readonly ('en' | 'ru' | 'ro')[] = ['en', 'ru', 'ro'],
): Promise<LanguageFigures[]> {
  await engine.ready();
  const work = mkdtempSync(path.join(tmpdir(), 'callscore-stt-measure-'));
  const figures: LanguageFigures[] = [];
  try {
    for (const language of languages) {
      const names = DEMO_RECORDINGS.filter((n) => DEMO_SCRIPTS[n]?.language === language);
      const pairs: { reference: string; hypothesis: string }[] = [];
      const failed: string[] = [];
      let audioS = 0;
      let wallS = 0;
      for (const name of names) {
        const file = path.join(RECORDINGS_DIR, name);
        const { seconds } = await probe(file);
        const wav = await decodeChannel(file, 1, work);
        const started = performance.now();
        try {
          const heard = await engine.hear(wav, language);
          wallS += (performance.now() - started) / 1000;
          audioS += seconds;
          pairs.push({
            reference: (DEMO_SCRIPTS[name]?.segments ?? []).map((s) => s.text).join(' '),
            hypothesis: heard.segments.map((s) => s.text).join(' '),
          });
        } catch (e) {
          if (!(e instanceof CallFailure)) throw e;
          failed.push(`${name}: ${e.message}`);
        }
      }
      figures.push({
        language,
        recordings: pairs.length,
        audioS: Math.round(audioS * 10) / 10,
        wallS: Math.round(wallS * 10) / 10,
        rtf: audioS ? Math.round((wallS / audioS) * 100) / 100 : Number.NaN,
        wer: pairs.length ? Math.round(wordErrorRate(pairs) * 1000) / 1000 : Number.NaN,
        failed,
      });
    }
  } finally {
    await engine.close?.();
    rmSync(work, { recursive: true, force: true });
  }
  return figures;
}
