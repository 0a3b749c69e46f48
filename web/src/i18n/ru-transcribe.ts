import type { enTranscribe } from './en-transcribe.ts';

/** Russian messages of speech to text: the administrators' page and its settings; spread into `ru`. */
export const ruTranscribe: { readonly [K in keyof typeof enTranscribe]: string } = {
  'nav.transcribe': 'Распознавание речи',
  'tr.subtitle':
    'Записи месяца превращаются в расшифровки на этом сервере, без сети; затем их проверяет AutoQA.',
  'tr.start.title': 'Расшифровать месяц',
  'tr.start.month': 'Месяц',
  'tr.start.engine': 'Движок',
  'tr.start.model': 'Папка модели',
  'tr.start.modelHint': 'Папка на сервере; пусто — из настроек ({model}).',
  'tr.start.modelNone': 'собственная модель движка',
  'tr.start.language': 'Язык звонков',
  'tr.start.workers': 'Звонков одновременно',
  'tr.start.workersHint': 'Каждый занимает одно ядро процессора.',
  'tr.start.submit': 'Запустить',
  'tr.start.starting': 'Запуск…',
  'tr.language.auto': 'Определить (Whisper) / английский (pocketsphinx)',
  'tr.language.en': 'Английский',
  'tr.language.ru': 'Русский',
  'tr.language.ro': 'Румынский',
  'tr.job.title': 'Ход работы',
  'tr.job.idle': 'Распознавание не идёт.',
  'tr.job.running': '{month}: {engine}, расшифровано {done} из {total} звонков',
  'tr.job.looking': '{month}: {engine}, поиск звонков для расшифровки…',
  'tr.job.cancelling': '{month}: остановка после текущих звонков…',
  'tr.job.failed':
    '{count, plural, one {# звонок не удался} few {# звонка не удались} many {# звонков не удались} other {# звонка не удались}}',
  'tr.job.rtf': 'Коэффициент реального времени {rtf}',
  'tr.job.rtfHelp': 'секунд работы на секунду записи: меньше 1 — быстрее, чем говорили',
  'tr.job.eta': 'Осталось около {time}',
  'tr.job.imported':
    '{count, plural, one {# расшифровка загружена} few {# расшифровки загружены} many {# расшифровок загружено} other {# расшифровки загружено}}',
  'tr.job.cancel': 'Отменить',
  'tr.job.last.done':
    'Последний запуск ({month}, {engine}): расшифровано {done} из {total} звонков, не удалось {failed}.',
  'tr.job.last.cancelled':
    'Последний запуск ({month}, {engine}) отменён: расшифровано {done} из {total} звонков, не удалось {failed}.',
  'tr.job.last.failed': 'Последний запуск ({month}, {engine}) остановлен: {error}',
  'tr.job.progress': 'Расшифровано звонков',
  'tr.failures.title': 'Сбои за {month}',
  'tr.failures.empty': 'Сбоев за этот месяц нет.',
  'tr.failures.retry': 'Повторить неудавшиеся',
  'tr.failures.retryHint': 'Повтор тем движком, моделью и языком, что выбраны выше.',
  'tr.col.call': 'Звонок',
  'tr.col.date': 'Дата',
  'tr.col.recording': 'Запись',
  'tr.col.engine': 'Движок',
  'tr.col.reason': 'Причина',
  'tr.col.when': 'Когда',
  'settings.key.transcribeEngine': 'Движок распознавания речи',
  'settings.help.transcribeEngine':
    'pocketsphinx (только американский английский) или sherpa-onnx (Whisper знает английский, русский и румынский); когда запуск не называет другой.',
  'settings.key.transcribeModel': 'Папка модели распознавания',
  'settings.help.transcribeModel':
    'папка модели на сервере (sherpa-onnx она нужна); пусто — собственная английская модель pocketsphinx.',
  'settings.key.transcribeLanguage': 'Язык звонков',
  'settings.help.transcribeLanguage': 'auto, en, ru или ro; auto — Whisper определяет язык каждого звонка.',
};
