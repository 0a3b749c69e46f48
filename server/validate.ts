import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
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
