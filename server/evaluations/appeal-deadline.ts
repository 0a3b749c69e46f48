import type { DisputeView, EvaluationStatus } from '../../schemas/evaluations.ts';
import type { Settings } from '../../schemas/settings.ts';

const DAY_MS = 86_400_000;

/**
 * Until when an operator may appeal his evaluation to a head: only with two levels of disputes, on
 * an evaluation whose dispute a QA lead upheld and that was never appealed, `appealDays` after the
 * lead's decision. Null when no appeal is possible (a passed deadline is still returned, so the
 * refusal can name it).
 */
export function appealDeadline(
  status: EvaluationStatus | string,
  disputes: readonly Pick<DisputeView, 'level' | 'status' | 'decidedAt'>[],
  settings: Pick<Settings, 'appealLevels' | 'appealDays'>,
): string | null {
  if (settings.appealLevels < 2 || status !== 'upheld') return null;
  if (disputes.some((d) => d.level >= 2)) return null;
  const upheld = disputes.findLast((d) => d.level === 1 && d.status === 'upheld');
  if (!upheld?.decidedAt) return null;
  return new Date(Date.parse(upheld.decidedAt) + settings.appealDays * DAY_MS).toISOString();
}
