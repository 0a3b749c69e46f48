import { COUNTED_STATUSES } from '../../schemas/evaluations.ts';
import type { Db } from '../../stores/sqlite.ts';

/**
 * The scores of the counted evaluations (docs/scoring.md: qualityScore; calibration sessions
 * apart) of calls started in `[from, to)`, of these operators or, with null, of every call: the
 * quality criterion, the monitors' sampling and the dashboard's daily quality read the same ones.
 */
export const countedScores = (
  db: Db,
  range: { from: string; to: string },
  operatorIds: readonly string[] | null,
) =>
  db
    .selectFrom('evaluations')
    .select(['operator_id', 'call_started_at', 'score', 'critical_failed'])
    .where('status', 'in', COUNTED_STATUSES)
    .where('calibration', '=', 0)
    .where('score', 'is not', null)
    .where('call_started_at', '>=', range.from)
    .where('call_started_at', '<', range.to)
    .$if(operatorIds !== null, (q) => q.where('operator_id', 'in', [...(operatorIds ?? []), '']))
    .execute();

/**
 * The answers of the counted evaluations (calibration apart) of calls started in `[from, to)`, on
 * a form, of these operators or, with null, of every call: what AutoQA's accuracy compares with.
 */
export const countedAnswers = (
  db: Db,
  range: { from: string; to: string },
  operatorIds: readonly string[] | null,
) =>
  db
    .selectFrom('evaluations')
    .select(['evaluation_id', 'call_id', 'operator_id', 'form_id', 'evaluator', 'answers'])
    .where('status', 'in', COUNTED_STATUSES)
    .where('calibration', '=', 0)
    .where('form_id', 'is not', null)
    .where('call_started_at', '>=', range.from)
    .where('call_started_at', '<', range.to)
    .$if(operatorIds !== null, (q) => q.where('operator_id', 'in', [...(operatorIds ?? []), '']))
    .orderBy('call_started_at')
    .orderBy('evaluation_id')
    .execute();
