export {
  TRANSCRIBE_ENGINES,
  TRANSCRIBE_LANGUAGES,
  type TranscribeEngineName,
} from '../../schemas/transcribe.ts';
