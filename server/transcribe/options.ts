export const TRANSCRIBE_ENGINES = ['pocketsphinx', 'command', 'sherpa-onnx'] as const;
export type TranscribeEngineName = (typeof TRANSCRIBE_ENGINES)[number];
export const TRANSCRIBE_LANGUAGES = ['auto', 'en', 'ru', 'ro'] as const;
