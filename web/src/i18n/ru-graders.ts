import type { enGraders } from './en-graders.ts';

/** Russian messages of grading the graders, the disputes report and appeals; spread into `ru`. */
export const ruGraders: { readonly [K in keyof typeof enGraders]: string } = {
  'settings.key.appealLevels': 'Уровни спора',
  'settings.key.appealDays': 'Дней на апелляцию руководителю',
  'settings.key.disputesPerMonth': 'Споров на оператора в месяц',
  'settings.help.appealLevels':
    '1: решение руководителя QA окончательно; 2: оператор может один раз обжаловать отклонённый спор у руководителя отдела.',
  'settings.help.appealDays':
    'дней после отклонения спора руководителем QA, в которые оператор может подать апелляцию.',
  'settings.help.disputesPerMonth':
    'сколько споров оператор может открыть за календарный месяц; 0 — без ограничения.',
};
