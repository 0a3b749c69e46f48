import type { AutoAnswerView } from '../../../../schemas/evaluations.ts';
import type { AnswerValue } from '../../../../schemas/forms.ts';

/**
 * What became of AutoQA's answer to a question, as the workspace shows it: while editing,
 * `accepted` once the monitor accepted it, `overridden` as soon as the answer differs from it,
 * else `open`; when reading, what the server recorded on submit.
 */
export type ProposalState = 'open' | 'accepted' | 'overridden';

export const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue | undefined): boolean =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

export function proposalState(
  auto: Pick<AutoAnswerView, 'proposes' | 'proposed' | 'decision'>,
  value: AnswerValue | undefined,
  accepted: boolean,
  editing: boolean,
): ProposalState {
  // A result that gave the question no answer: nothing to accept or override.
  if (!auto.proposes) return 'open';
  if (!editing) return auto.decision ?? 'open';
  if (!sameAnswer(value, auto.proposed)) return 'overridden';
  return accepted ? 'accepted' : 'open';
}
