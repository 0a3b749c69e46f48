import type { enNotify } from './en-notify.ts';

/** Russian messages of the notification bell; spread into `ru`. */
export const ruNotify: { readonly [K in keyof typeof enNotify]: string } = {
  'notify.bell': 'Уведомления',
  'notify.bellUnread': 'Уведомления: непрочитанных {count}',
  'notify.title': 'Уведомления',
  'notify.markAllRead': 'Прочитать все',
  'notify.markRead': 'Прочитано',
  'notify.empty': 'Ничего нового',
  'notify.loading': 'Загрузка…',
  'notify.loadFailed': 'Не удалось загрузить уведомления',
  'notify.kind.evaluationReleased': 'Ваш звонок {call} оценён',
  'notify.kind.disputeDecided': 'По вашей претензии к оценке {evaluation} принято решение: {decision}',
  'notify.kind.disputeDecided2': 'По вашей апелляции к оценке {evaluation} принято решение: {decision}',
  'notify.kind.disputeOpened': 'Претензия ждёт вашего решения (оценка {evaluation})',
  'notify.kind.appealOpened': 'Апелляция ждёт вашего решения (оценка {evaluation})',
  'notify.kind.coachingOpened': '{by} открыл(а) для вас сессию коучинга',
  'notify.kind.calibrationAsked': 'Вас просят оценить калибровочную сессию {session}',
  'notify.kind.worklistCalls': 'Новых звонков в вашем списке за {period}: {count}',
  'notify.decision.upheld': 'оценка остаётся',
  'notify.decision.revised': 'оценка пересмотрена',
};
