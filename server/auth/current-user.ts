import type { Context } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { UserView } from '../../schemas/users.ts';
import type { AppEnv } from '../context.ts';

/** The signed-in user of a request that passed an access guard (which already refused anonymous ones). */
export function currentUser(c: Context<AppEnv>): UserView {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  return user;
}
