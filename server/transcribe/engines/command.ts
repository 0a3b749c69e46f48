import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { CallFailure, type Engine, type Heard, type TranscribeLanguage } from '../engine.ts';
import { capture, lastLine } from '../spawn-capture.ts';
import { parseWhisperOutput } from './whisper-output.ts';

/** Whether a program named bare is on the PATH, or one named by a path is there. */
function onPath(program: string): boolean {
  if (program.includes('/')) return existsSync(program);
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, program)));
}

/** A template's words, quotes kept together (`"my model.bin"`), no shell in between. */
export function splitTemplate(template: string): string[] {
  const words: string[] = [];
  for (const m of template.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/**
 * Any program that reads a WAV file and writes whisper-style JSON, named by a template:
 * `{wav}` is the decoded 16 kHz mono file, `{out}` (optional) a path for its JSON (read as it is or
 * with `.json` added, as whisper-cli's `-of` does), `{lang}` the language asked for (`auto` when
 * none). Without `{out}` the JSON is read from what it prints.
 */
export function commandEngine(template: string | undefined): Engine {
  const words = template ? splitTemplate(template) : [];
  return {
    name: words[0] ? path.basename(words[0]) : 'command',
    async ready() {
      if (!template || !words.length) {
        throw new AppError('bad_request', 'the command engine needs --command "PROGRAM … {wav}"');
      }
      if (!words.some((w) => w.includes('{wav}'))) {
        throw new AppError('bad_request', `--command must name the audio file as {wav}: ${template}`);
      }
      const program = words[0] as string;
      if (!onPath(program)) {
        throw new AppError('bad_request', `the command engine's program is not installed: ${program}`);
      }
    },
    async hear(wav: string, language: TranscribeLanguage): Promise<Heard> {
      const out = path.join(path.dirname(wav), `${path.basename(wav, '.wav')}-out`);
      const args = words.map((w) =>
        w.replaceAll('{wav}', wav).replaceAll('{out}', out).replaceAll('{lang}', language),
      );
      const [program, ...rest] = args as [string, ...string[]];
      const r = await capture(program, rest);
      if (r.missing)
        throw new AppError('bad_request', `the command engine's program is not installed: ${program}`);
      if (r.code !== 0)
        throw new CallFailure(`${path.basename(program)} failed: ${lastLine(r.stderr) || `exit ${r.code}`}`);
      const file = [out, `${out}.json`].find((f) => existsSync(f));
      const text = words.some((w) => w.includes('{out}')) && file ? readFileSync(file, 'utf8') : r.stdout;
      const heard = parseWhisperOutput(text);
      if (!heard) throw new CallFailure(`${path.basename(program)} did not give whisper-style JSON`);
      return heard;
    },
  };
}
