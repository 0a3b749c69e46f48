import { AppError } from '../../core/errors.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { Scope } from '../context.ts';
import { operatorExists } from '../roster/roster.repository.ts';

/**
 * Whether a record of this operator is in the scope. A record of no operator (a call nobody
 * answered) belongs to no team, so only a user who sees every operator sees it.
 */
export const inScope = (scope: Scope, operatorId: string | null | undefined): boolean =>
  scope.operatorIds === null || (operatorId != null && scope.operatorIds.includes(operatorId));

/**
 * The scope's operators for a SQL `IN` list, or null when it holds everyone. The empty id keeps
 * the list non-empty (an empty `IN ()` is no valid SQL) and matches no operator.
 */
export const scopeIds = (scope: Scope): string[] | null =>
  scope.operatorIds === null ? null : [...scope.operatorIds, ''];

/**
 * A record outside the scope is answered as one that does not exist, with the same message, so
 * that a limited user learns nothing of other teams' calls, evaluations or sessions.
 */
export function assertInScope(scope: Scope, operatorId: string | null | undefined, notFound: string): void {
  if (!inScope(scope, operatorId)) throw new AppError('not_found', notFound);
}

/** The operator a change names must exist (400) and be one the caller manages (403). */
export async function assertOperatorInScope(db: Db, operatorId: string, scope: Scope): Promise<void> {
  if (!(await operatorExists(db, operatorId)))
    throw new AppError('bad_request', `no operator "${operatorId}"`);
  if (scope.operatorIds && !scope.operatorIds.includes(operatorId)) {
    throw new AppError('forbidden', `operator "${operatorId}" is not one you manage`);
  }
}
