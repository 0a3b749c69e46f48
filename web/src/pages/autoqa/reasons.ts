import type { MessageKey } from '../../i18n/index.ts';

/**
 * Why a check did not apply, as the engine words it (server/autoqa/queries/checks.sql.ts), to the
 * message that says it in the reader's language: the workspace and the rules page's test box.
 */
export const REASON_LABEL: Readonly<Record<string, MessageKey>> = {
  'no agent speech': 'aq.reason.noAgentSpeech',
  'no phrases in the language of the call': 'aq.reason.noPhrases',
  'client unknown': 'aq.reason.clientUnknown',
  'no product applies': 'aq.reason.noProduct',
  'no order request': 'aq.reason.noOrder',
  'fewer products ordered than needed': 'aq.reason.fewProducts',
  'no overdue or excess debt': 'aq.reason.noDebt',
  'no timings': 'aq.reason.noTimings',
  'no speaker labels': 'aq.reason.noSpeakers',
};
