/**
 * One sherpa-onnx recognizer in its own process. onnxruntime aborts the whole process on a model it
 * cannot load (a C++ exception nobody catches), and a native crash mid-call would take the server
 * with it: here it takes only this process, and the parent reports it as the call's or the model's
 * failure. Started by sherpa-onnx.ts with the model's files as its argument; reads one request per
 * line on stdin (`{"id","wav","language"}`) and answers each on stdout, after a first `ready` line
 * once the model is loaded. Every answer starts with PREFIX so that whatever the native library
 * prints on stdout is not taken for one.
 */
import { createRequire } from 'node:module';
import readline from 'node:readline';
import type { Heard, HeardSegment } from '../engine.ts';
import type { SherpaModelFiles } from './sherpa-model.ts';
import { SAMPLE_RATE, SHERPA_PREFIX, type SherpaAnswer, type SherpaRequest } from './sherpa-protocol.ts';

interface Wave {
  samples: Float32Array;
  sampleRate: number;
}
interface Stream {
  acceptWaveform(w: Wave): void;
}
interface Recognizer {
  config: RecognizerConfig;
  createStream(): Stream;
  decode(s: Stream): void;
  getResult(s: Stream): { text: string; lang?: string };
  setConfig(c: RecognizerConfig): void;
}
interface RecognizerConfig {
  featConfig: { sampleRate: number; featureDim: number };
  modelConfig: Record<string, unknown> & { whisper?: Record<string, string> & { language: string } };
}
interface Vad {
  acceptWaveform(samples: Float32Array): void;
  isEmpty(): boolean;
  front(external?: boolean): { start: number; samples: Float32Array };
  pop(): void;
  flush(): void;
  reset(): void;
}
interface Sherpa {
  OfflineRecognizer: new (c: RecognizerConfig) => Recognizer;
  Vad: new (c: unknown, bufferS: number) => Vad;
  readWave(file: string): Wave;
}

/** Whisper reads at most 30 s at a time; without a VAD a recording is cut into pieces this long. */
const WHISPER_PIECE_S = 28;
const OTHER_PIECE_S = 60;
/** A VAD segment longer than this is cut, so that Whisper's 30 s window holds it. */
const VAD_MAX_SPEECH_S = 20;
const VAD_WINDOW = 512;

const answer = (a: SherpaAnswer) => process.stdout.write(`${SHERPA_PREFIX}${JSON.stringify(a)}\n`);

const files = JSON.parse(process.argv[2] ?? '{}') as SherpaModelFiles;
const sherpa = createRequire(import.meta.url)('sherpa-onnx-node') as Sherpa;

function modelConfig(): RecognizerConfig['modelConfig'] {
  const base = { tokens: files.tokens, numThreads: 1, provider: 'cpu', debug: 0 };
  if (files.kind === 'whisper')
    return { ...base, whisper: { ...files.parts, language: '', task: 'transcribe' } };
  if (files.kind === 'transducer') return { ...base, transducer: files.parts };
  return { ...base, paraformer: files.parts };
}

const recognizer = new sherpa.OfflineRecognizer({
  featConfig: { sampleRate: SAMPLE_RATE, featureDim: 80 },
  modelConfig: modelConfig(),
});
const vad = files.vad
  ? new sherpa.Vad(
      {
        sileroVad: {
          model: files.vad,
          threshold: 0.5,
          minSilenceDuration: 0.3,
          minSpeechDuration: 0.25,
          maxSpeechDuration: VAD_MAX_SPEECH_S,
          windowSize: VAD_WINDOW,
        },
        sampleRate: SAMPLE_RATE,
        numThreads: 1,
        debug: 0,
      },
      60,
    )
  : null;

/** The stretches of the recording to decode one at a time: where the VAD heard speech, or fixed pieces. */
function pieces(samples: Float32Array): { start: number; samples: Float32Array }[] {
  if (!vad) {
    const size = (files.kind === 'whisper' ? WHISPER_PIECE_S : OTHER_PIECE_S) * SAMPLE_RATE;
    const out = [];
    for (let at = 0; at < samples.length; at += size)
      out.push({ start: at, samples: samples.subarray(at, at + size) });
    return out;
  }
  const out: { start: number; samples: Float32Array }[] = [];
  const take = () => {
    while (!vad.isEmpty()) {
      const s = vad.front(false);
      out.push({ start: s.start, samples: Float32Array.from(s.samples) });
      vad.pop();
    }
  };
  vad.reset();
  for (let at = 0; at < samples.length; at += VAD_WINDOW) {
    vad.acceptWaveform(samples.subarray(at, at + VAD_WINDOW));
    take();
  }
  vad.flush();
  take();
  return out;
}

/** Whisper says the language as `en` or `<|en|>`: the two letters, or nothing. */
const languageOf = (lang: string | undefined) => {
  const m = /([a-z]{2})/.exec((lang ?? '').toLowerCase());
  return m ? m[1] : undefined;
};

function hear(req: SherpaRequest): Heard {
  // An English-only Whisper takes no language at all.
  if (files.kind === 'whisper' && !files.englishOnly) {
    const want = req.language === 'auto' ? '' : req.language;
    const whisper = recognizer.config.modelConfig.whisper;
    if (whisper && whisper.language !== want) {
      recognizer.setConfig({
        ...recognizer.config,
        modelConfig: { ...recognizer.config.modelConfig, whisper: { ...whisper, language: want } },
      });
    }
  }
  const wave = sherpa.readWave(req.wav);
  if (wave.sampleRate !== SAMPLE_RATE)
    throw new Error(`the audio is ${wave.sampleRate} Hz, not ${SAMPLE_RATE}`);
  const segments: HeardSegment[] = [];
  const languages = new Map<string, number>();
  for (const piece of pieces(wave.samples)) {
    const stream = recognizer.createStream();
    stream.acceptWaveform({ samples: piece.samples, sampleRate: SAMPLE_RATE });
    recognizer.decode(stream);
    const result = recognizer.getResult(stream);
    const text = result.text.trim();
    if (!text) continue;
    const lang = languageOf(result.lang);
    if (lang) languages.set(lang, (languages.get(lang) ?? 0) + text.length);
    segments.push({
      startS: piece.start / SAMPLE_RATE,
      endS: (piece.start + piece.samples.length) / SAMPLE_RATE,
      text,
    });
  }
  // The language heard most (by text), as Whisper detects it piece by piece.
  const language = [...languages].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { ...(language ? { language } : {}), segments };
}

answer({ ready: true });
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const req = JSON.parse(line) as SherpaRequest;
  try {
    answer({ id: req.id, heard: hear(req) });
  } catch (e) {
    answer({ id: req.id, error: (e as Error).message });
  }
});
