import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { z } from 'zod';
import { AppError, describeIssues } from '../core/errors.ts';

/** Request validation from a schema; a failure is a 400 naming every field that is wrong. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError('bad_request', `invalid ${target}: ${describeIssues(result.error.issues)}`);
    }
  });

/**
 * For a request whose JSON body is optional (approving a month asks for one only when there is
 * something to confirm): an empty body reads as `{}` instead of malformed JSON, so a client that
 * sends none, with a JSON content type or without, is validated like one that sends `{}`.
 */
export const optionalJsonBody = createMiddleware(async (c, next) => {
  // Hono keeps the body read so far as a promise, though its type says text.
  if ((await c.req.text()).trim() === '') c.req.bodyCache.text = Promise.resolve('{}') as unknown as string;
  await next();
});
