import { AppError } from '../../core/errors.ts';
import type { Engine } from './engine.ts';
import { commandEngine } from './engines/command.ts';
import { pocketsphinxEngine } from './engines/pocketsphinx.ts';
import { sherpaOnnxEngine } from './engines/sherpa-onnx.ts';
import { TRANSCRIBE_ENGINES, type TranscribeEngineName } from './options.ts';

export interface EngineChoice {
  engine: TranscribeEngineName;
  model?: string;
  command?: string;
}

/** The engine a run names, not yet checked (`ready()` does that). */
export function pickEngine(choice: EngineChoice): Engine {
  switch (choice.engine) {
    case 'pocketsphinx':
      return pocketsphinxEngine(choice.model);
    case 'command':
      return commandEngine(choice.command);
    case 'sherpa-onnx':
      return sherpaOnnxEngine(choice.model);
    default:
      throw new AppError('bad_request', `--engine must be one of ${TRANSCRIBE_ENGINES.join(', ')}`);
  }
}
