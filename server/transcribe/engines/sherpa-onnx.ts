import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../../../core/errors.ts';
import { CallFailure, type Engine, type Heard, type TranscribeLanguage } from '../engine.ts';
import { lastLine } from '../spawn-capture.ts';
import { refuseLanguage, type SherpaModelFiles, sherpaModelFiles } from './sherpa-model.ts';
import { SHERPA_PREFIX, type SherpaAnswer, type SherpaRequest } from './sherpa-protocol.ts';

export { SHERPA_MODEL_KINDS, type SherpaModelKind, sherpaModelKind } from './sherpa-model.ts';

/** Whether the npm package can be loaded from here (it is optional: a center installs it with a model). */
export function sherpaInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('sherpa-onnx-node');
    return true;
  } catch {
    return false;
  }
}

const WORKER = fileURLToPath(new URL('./sherpa-worker.ts', import.meta.url));

/** One worker process with its model loaded, answering one request at a time. */
class SherpaProcess {
  private readonly child: ChildProcess;
  private stderr = '';
  private nextId = 1;
  private waiting = new Map<number, { resolve: (h: Heard) => void; reject: (e: Error) => void }>();
  /** Resolves once the model is loaded; rejects with why it could not be. */
  readonly loaded: Promise<void>;
  exited = false;

  constructor(files: SherpaModelFiles) {
    // tsx runs the worker's TypeScript, as it runs the command line itself.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    this.child = spawn(process.execPath, ['--import', tsx, WORKER, JSON.stringify(files)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let onReady: () => void = () => {};
    let onFail: (e: Error) => void = () => {};
    this.loaded = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    this.child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-8000);
    });
    let buffer = '';
    this.child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        if (!line.startsWith(SHERPA_PREFIX)) continue;
        const a = JSON.parse(line.slice(SHERPA_PREFIX.length)) as SherpaAnswer;
        if ('ready' in a) {
          onReady();
          continue;
        }
        const w = this.waiting.get(a.id);
        this.waiting.delete(a.id);
        if (a.heard) w?.resolve(a.heard);
        else w?.reject(new CallFailure(`sherpa-onnx failed: ${a.error}`));
      }
    });
    const died = (why: string) => {
      if (this.exited) return;
      this.exited = true;
      const reason = this.reason() || why;
      onFail(
        new AppError('bad_request', `the sherpa-onnx model in ${files.dir} could not be loaded: ${reason}`),
      );
      for (const w of this.waiting.values()) w.reject(new CallFailure(`sherpa-onnx failed: ${reason}`));
      this.waiting.clear();
    };
    this.child.on('error', (e) => died(e.message));
    this.child.on('exit', (code, signal) => died(signal ? `stopped by ${signal}` : `exit ${code}`));
  }

  /** onnxruntime's `what():` line says what was wrong with a model; otherwise the last line. */
  private reason(): string {
    const what = /what\(\):\s*(.+)/.exec(this.stderr);
    return (what?.[1] ?? lastLine(this.stderr)).trim().slice(0, 500);
  }

  hear(wav: string, language: TranscribeLanguage): Promise<Heard> {
    const id = this.nextId++;
    const req: SherpaRequest = { id, wav, language };
    return new Promise<Heard>((resolve, reject) => {
      if (this.exited) {
        reject(new CallFailure(`sherpa-onnx failed: ${this.reason() || 'its process ended'}`));
        return;
      }
      this.waiting.set(id, { resolve, reject });
      this.child.stdin?.write(`${JSON.stringify(req)}\n`);
    });
  }

  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin?.end();
      this.child.kill('SIGTERM');
    });
  }
}

/**
 * sherpa-onnx through npm `sherpa-onnx-node`: Whisper (the language per call, or detected), a
 * transducer or a paraformer, read from the model folder, with silero VAD splitting the recording
 * where the folder has `silero_vad.onnx`. Each concurrent call has its own worker process (one
 * core each), kept with its model loaded for the run and stopped by close().
 */
export function sherpaOnnxEngine(modelDir: string | undefined): Engine {
  let files: SherpaModelFiles | null = null;
  const idle: SherpaProcess[] = [];
  const all = new Set<SherpaProcess>();

  const start = async (f: SherpaModelFiles) => {
    const p = new SherpaProcess(f);
    all.add(p);
    try {
      await p.loaded;
    } catch (e) {
      all.delete(p);
      throw e;
    }
    return p;
  };

  return {
    name: 'sherpa-onnx',
    async ready(language?: TranscribeLanguage) {
      // Ready already (the web job checks before its run does): only the language is new.
      if (files) {
        if (language) refuseLanguage(files, language);
        return;
      }
      const f = sherpaModelFiles(modelDir as string);
      if (!sherpaInstalled()) {
        throw new AppError(
          'bad_request',
          'the npm package sherpa-onnx-node is not installed (npm install sherpa-onnx-node beside callscore)',
        );
      }
      if (language) refuseLanguage(f, language);
      // Loading the model once here is what tells a broken or wrong model before any call is tried.
      idle.push(await start(f));
      files = f;
    },
    async hear(wav: string, language: TranscribeLanguage): Promise<Heard> {
      if (!files) throw new AppError('internal', 'the sherpa-onnx engine was not made ready');
      let p = idle.pop();
      while (p?.exited) p = idle.pop();
      if (!p) {
        try {
          p = await start(files);
        } catch (e) {
          throw new CallFailure((e as Error).message);
        }
      }
      try {
        return await p.hear(wav, language);
      } finally {
        if (p.exited) all.delete(p);
        else idle.push(p);
      }
    },
    async close() {
      idle.length = 0;
      await Promise.all([...all].map((p) => p.stop()));
      all.clear();
    },
  };
}
