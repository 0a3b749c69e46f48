import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/errors.ts';
import type { TranscribeLanguage } from '../engine.ts';

/** The model kinds the adapter reads, each by the files its folder holds (as sherpa-onnx publishes them). */
export const SHERPA_MODEL_KINDS = [
  {
    kind: 'whisper',
    files: ['<size>-encoder.onnx', '<size>-decoder.onnx', '<size>-tokens.txt'],
    test: (names: string[]) =>
      names.some((n) => /-encoder(\.int8)?\.onnx$/.test(n)) &&
      names.some((n) => /-decoder(\.int8)?\.onnx$/.test(n)) &&
      names.some((n) => /-tokens\.txt$/.test(n)),
  },
  {
    kind: 'transducer',
    files: ['encoder*.onnx', 'decoder*.onnx', 'joiner*.onnx', 'tokens.txt'],
    test: (names: string[]) =>
      ['encoder', 'decoder', 'joiner'].every((p) =>
        names.some((n) => n.startsWith(p) && n.endsWith('.onnx')),
      ) && names.includes('tokens.txt'),
  },
  {
    kind: 'paraformer',
    files: ['model.onnx (or model.int8.onnx)', 'tokens.txt'],
    test: (names: string[]) =>
      names.some((n) => /^model(\.int8)?\.onnx$/.test(n)) && names.includes('tokens.txt'),
  },
] as const;

export type SherpaModelKind = (typeof SHERPA_MODEL_KINDS)[number]['kind'];

/** The voice-activity model the adapter looks for beside the model's own files. */
export const SILERO_VAD_FILE = 'silero_vad.onnx';

/** Which files of the folder the recognizer is built from: what the worker process is given. */
export interface SherpaModelFiles {
  kind: SherpaModelKind;
  dir: string;
  tokens: string;
  /** whisper: encoder, decoder; transducer: encoder, decoder, joiner; paraformer: model. */
  parts: Record<string, string>;
  /** silero_vad.onnx when the folder has one: long recordings are split where nobody speaks. */
  vad: string | null;
  /** An English-only Whisper (`tiny.en`, `base.en`, …): it cannot hear Russian or Romanian. */
  englishOnly: boolean;
}

/** Which kind of sherpa-onnx model the folder holds, or an AppError saying what is wrong with it. */
export function sherpaModelKind(dir: string | undefined): SherpaModelKind {
  if (!dir)
    throw new AppError(
      'bad_request',
      'the sherpa-onnx engine needs a model folder (--model DIR, or the transcribeModel setting)',
    );
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new AppError('bad_request', `no model folder ${dir}`);
  }
  if (!isDir) throw new AppError('bad_request', `${dir} is a file, not a model folder`);
  const names = readdirSync(dir);
  const found = SHERPA_MODEL_KINDS.find((k) => k.test(names));
  if (!found) {
    const kinds = SHERPA_MODEL_KINDS.map((k) => `${k.kind}: ${k.files.join(', ')}`).join('; ');
    throw new AppError('bad_request', `${dir} is not a sherpa-onnx model folder (a model holds — ${kinds})`);
  }
  return found.kind;
}

/**
 * The file of one part, int8 first when both are there: on a CPU the quantised model is several
 * times faster for a small loss of accuracy, which is why sherpa-onnx publishes both.
 */
function part(names: readonly string[], pattern: RegExp): string | undefined {
  const matching = names.filter((n) => pattern.test(n)).sort();
  return matching.find((n) => n.includes('.int8.')) ?? matching[0];
}

/** The folder's files for the recognizer, after sherpaModelKind has said which kind it is. */
export function sherpaModelFiles(dir: string): SherpaModelFiles {
  const kind = sherpaModelKind(dir);
  const names = readdirSync(dir);
  const at = (n: string | undefined) => path.join(dir, n as string);
  const vad = existsSync(path.join(dir, SILERO_VAD_FILE)) ? path.join(dir, SILERO_VAD_FILE) : null;
  if (kind === 'whisper') {
    const encoder = part(names, /-encoder(\.int8)?\.onnx$/) as string;
    // The encoder names the size (`tiny`, `base.en`): the decoder and tokens of the same size go with it.
    const size = encoder.replace(/-encoder(\.int8)?\.onnx$/, '');
    const decoder =
      part(names, new RegExp(`^${escapeRegExp(size)}-decoder(\\.int8)?\\.onnx$`)) ??
      (part(names, /-decoder(\.int8)?\.onnx$/) as string);
    const tokens = names.includes(`${size}-tokens.txt`)
      ? `${size}-tokens.txt`
      : (names.find((n) => n.endsWith('-tokens.txt')) as string);
    return {
      kind,
      dir,
      tokens: at(tokens),
      parts: { encoder: at(encoder), decoder: at(decoder) },
      vad,
      englishOnly: /(^|[.-])en$/.test(size),
    };
  }
  if (kind === 'transducer') {
    return {
      kind,
      dir,
      tokens: at('tokens.txt'),
      parts: {
        encoder: at(part(names, /^encoder.*\.onnx$/)),
        decoder: at(part(names, /^decoder.*\.onnx$/)),
        joiner: at(part(names, /^joiner.*\.onnx$/)),
      },
      vad,
      englishOnly: false,
    };
  }
  return {
    kind,
    dir,
    tokens: at('tokens.txt'),
    parts: { model: at(part(names, /^model(\.int8)?\.onnx$/)) },
    vad,
    englishOnly: false,
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A language the model cannot hear, refused before the run rather than once per call. */
export function refuseLanguage(files: SherpaModelFiles, language: TranscribeLanguage): void {
  if (files.englishOnly && language !== 'auto' && language !== 'en') {
    throw new AppError(
      'bad_request',
      `${files.dir} is an English-only Whisper model: --language ${language} needs a multilingual one (tiny, base, small)`,
    );
  }
}
