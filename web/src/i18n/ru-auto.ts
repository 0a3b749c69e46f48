import type { enAuto } from './en-auto.ts';

/** Russian messages of AutoQA's auto evaluations; spread into `ru` (ru.ts). */
export const ruAuto: { readonly [K in keyof typeof enAuto]: string } = {
  'criterion.autoQualityScore': 'Автооценка качества',
  'criterion.autoCoverage': 'Охват AutoQA',
  'ranking.col.autoQuality': 'Автооценка',
  'ranking.col.autoCoverage': 'С расшифровкой',
  'flag.not-auto-evaluated': 'Нет автооценки',
  'flag.no-handled-calls': 'Нет обработанных звонков',
  'tile.autoCoverage': 'Звонки, услышанные AutoQA',
  'payRules.quality.source': 'Какая оценка качества учитывается',
  'payRules.quality.source.human': 'Оценки контролёров',
  'payRules.quality.source.auto': 'Автооценки AutoQA',
  'payRules.quality.source.blend': 'По каждому звонку: оценка контролёра, где она есть, иначе AutoQA',
  'payroll.explain.source': 'Оценка качества: {source}',
  'formBuilder.autoFor': 'Автоматически оценивает AutoQA',
  'formBuilder.autoFor.none': 'Никакие звонки',
  'formBuilder.autoFor.inbound': 'Входящие звонки',
  'formBuilder.autoFor.outbound': 'Исходящие звонки',
  'formBuilder.autoFor.all': 'Все звонки',
  'formBuilder.autoCheck': 'Отвечает проверка AutoQA',
  'formBuilder.autoCheck.none': 'Нет',
  'formBuilder.autoCheck.pass': 'Ответ, если пройдена',
  'formBuilder.autoCheck.fail': 'Ответ, если не пройдена',
  'formBuilder.autoCheck.default': 'По умолчанию',
  'form.autoTag': 'AutoQA: {check}',
};
