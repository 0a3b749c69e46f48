import type { Insertable, Selectable, Updateable } from 'kysely';
import { COUNTED_STATUSES } from '../../schemas/evaluations.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { SelfEvaluationsTable } from '../../stores/tables.ts';

export type SelfEvaluationRow = Selectable<SelfEvaluationsTable> & {
  operator_name: string | null;
  form_name: string | null;
};

const selectSelf = (db: Db) =>
  db
    .selectFrom('self_evaluations as s')
    .leftJoin('operators as o', 'o.operator_id', 's.operator_id')
    .leftJoin('forms as f', 'f.id', 's.form_id')
    .selectAll('s')
    .select(['o.name as operator_name', 'f.name as form_name']);

/** Self-evaluations of these operators (null: everyone), filtered, the calls' newest first. */
export const listSelfRows = (
  db: Db,
  f: {
    operatorIds: readonly string[] | null;
    operator?: string | undefined;
    status?: string | undefined;
    range?: { from: string; to: string } | null;
  },
) =>
  selectSelf(db)
    .$if(f.operatorIds !== null, (q) => q.where('s.operator_id', 'in', [...(f.operatorIds ?? []), '']))
    .$if(f.operator !== undefined, (q) => q.where('s.operator_id', '=', f.operator ?? ''))
    .$if(f.status !== undefined, (q) => q.where('s.status', '=', f.status ?? ''))
    .$if(f.range != null, (q) =>
      q
        .where('s.call_started_at', '>=', f.range?.from ?? '')
        .where('s.call_started_at', '<', f.range?.to ?? ''),
    )
    .orderBy('s.call_started_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();

export const findSelfRow = (db: Db, id: number) => selectSelf(db).where('s.id', '=', id).executeTakeFirst();

export const selfRowOfCall = (db: Db, callId: string) =>
  db.selectFrom('self_evaluations').select(['id', 'status']).where('call_id', '=', callId).executeTakeFirst();

export async function insertSelfRow(db: Db, row: Insertable<SelfEvaluationsTable>): Promise<number> {
  const r = await db.insertInto('self_evaluations').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateSelfRow = (db: Db, id: number, set: Updateable<SelfEvaluationsTable>) =>
  db.updateTable('self_evaluations').set(set).where('id', '=', id).execute();

/**
 * The monitors' counted evaluations (calibration apart) of these calls, the latest submitted
 * first: what a self-evaluation is set beside.
 */
export const monitorEvaluationsOf = (db: Db, callIds: readonly string[]) =>
  db
    .selectFrom('evaluations')
    .select(['evaluation_id', 'call_id', 'evaluator', 'score', 'answers', 'submitted_at'])
    .where('call_id', 'in', [...callIds, ''])
    .where('status', 'in', COUNTED_STATUSES)
    .where('calibration', '=', 0)
    .orderBy('submitted_at', 'desc')
    .orderBy('evaluation_id')
    .execute();
