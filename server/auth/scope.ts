import type { Scope } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Db } from '../stores/sqlite.ts';

/** The operator a change names must exist (400) and be one the caller manages (403). */
export async function assertOperatorInScope(db: Db, operatorId: string, scope: Scope): Promise<void> {
  const op = await db
    .selectFrom('operators')
    .select('operator_id')
    .where('operator_id', '=', operatorId)
    .executeTakeFirst();
  if (!op) throw new AppError('bad_request', `no operator "${operatorId}"`);
  if (scope.operatorIds && !scope.operatorIds.includes(operatorId)) {
    throw new AppError('forbidden', `operator "${operatorId}" is not one you manage`);
  }
}
