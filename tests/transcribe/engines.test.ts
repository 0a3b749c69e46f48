import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { wordErrorRate } from '../../core/word-error-rate.ts';
import { CallFailure } from '../../server/transcribe/engine.ts';
import { commandEngine, splitTemplate } from '../../server/transcribe/engines/command.ts';
import { parseTimedWords, wordsToSegments } from '../../server/transcribe/engines/pocketsphinx.ts';
import { sherpaModelFiles, sherpaModelKind } from '../../server/transcribe/engines/sherpa-model.ts';
import { sherpaOnnxEngine } from '../../server/transcribe/engines/sherpa-onnx.ts';
import { parseWhisperOutput } from '../../server/transcribe/engines/whisper-output.ts';
import { FAKE_WHISPER, onPath } from '../helpers/transcribe.ts';

let dir: string;
let wav: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscore-engines-'));
  mkdirSync(path.join(dir, 'CALL-1'));
  wav = path.join(dir, 'CALL-1', 'ch1.wav');
  // The fake engine only checks the file is there; it never decodes it.
  writeFileSync(wav, 'RIFF');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('the command engine', () => {
  it("reads faster-whisper's segments from what the program prints", async () => {
    const heard = await commandEngine(`${FAKE_WHISPER} {wav}`).hear(wav, 'auto');
    expect(heard.language).toBe('en');
    expect(heard.segments[0]).toEqual({
      startS: 0.6,
      endS: 3.55,
      text: 'Good morning, Nord Distribution, Ana speaking.',
    });
    expect(heard.segments).toHaveLength(3);
  });

  it("reads whisper.cpp's -oj file named by {out} (offsets in milliseconds)", async () => {
    process.env.FAKE_WHISPER_STYLE = 'cpp';
    try {
      const heard = await commandEngine(`${FAKE_WHISPER} {wav} {out}`).hear(wav, 'en');
      expect(heard.segments.map((s) => [s.startS, s.endS])).toEqual([
        [0.6, 3.55],
        [3.95, 11.05],
        [11.45, 21.36],
      ]);
    } finally {
      delete process.env.FAKE_WHISPER_STYLE;
    }
  });

  it("reads whisper.cpp's timestamps when offsets are absent", () => {
    const heard = parseWhisperOutput(
      JSON.stringify({
        result: { language: 'RO' },
        transcription: [{ timestamps: { from: '00:00:01,500', to: '00:01:02,250' }, text: ' Bună ziua' }],
      }),
    );
    expect(heard).toEqual({ language: 'ro', segments: [{ startS: 1.5, endS: 62.25, text: 'Bună ziua' }] });
    expect(parseWhisperOutput('not json')).toBeNull();
    expect(parseWhisperOutput('{"text": "no segments"}')).toBeNull();
  });

  it('says clearly what is wrong: no template, no {wav}, a program not installed, a crash, not JSON', async () => {
    expect(await message(commandEngine(undefined).ready())).toMatch(/needs --command/);
    expect(await message(commandEngine('whisper-cli -f x.wav').ready())).toMatch(
      /must name the audio file as \{wav\}/,
    );
    const missing = await message(commandEngine('no-such-whisper-program {wav}').hear(wav, 'auto'));
    expect(missing).toBe("AppError: the command engine's program is not installed: no-such-whisper-program");
    process.env.FAKE_WHISPER_FAIL_ON = 'CALL-1';
    try {
      expect(await message(commandEngine(`${FAKE_WHISPER} {wav}`).hear(wav, 'auto'))).toBe(
        'CallFailure: fake-whisper.mjs failed: model crashed on this one',
      );
    } finally {
      delete process.env.FAKE_WHISPER_FAIL_ON;
    }
    expect(await message(commandEngine('echo {wav}').hear(wav, 'auto'))).toBe(
      'CallFailure: echo did not give whisper-style JSON',
    );
  });

  it('keeps quoted words of a template together', () => {
    expect(splitTemplate(`whisper-cli -m "/opt/my models/base.bin" -oj -f {wav}`)).toEqual([
      'whisper-cli',
      '-m',
      '/opt/my models/base.bin',
      '-oj',
      '-f',
      '{wav}',
    ]);
  });
});

describe('the sherpa-onnx adapter', () => {
  const model = (name: string, files: string[]) => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    for (const f of files) writeFileSync(path.join(d, f), '');
    return d;
  };

  it('tells each model kind by its files', () => {
    expect(
      sherpaModelKind(
        model('whisper-tiny', ['tiny-encoder.int8.onnx', 'tiny-decoder.int8.onnx', 'tiny-tokens.txt']),
      ),
    ).toBe('whisper');
    expect(
      sherpaModelKind(
        model('zipformer', [
          'encoder-epoch-99-avg-1.onnx',
          'decoder-epoch-99-avg-1.onnx',
          'joiner-epoch-99-avg-1.onnx',
          'tokens.txt',
        ]),
      ),
    ).toBe('transducer');
    expect(sherpaModelKind(model('paraformer', ['model.int8.onnx', 'tokens.txt']))).toBe('paraformer');
  });

  it('refuses no folder, a missing one, a file, and a folder that is no model, saying which files a model has', () => {
    const err = (d: string | undefined) => {
      try {
        sherpaModelKind(d);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(err(undefined)).toBe(
      'the sherpa-onnx engine needs a model folder (--model DIR, or the transcribeModel setting)',
    );
    expect(err(path.join(dir, 'nowhere'))).toBe(`no model folder ${path.join(dir, 'nowhere')}`);
    expect(err(wav)).toBe(`${wav} is a file, not a model folder`);
    const ggml = model('ggml', ['ggml-base.bin']);
    expect(err(ggml)).toBe(
      `${ggml} is not a sherpa-onnx model folder (a model holds — whisper: <size>-encoder.onnx, <size>-decoder.onnx, <size>-tokens.txt; transducer: encoder*.onnx, decoder*.onnx, joiner*.onnx, tokens.txt; paraformer: model.onnx (or model.int8.onnx), tokens.txt)`,
    );
  });

  it('picks the files of one size, int8 first, and finds the VAD beside them', () => {
    const d = model('whisper-mixed', [
      'tiny-encoder.onnx',
      'tiny-encoder.int8.onnx',
      'tiny-decoder.onnx',
      'tiny-decoder.int8.onnx',
      'tiny-tokens.txt',
      'silero_vad.onnx',
    ]);
    expect(sherpaModelFiles(d)).toEqual({
      kind: 'whisper',
      dir: d,
      tokens: path.join(d, 'tiny-tokens.txt'),
      parts: {
        encoder: path.join(d, 'tiny-encoder.int8.onnx'),
        decoder: path.join(d, 'tiny-decoder.int8.onnx'),
      },
      vad: path.join(d, 'silero_vad.onnx'),
      englishOnly: false,
    });
    const z = model('zipformer-files', [
      'encoder-a.onnx',
      'decoder-a.onnx',
      'joiner-a.int8.onnx',
      'joiner-a.onnx',
      'tokens.txt',
    ]);
    expect(sherpaModelFiles(z)).toMatchObject({
      kind: 'transducer',
      parts: { encoder: path.join(z, 'encoder-a.onnx'), joiner: path.join(z, 'joiner-a.int8.onnx') },
      vad: null,
    });
    expect(
      sherpaModelFiles(
        model('base-en', ['base.en-encoder.onnx', 'base.en-decoder.onnx', 'base.en-tokens.txt']),
      ).englishOnly,
    ).toBe(true);
  });

  it('refuses Russian or Romanian with an English-only Whisper before loading anything', async () => {
    const d = model('tiny-en', ['tiny.en-encoder.onnx', 'tiny.en-decoder.onnx', 'tiny.en-tokens.txt']);
    expect(await message(sherpaOnnxEngine(d).ready('ro'))).toBe(
      `AppError: ${d} is an English-only Whisper model: --language ro needs a multilingual one (tiny, base, small)`,
    );
  });

  it("loads the model in its own process and reports onnxruntime's reason when it cannot, the server living on", async () => {
    // Empty files stand for a broken or half-copied model: onnxruntime aborts the process reading them.
    const d = model('whisper-broken', ['base-encoder.onnx', 'base-decoder.onnx', 'base-tokens.txt']);
    const engine = sherpaOnnxEngine(d);
    expect(await message(engine.ready('auto'))).toBe(
      `AppError: the sherpa-onnx model in ${d} could not be loaded: Load model from ${path.join(d, 'base-encoder.onnx')} failed:/shared/onnxruntime/core/graph/model.cc:177 onnxruntime::Model::Model(onnx::ModelProto&&, const PathString&, const IOnnxRuntimeOpSchemaRegistryList*, const onnxruntime::logging::Logger&, const onnxruntime::ModelOptions&) ModelProto does not have a graph.`,
    );
    await engine.close?.();
    // The folder is checked first: a wrong folder is what the administrator fixes first.
    expect(await message(sherpaOnnxEngine(path.join(dir, 'nowhere')).ready())).toMatch(
      /^AppError: no model folder/,
    );
  }, 60_000);
});

describe("pocketsphinx's output", () => {
  it('gives words with times, without silences, fillers or alternate-pronunciation marks, split at pauses', () => {
    const out = [
      'good morning nord',
      '<s> 0.000 0.570 0.988268',
      'good 0.580 0.900 0.9',
      'morning(2) 0.910 1.400 0.7',
      '<sil> 1.410 2.100 0.98',
      '[NOISE] 2.110 2.200 0.5',
      'nord 2.210 2.600 0.2',
      '</s> 2.610 2.700 1.0',
    ].join('\n');
    const words = parseTimedWords(out);
    expect(words.map((w) => w.word)).toEqual(['good', 'morning', 'nord']);
    expect(wordsToSegments(words)).toEqual([
      { startS: 0.58, endS: 1.4, text: 'good morning', confidence: 0.8 },
      { startS: 2.21, endS: 2.6, text: 'nord', confidence: 0.2 },
    ]);
  });

  it('is a failure of the call, not of the run, for a call in another language', async () => {
    const { pocketsphinxEngine } = await import('../../server/transcribe/engines/pocketsphinx.ts');
    const e = await pocketsphinxEngine()
      .hear(wav, 'ro')
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CallFailure);
    expect((e as Error).message).toBe('pocketsphinx reads English only');
  });
});

describe('word error rate', () => {
  it('counts substitutions, deletions and insertions over the words said, pooled over calls', () => {
    expect(wordErrorRate([{ reference: 'Good morning, Nord!', hypothesis: 'good morning nord' }])).toBe(0);
    expect(
      wordErrorRate([
        { reference: 'a b c d', hypothesis: 'a x c' }, // one substitution, one deletion
        { reference: "it's fine", hypothesis: "it's fine too" }, // one insertion
      ]),
    ).toBe(3 / 6);
  });
});

describe("the command's progress line", () => {
  it('shows calls done of all, failures, the real-time factor so far and the time left', async () => {
    const { progressLine } = await import('../../server/cli/commands/transcribe.ts');
    expect(progressLine({ done: 0, failed: 0, total: 8, audioS: 0, wallS: 1 })).toBe(
      `transcribe [${'.'.repeat(30)}] 0/8`,
    );
    expect(progressLine({ done: 3, failed: 1, total: 8, audioS: 120, wallS: 69.6 })).toBe(
      `transcribe [${'#'.repeat(15)}${'.'.repeat(15)}] 4/8 (1 failed) RTF 0.58, 1:10 left`,
    );
    expect(progressLine({ done: 8, failed: 0, total: 8, audioS: 240, wallS: 130 })).toBe(
      `transcribe [${'#'.repeat(30)}] 8/8 RTF 0.54`,
    );
  });
});

describe.skipIf(!onPath('pocketsphinx_continuous'))("pocketsphinx's model folder", () => {
  it('is refused, naming what it lacks, when it is not a pocketsphinx model', async () => {
    const { pocketsphinxEngine } = await import('../../server/transcribe/engines/pocketsphinx.ts');
    expect(await message(pocketsphinxEngine(dir).ready())).toBe(
      `AppError: ${dir} is not a pocketsphinx model folder: en-us is missing (it holds en-us/, en-us.lm.bin and cmudict-en-us.dict; Debian: apt-get install pocketsphinx-en-us)`,
    );
    expect(await message(pocketsphinxEngine().ready())).toBe('no error');
  });
});
