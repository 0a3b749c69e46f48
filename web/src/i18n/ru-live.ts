import type { enLive } from './en-live.ts';

/** Russian messages of the dashboard's live card (today's queues); spread into `ru`. */
export const ruLive: { readonly [K in keyof typeof enLive]: string } = {
  'live.title': 'Очереди сегодня',
  'live.meta': 'Обновлено {updated} · последнее событие {newest}',
  'live.metaNoEvent': 'Обновлено {updated} · событий ещё нет',
  'live.stale': 'Нет новых событий {minutes} мин: работает ли загрузка с АТС?',
  'live.empty': 'Сегодня звонков в очередях ещё нет',
  'live.emptyBody':
    'Звонки появляются здесь по мере того, как их записывает АТС (callscore import … --follow).',
  'live.queue': 'Очередь',
  'live.total': 'Все очереди',
  'live.waiting': 'Ждут сейчас',
  'live.answered': 'Принято',
  'live.abandoned': 'Потеряно',
  'live.serviceLevel': 'Уровень сервиса ({seconds} с)',
  'live.avgWait': 'Среднее ожидание',
  'live.onCall': 'На линии сейчас',
};
