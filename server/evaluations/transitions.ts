import { AppError } from '../../core/errors.ts';
import type { EvaluationStatus } from '../../schemas/evaluations.ts';

/**
 * The evaluation states of docs/scoring.md as data: each action, the states it may start from and
 * the state it leads to. Every transition in the service goes through assertTransition().
 */
export const TRANSITIONS = {
  save: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  acknowledge: { from: ['submitted'], to: 'acknowledged' },
  dispute: { from: ['submitted'], to: 'disputed' },
  uphold: { from: ['disputed'], to: 'upheld' },
  revise: { from: ['disputed'], to: 'revised' },
  /** The operator's appeal of an upheld dispute (two levels): disputed again, for a head. */
  appeal: { from: ['upheld'], to: 'disputed' },
  delete: { from: ['draft'], to: 'draft' },
} as const satisfies Record<string, { from: readonly EvaluationStatus[]; to: EvaluationStatus }>;
export type EvaluationAction = keyof typeof TRANSITIONS;

export function assertTransition(status: string, action: EvaluationAction, id: string): EvaluationStatus {
  const t = TRANSITIONS[action];
  if (!(t.from as readonly string[]).includes(status)) {
    throw new AppError(
      'conflict',
      `cannot ${action} evaluation ${id}: it is ${status}, and only a ${t.from.join(' or ')} one can be`,
    );
  }
  return t.to;
}
