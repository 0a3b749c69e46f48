import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AppError } from '../../../core/errors.ts';
import type { Engine } from '../engine.ts';

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

/** Which kind of sherpa-onnx model the folder holds, or an AppError saying what is wrong with it. */
export function sherpaModelKind(dir: string | undefined): SherpaModelKind {
  if (!dir)
    throw new AppError(
      'bad_request',
      'the sherpa-onnx engine needs --model DIR, the folder of a sherpa-onnx model',
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

/** Whether the npm package can be loaded from here (it is optional: a center installs it with a model). */
export function sherpaInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('sherpa-onnx-node');
    return true;
  } catch {
    return false;
  }
}

/**
 * sherpa-onnx through npm `sherpa-onnx-node`. This slice checks the model folder and the package;
 * decoding through it is not built yet, and says so rather than pretend.
 */
export function sherpaOnnxEngine(modelDir: string | undefined): Engine {
  return {
    name: 'sherpa-onnx',
    async ready() {
      const kind = sherpaModelKind(modelDir);
      if (!sherpaInstalled()) {
        throw new AppError(
          'bad_request',
          'the npm package sherpa-onnx-node is not installed (npm install sherpa-onnx-node beside callscore)',
        );
      }
      throw new AppError(
        'bad_request',
        `decoding with sherpa-onnx (${kind} model) is not built yet: use --engine command with sherpa-onnx's own command-line tool`,
      );
    },
    async hear() {
      throw new AppError('bad_request', 'decoding with sherpa-onnx is not built yet');
    },
  };
}
