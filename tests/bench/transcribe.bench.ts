import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Engine } from '../../server/transcribe/engine.ts';
import { commandEngine } from '../../server/transcribe/engines/command.ts';
import { DEBIAN_MODEL, pocketsphinxEngine } from '../../server/transcribe/engines/pocketsphinx.ts';
import { sherpaOnnxEngine } from '../../server/transcribe/engines/sherpa-onnx.ts';
import { measureEngine } from '../helpers/measure-engine.ts';
import { onPath } from '../helpers/transcribe.ts';

/**
 * `npm run bench -- transcribe [--command "PROGRAM … {wav}"] [--model DIR]`: per engine on this
 * machine and per language, the real-time factor and word error rate on the demo's recordings
 * (one at a time). pocketsphinx runs when Debian's packages are installed; the command engine when
 * --command or CALLSCORE_STT_COMMAND names one; sherpa-onnx when --model or CALLSCORE_SHERPA_MODEL
 * names its model folder.
 */
export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { command: { type: 'string' }, model: { type: 'string' } },
  });
  const command = values.command ?? process.env.CALLSCORE_STT_COMMAND;
  const sherpaModel = values.model ?? process.env.CALLSCORE_SHERPA_MODEL;
  const engines: { engine: Engine; languages: ('en' | 'ru' | 'ro')[] }[] = [];
  if (onPath('pocketsphinx_continuous') && existsSync(DEBIAN_MODEL))
    engines.push({ engine: pocketsphinxEngine(), languages: ['en'] });
  else console.log('pocketsphinx: not installed (apt-get install pocketsphinx pocketsphinx-en-us)');
  if (command) engines.push({ engine: commandEngine(command), languages: ['en', 'ru', 'ro'] });
  else console.log('command: none named (--command or CALLSCORE_STT_COMMAND)');
  if (sherpaModel) engines.push({ engine: sherpaOnnxEngine(sherpaModel), languages: ['en', 'ru', 'ro'] });
  else console.log('sherpa-onnx: no model named (--model or CALLSCORE_SHERPA_MODEL)');

  console.log('engine         language  recordings  audio s  wall s   RTF    WER');
  for (const { engine, languages } of engines) {
    try {
      for (const f of await measureEngine(engine, languages)) {
        console.log(
          `${engine.name.padEnd(14)} ${f.language.padEnd(9)} ${String(f.recordings).padStart(10)}  ${f.audioS.toFixed(1).padStart(7)}  ${f.wallS.toFixed(1).padStart(6)}  ${f.rtf.toFixed(2).padStart(5)}  ${f.wer.toFixed(3)}`,
        );
        for (const reason of f.failed) console.log(`  ${reason}`);
      }
    } catch (e) {
      console.log(`${engine.name}: ${(e as Error).message}`);
    }
  }
  console.log('(pocketsphinx reads US English only: its other languages are not measured)');
}
