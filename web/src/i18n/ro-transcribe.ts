import type { enTranscribe } from './en-transcribe.ts';

/** Romanian messages of speech to text: the administrators' page and its settings; spread into `ro`. */
export const roTranscribe: { readonly [K in keyof typeof enTranscribe]: string } = {
  'nav.transcribe': 'Transcriere vocală',
  'tr.subtitle':
    'Înregistrările unei luni devin transcrieri pe acest server, fără rețea; apoi AutoQA le verifică.',
  'tr.start.title': 'Transcrie o lună',
  'tr.start.month': 'Luna',
  'tr.start.engine': 'Motor',
  'tr.start.model': 'Dosarul modelului',
  'tr.start.modelHint': 'Un dosar pe server; gol: cel din setări ({model}).',
  'tr.start.modelNone': 'modelul propriu al motorului',
  'tr.start.language': 'Limba apelurilor',
  'tr.start.workers': 'Apeluri deodată',
  'tr.start.workersHint': 'Fiecare folosește un nucleu de procesor.',
  'tr.start.submit': 'Pornește',
  'tr.start.starting': 'Se pornește…',
  'tr.language.auto': 'Detectare (Whisper) / engleză (pocketsphinx)',
  'tr.language.en': 'Engleză',
  'tr.language.ru': 'Rusă',
  'tr.language.ro': 'Română',
  'tr.job.title': 'Progres',
  'tr.job.idle': 'Nicio transcriere nu rulează.',
  'tr.job.running': '{month}: {engine}, {done} din {total} apeluri transcrise',
  'tr.job.looking': '{month}: {engine}, se caută apelurile de transcris…',
  'tr.job.cancelling': '{month}: se oprește după apelurile în lucru…',
  'tr.job.failed': '{count, plural, one {# apel eșuat} few {# apeluri eșuate} other {# de apeluri eșuate}}',
  'tr.job.rtf': 'Factor de timp real {rtf}',
  'tr.job.rtfHelp': 'secunde de lucru pe secundă de înregistrare: sub 1 e mai repede decât s-a vorbit',
  'tr.job.eta': 'Au mai rămas circa {time}',
  'tr.job.imported':
    '{count, plural, one {# transcriere importată} few {# transcrieri importate} other {# de transcrieri importate}}',
  'tr.job.cancel': 'Anulează',
  'tr.job.last.done':
    'Ultima rulare ({month}, {engine}): {done} din {total} apeluri transcrise, {failed} eșuate.',
  'tr.job.last.cancelled':
    'Ultima rulare ({month}, {engine}) anulată: {done} din {total} apeluri transcrise, {failed} eșuate.',
  'tr.job.last.failed': 'Ultima rulare ({month}, {engine}) s-a oprit: {error}',
  'tr.job.progress': 'Apeluri transcrise',
  'tr.failures.title': 'Eșecurile din {month}',
  'tr.failures.empty': 'Niciun apel din această lună n-a eșuat.',
  'tr.failures.retry': 'Reîncearcă eșecurile',
  'tr.failures.retryHint': 'Reîncercate cu motorul, modelul și limba alese mai sus.',
  'tr.col.call': 'Apel',
  'tr.col.date': 'Data',
  'tr.col.recording': 'Înregistrare',
  'tr.col.engine': 'Motor',
  'tr.col.reason': 'Motiv',
  'tr.col.when': 'Eșuat la',
  'settings.key.transcribeEngine': 'Motorul de transcriere',
  'settings.help.transcribeEngine':
    'pocketsphinx (doar engleză americană) sau sherpa-onnx (Whisper știe engleză, rusă și română); folosit când o rulare nu numește altul.',
  'settings.key.transcribeModel': 'Dosarul modelului de transcriere',
  'settings.help.transcribeModel':
    'dosarul modelului pe server (sherpa-onnx are nevoie de el); gol: modelul englez propriu al pocketsphinx.',
  'settings.key.transcribeLanguage': 'Limba apelurilor',
  'settings.help.transcribeLanguage':
    'auto, en, ru sau ro; auto lasă Whisper să detecteze limba fiecărui apel.',
};
