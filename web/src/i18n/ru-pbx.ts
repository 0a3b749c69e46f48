import type { enPbx } from './en-pbx.ts';

/** Russian messages naming a call's phone system (PBX) and its id there, and an import's source; spread into `ru`. */
export const ruPbx: { readonly [K in keyof typeof enPbx]: string } = {
  'pbx.source': 'АТС',
  'pbx.uniqueId': 'Номер в АТС',
  'pbx.sourceOf': 'С АТС {source}',
  'imports.source': 'Источник',
  'imports.sourceOf': 'источник {source}',
  'imports.kind.operator-states': 'Состояния операторов (рабочее время)',
  'agentTime.title': 'Время в системе',
  'agentTime.logged': 'В системе',
  'agentTime.available': 'Ожидание вызова',
  'agentTime.talk': 'Разговор',
  'agentTime.wrap': 'Обработка после звонка',
  'agentTime.pause': 'Пауза',
  'agentTime.occupancy': 'Занятость',
  'agentTime.occupancyHint': 'Разговор и обработка после звонка от времени готовности',
  'agentTime.pauseShare': 'Доля пауз',
  'agentTime.state': 'Состояние',
  'agentTime.time': 'Время',
  'agentTime.pauseReason': 'Пауза: {reason}',
  'agentTime.noReason': 'причина не указана',
};
