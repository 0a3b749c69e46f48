import type { enNotify } from './en-notify.ts';

/** Romanian messages of the notification bell; spread into `ro`. */
export const roNotify: { readonly [K in keyof typeof enNotify]: string } = {
  'notify.bell': 'Notificări',
  'notify.bellUnread': 'Notificări: {count} necitite',
  'notify.title': 'Notificări',
  'notify.markAllRead': 'Marcați toate citite',
  'notify.markRead': 'Marcați citit',
  'notify.empty': 'Nimic nou',
  'notify.loading': 'Se încarcă…',
  'notify.loadFailed': 'Notificările nu au putut fi încărcate',
  'notify.kind.evaluationReleased': 'Apelul dvs. {call} a fost evaluat',
  'notify.kind.disputeDecided': 'S-a decis asupra contestației dvs. la evaluarea {evaluation}: {decision}',
  'notify.kind.disputeDecided2': 'S-a decis asupra apelului dvs. la evaluarea {evaluation}: {decision}',
  'notify.kind.disputeOpened': 'O contestație așteaptă decizia dvs. (evaluarea {evaluation})',
  'notify.kind.appealOpened': 'Un apel așteaptă decizia dvs. (evaluarea {evaluation})',
  'notify.kind.coachingOpened': '{by} a deschis o sesiune de coaching pentru dvs.',
  'notify.kind.calibrationAsked': 'Sunteți rugat să evaluați sesiunea de calibrare {session}',
  'notify.kind.worklistCalls': 'Apeluri noi în lista dvs. pentru {period}: {count}',
  'notify.decision.upheld': 'nota rămâne',
  'notify.decision.revised': 'nota a fost revizuită',
};
