import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import {
  type AssessmentResponse,
  type AssessmentsResponse,
  assessmentsQuery,
  newAssessmentRequest,
} from '../../schemas/claims.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { listAssessments, recordAssessment } from './assessments.service.ts';

export const assessmentsRoutes = new Hono<AppEnv>()
  .get('/', allow('assessments.read'), validate('query', assessmentsQuery), async (c) => {
    const assessments = await listAssessments(
      c.get('deps').db,
      c.req.valid('query'),
      c.get('scope'),
      c.get('settings').timeZone,
    );
    const body: AssessmentsResponse = { assessments };
    return c.json(body);
  })
  .post('/', allow('assessments.create'), validate('json', newAssessmentRequest), async (c) => {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'sign in first');
    const body: AssessmentResponse = {
      assessment: await recordAssessment(c.get('deps').db, c.req.valid('json'), c.get('scope'), user),
    };
    return c.json(body, 201);
  });
