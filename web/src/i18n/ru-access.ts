import type { enAccess } from './en-access.ts';

/** Russian messages of what a role may open; spread into `ru` (ru.ts). */
export const ruAccess: { readonly [K in keyof typeof enAccess]: string } = {
  'nav.myPage': 'Мои показатели',
  'back.to': '← {page}',
  'page.operator': 'Оператор',
  'page.call': 'Звонок',
  'page.evaluation': 'Оценка',
  'page.calibrationSession': 'Сессия калибровки',
  'page.newForm': 'Новая форма',
  'page.editForm': 'Редактор формы',
  'page.importDetail': 'Импорт',
  'notAvailable.title': 'Недоступно для вашей роли',
  'notAvailable.body': 'Эта страница закрыта для вашей роли ({role}).',
  'notAvailable.home': 'Перейти на свою начальную страницу: {page}',
  'payRules.current': 'Действующее правило',
  'payRules.readOnly':
    'Правила оплаты изменяет администратор; здесь правило в том виде, в каком оно действует.',
};
