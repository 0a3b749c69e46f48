import type { NotificationKind, NotificationParams } from '../../schemas/notifications.ts';
import type { LanguageCode } from '../../schemas/users.ts';

/**
 * The e-mail's subject and first line, in the recipient's language. The app shows the same
 * events from its own catalogues (web/src/i18n/*-notify.ts); these are for mail clients only.
 */
type Text = (p: NotificationParams) => string;
type Catalogue = Record<NotificationKind, Text> & {
  decision: Record<'upheld' | 'revised', string>;
  open: string;
};

const EN: Catalogue = {
  evaluationReleased: (p) => `Your call ${p.callId ?? ''} was evaluated (evaluation ${p.evaluationId})`,
  disputeDecided: (p) =>
    `Your ${p.level === 2 ? 'appeal' : 'dispute'} of evaluation ${p.evaluationId} was decided: ${EN.decision[p.decision ?? 'upheld']}`,
  disputeOpened: (p) => `A dispute is waiting for your decision (evaluation ${p.evaluationId})`,
  appealOpened: (p) => `An appeal is waiting for your decision (evaluation ${p.evaluationId})`,
  coachingOpened: (p) => `A coaching session was opened for you by ${p.by ?? ''}`,
  coachingNote: (p) => `${p.by ?? ''} added a note to your coaching session ${p.coachingId}`,
  calibrationAsked: (p) => `You are asked to score calibration session ${p.calibrationId}`,
  worklistCalls: (p) => `${p.count} new calls on your worklist for ${p.period}`,
  decision: { upheld: 'the score stands', revised: 'the score was revised' },
  open: 'Open in callscore',
};
const RU: Catalogue = {
  evaluationReleased: (p) => `Ваш звонок ${p.callId ?? ''} оценён (оценка ${p.evaluationId})`,
  disputeDecided: (p) =>
    `По вашей ${p.level === 2 ? 'апелляции' : 'претензии'} к оценке ${p.evaluationId} принято решение: ${RU.decision[p.decision ?? 'upheld']}`,
  disputeOpened: (p) => `Претензия ждёт вашего решения (оценка ${p.evaluationId})`,
  appealOpened: (p) => `Апелляция ждёт вашего решения (оценка ${p.evaluationId})`,
  coachingOpened: (p) => `${p.by ?? ''} открыл(а) для вас сессию коучинга`,
  coachingNote: (p) => `${p.by ?? ''} добавил(а) заметку к вашей сессии коучинга ${p.coachingId}`,
  calibrationAsked: (p) => `Вас просят оценить калибровочную сессию ${p.calibrationId}`,
  worklistCalls: (p) => `Новых звонков в вашем списке за ${p.period}: ${p.count}`,
  decision: { upheld: 'оценка остаётся', revised: 'оценка пересмотрена' },
  open: 'Открыть в callscore',
};
const RO: Catalogue = {
  evaluationReleased: (p) => `Apelul dvs. ${p.callId ?? ''} a fost evaluat (evaluarea ${p.evaluationId})`,
  disputeDecided: (p) =>
    `S-a decis asupra ${p.level === 2 ? 'apelului' : 'contestației'} dvs. la evaluarea ${p.evaluationId}: ${RO.decision[p.decision ?? 'upheld']}`,
  disputeOpened: (p) => `O contestație așteaptă decizia dvs. (evaluarea ${p.evaluationId})`,
  appealOpened: (p) => `Un apel așteaptă decizia dvs. (evaluarea ${p.evaluationId})`,
  coachingOpened: (p) => `${p.by ?? ''} a deschis o sesiune de coaching pentru dvs.`,
  coachingNote: (p) => `${p.by ?? ''} a adăugat o notă la sesiunea dvs. de coaching ${p.coachingId}`,
  calibrationAsked: (p) => `Sunteți rugat să evaluați sesiunea de calibrare ${p.calibrationId}`,
  worklistCalls: (p) => `Apeluri noi în lista dvs. pentru ${p.period}: ${p.count}`,
  decision: { upheld: 'nota rămâne', revised: 'nota a fost revizuită' },
  open: 'Deschideți în callscore',
};
const CATALOGUES: Record<LanguageCode, Catalogue> = { en: EN, ru: RU, ro: RO };

export function emailText(
  lang: LanguageCode,
  kind: NotificationKind,
  params: NotificationParams,
  link: string,
): { subject: string; body: string } {
  const cat = CATALOGUES[lang] ?? EN;
  const subject = cat[kind](params);
  return { subject, body: `${subject}.\n\n${cat.open}: ${link}\n` };
}
