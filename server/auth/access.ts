import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import { type Action, rolesFor } from '../../schemas/policy.ts';
import type { Role } from '../../schemas/roles.ts';
import { cached } from '../cache.ts';
import type { AppEnv } from '../context.ts';

/** Marks the handlers made by access(), so the app can refuse to start with an unguarded route. */
export const ACCESS_POLICY = Symbol('callscore.access');

export interface AccessOptions {
  /**
   * The route's path parameter naming an operator: an operator user may only use his own id
   * there; other allowed roles may use any.
   */
  ownOperatorParam?: string;
}

export type Policy =
  | { kind: 'public' }
  | { kind: 'action'; action: Action; roles: readonly Role[]; options: AccessOptions };
type Guard = MiddlewareHandler<AppEnv> & { [ACCESS_POLICY]: Policy };

function guard(policy: Policy): Guard {
  const mw: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (policy.kind === 'action') {
      authorize(c, policy.roles, policy.options);
      await limitHead(c, policy.options);
    }
    await next();
  };
  return Object.assign(mw, { [ACCESS_POLICY]: policy });
}

function authorize(c: Context<AppEnv>, roles: readonly Role[], options: AccessOptions) {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  if (!roles.includes(user.role)) {
    throw new AppError(
      'forbidden',
      `the ${user.role} role cannot use this; it needs one of: ${roles.join(', ')}`,
    );
  }
  if (user.role === 'operator') {
    const own = user.operatorId as string;
    if (options.ownOperatorParam && c.req.param(options.ownOperatorParam) !== own) {
      throw new AppError('forbidden', 'an operator can only see his own data');
    }
    c.set('scope', { operatorIds: [own] });
  } else {
    c.set('scope', { operatorIds: null });
  }
}

/**
 * A head limited to a department, or to a team (a team lead), sees that department's or team's
 * operators only: the scope lists them, and a route naming another operator in its path is refused
 * like an operator's would be. Every query of a record or list applies the scope itself
 * (auth/scope.ts), so a route keyed by a call, evaluation or session id holds as well.
 */
async function limitHead(c: Context<AppEnv>, options: AccessOptions) {
  const user = c.get('user');
  if (user?.role !== 'head' || !(user.department || user.team)) return;
  const { department, team } = user;
  const { db } = c.get('deps');
  // The operators of a department or team change only with an import, which moves the data version.
  const ids = await cached(db, `scope|${JSON.stringify([department, team])}`, async () => {
    const rows = await db
      .selectFrom('operators')
      .innerJoin('teams', 'teams.team_id', 'operators.team_id')
      .select('operators.operator_id')
      .$if(department !== null, (q) => q.where('teams.department', '=', department as string))
      .$if(team !== null, (q) => q.where('teams.team_id', '=', team as string))
      .execute();
    return Object.freeze(rows.map((r) => r.operator_id));
  });
  c.set('scope', { operatorIds: ids });
  const named = options.ownOperatorParam ? c.req.param(options.ownOperatorParam) : undefined;
  if (named !== undefined && !ids.includes(named)) {
    const where = team ? `team ${team}` : `the ${department} department`;
    throw new AppError('forbidden', `operator "${named}" is not in ${where}`);
  }
}

/**
 * Every route declares who may use it with one of these, as its first handler; the check itself
 * lives only here. `allow('claims.create')` needs a signed-in user with one of the roles the
 * policy (schemas/policy.ts) gives that action, the one table the web app reads as well.
 */
export const allow = (action: Action) =>
  guard({ kind: 'action', action, roles: rolesFor(action), options: {} });
export const allowOwn = (param: string, action: Action) =>
  guard({ kind: 'action', action, roles: rolesFor(action), options: { ownOperatorParam: param } });
export const allowPublic = () => guard({ kind: 'public' });

export const policyOf = (handler: unknown): Policy | undefined =>
  typeof handler === 'function' ? (handler as Partial<Guard>)[ACCESS_POLICY] : undefined;
