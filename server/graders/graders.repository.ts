import type { Db } from '../../stores/sqlite.ts';

export interface GradedFilter {
  /** Calls started in `[from, to)`. */
  range: { from: string; to: string };
  /** The operators of the caller's scope; null: everyone. */
  operatorIds: readonly string[] | null;
  /** One monitor's evaluations only (a monitor reading his own row); null: every monitor's. */
  evaluator: string | null;
}

/** The submitted evaluations (any state after submission) of calls of the range, calibration apart. */
export const gradedEvaluations = (db: Db, f: GradedFilter) =>
  db
    .selectFrom('evaluations')
    .leftJoin('forms', 'forms.id', 'evaluations.form_id')
    .select([
      'evaluations.evaluation_id',
      'evaluations.evaluator',
      'evaluations.status',
      'evaluations.opened_at',
      'evaluations.submitted_at',
      'evaluations.form_id',
      'evaluations.answers',
      'forms.name as form_name',
    ])
    .where('evaluations.calibration', '=', 0)
    .where('evaluations.status', '<>', 'draft')
    .where('evaluations.call_started_at', '>=', f.range.from)
    .where('evaluations.call_started_at', '<', f.range.to)
    .$if(f.operatorIds !== null, (q) =>
      q.where('evaluations.operator_id', 'in', [...(f.operatorIds ?? []), '']),
    )
    .$if(f.evaluator !== null, (q) => q.where('evaluations.evaluator', '=', f.evaluator ?? ''))
    .orderBy('evaluations.evaluation_id')
    .execute();

/** The disputes (every level) of those same evaluations. */
export const disputesOfGraded = (db: Db, f: GradedFilter) =>
  db
    .selectFrom('evaluation_disputes')
    .innerJoin('evaluations', 'evaluations.evaluation_id', 'evaluation_disputes.evaluation_id')
    .select([
      'evaluation_disputes.evaluation_id',
      'evaluation_disputes.level',
      'evaluation_disputes.status',
      'evaluation_disputes.question_ids',
      'evaluation_disputes.answers_before',
    ])
    .where('evaluations.calibration', '=', 0)
    .where('evaluations.status', '<>', 'draft')
    .where('evaluations.call_started_at', '>=', f.range.from)
    .where('evaluations.call_started_at', '<', f.range.to)
    .$if(f.operatorIds !== null, (q) =>
      q.where('evaluations.operator_id', 'in', [...(f.operatorIds ?? []), '']),
    )
    .$if(f.evaluator !== null, (q) => q.where('evaluations.evaluator', '=', f.evaluator ?? ''))
    .orderBy('evaluation_disputes.id')
    .execute();

/** Display names of these users, by user name; a name no user has is left out. */
export async function displayNames(db: Db, usernames: readonly string[]): Promise<Map<string, string>> {
  if (!usernames.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name'])
    .where('username', 'in', [...usernames])
    .execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}
