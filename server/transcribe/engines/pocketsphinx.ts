import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/errors.ts';
import {
  CallFailure,
  type Engine,
  type Heard,
  type HeardSegment,
  type TranscribeLanguage,
} from '../engine.ts';
import { capture, lastLine } from '../spawn-capture.ts';

/** Where Debian's pocketsphinx-en-us puts the US English model. */
export const DEBIAN_MODEL = '/usr/share/pocketsphinx/model/en-us';
/** A pause at least this long (seconds) between two words starts a new segment. */
const PAUSE_S = 0.5;

interface Word {
  word: string;
  startS: number;
  endS: number;
  confidence: number;
}

/** Tokens that are not words: sentence marks, silence, fillers and noises (`[NOISE]`, `++UH++`). */
const NOT_A_WORD = /^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+)$/;

/**
 * pocketsphinx_continuous with `-time yes` prints the hypothesis, then one line per token:
 * `word start end posterior` (alternate pronunciations as `word(2)`).
 */
export function parseTimedWords(stdout: string): Word[] {
  const words: Word[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S+) (\d+\.\d+) (\d+\.\d+) (\d+(?:\.\d+)?)$/.exec(line.trim());
    if (!m) continue;
    const token = (m[1] as string).replace(/\(\d+\)$/, '');
    if (NOT_A_WORD.test(token)) continue;
    words.push({ word: token, startS: Number(m[2]), endS: Number(m[3]), confidence: Number(m[4]) });
  }
  return words;
}

/** Words into segments, split where the speaker paused; a segment's confidence is its words' mean. */
export function wordsToSegments(words: readonly Word[], pauseS = PAUSE_S): HeardSegment[] {
  const segments: HeardSegment[] = [];
  let cur: Word[] = [];
  const flush = () => {
    if (!cur.length) return;
    const first = cur[0] as Word;
    const last = cur.at(-1) as Word;
    segments.push({
      startS: first.startS,
      endS: last.endS,
      text: cur.map((w) => w.word).join(' '),
      confidence: Math.round((cur.reduce((n, w) => n + w.confidence, 0) / cur.length) * 1000) / 1000,
    });
    cur = [];
  };
  for (const w of words) {
    const prev = cur.at(-1);
    if (prev && w.startS - prev.endS >= pauseS) flush();
    cur.push(w);
  }
  flush();
  return segments;
}

/** CMU Sphinx through Debian's packages: US English only, weak, but installable everywhere. */
export function pocketsphinxEngine(modelDir = DEBIAN_MODEL): Engine {
  const hmm = path.join(modelDir, 'en-us');
  const lm = path.join(modelDir, 'en-us.lm.bin');
  const dict = path.join(modelDir, 'cmudict-en-us.dict');
  return {
    name: 'pocketsphinx',
    async ready() {
      const r = await capture('pocketsphinx_continuous', ['-h']);
      if (r.missing) {
        throw new AppError(
          'bad_request',
          'pocketsphinx is not installed (Debian: apt-get install pocketsphinx pocketsphinx-en-us)',
        );
      }
      for (const needed of [hmm, lm, dict]) {
        if (!existsSync(needed)) {
          throw new AppError(
            'bad_request',
            `${modelDir} is not a pocketsphinx model folder: ${path.basename(needed)} is missing (it holds en-us/, en-us.lm.bin and cmudict-en-us.dict; Debian: apt-get install pocketsphinx-en-us)`,
          );
        }
      }
    },
    async hear(wav: string, language: TranscribeLanguage): Promise<Heard> {
      if (language !== 'en' && language !== 'auto') {
        throw new CallFailure('pocketsphinx reads English only');
      }
      const r = await capture('pocketsphinx_continuous', [
        '-infile',
        wav,
        '-time',
        'yes',
        '-hmm',
        hmm,
        '-lm',
        lm,
        '-dict',
        dict,
        '-logfn',
        '/dev/null',
      ]);
      if (r.code !== 0)
        throw new CallFailure(`pocketsphinx failed: ${lastLine(r.stderr) || `exit ${r.code}`}`);
      return { language: 'en', segments: wordsToSegments(parseTimedWords(r.stdout)) };
    },
  };
}
