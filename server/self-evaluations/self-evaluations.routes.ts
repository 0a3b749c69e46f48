import { Hono } from 'hono';
import { z } from 'zod';
import {
  newSelfEvaluationsRequest,
  type SelfEvaluationResponse,
  type SelfEvaluationsCreatedResponse,
  type SelfEvaluationsResponse,
  type SelfGapResponse,
  selfEvaluationsQuery,
  selfGapQuery,
  submitSelfEvaluationRequest,
} from '../../schemas/self-evaluations.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { selfGaps } from './gap.ts';
import {
  getSelfEvaluation,
  listSelfEvaluations,
  requestSelfEvaluations,
  submitSelfEvaluation,
} from './self-evaluations.service.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });

/** A QA lead asks; the operator scores his own calls; QA, heads and the operator read them. */
export const selfEvaluationsRoutes = new Hono<AppEnv>()
  .get('/', allow('selfEvaluations.read'), validate('query', selfEvaluationsQuery), async (c) => {
    const body: SelfEvaluationsResponse = {
      selfEvaluations: await listSelfEvaluations(
        c.get('deps'),
        c.req.valid('query'),
        currentUser(c),
        c.get('scope'),
        c.get('settings').timeZone,
      ),
    };
    return c.json(body);
  })
  .get('/gap', allow('selfEvaluations.read'), validate('query', selfGapQuery), async (c) => {
    const { period, team } = c.req.valid('query');
    const body: SelfGapResponse = {
      period,
      operators: await selfGaps(c.get('deps'), period, team, c.get('scope'), c.get('settings').timeZone),
    };
    return c.json(body);
  })
  .get('/:id', allow('selfEvaluations.read'), validate('param', idParam), async (c) => {
    const body: SelfEvaluationResponse = {
      selfEvaluation: await getSelfEvaluation(
        c.get('deps'),
        c.req.valid('param').id,
        currentUser(c),
        c.get('scope'),
      ),
    };
    return c.json(body);
  })
  .post('/', allow('selfEvaluations.request'), validate('json', newSelfEvaluationsRequest), async (c) => {
    const body: SelfEvaluationsCreatedResponse = {
      selfEvaluations: await requestSelfEvaluations(
        c.get('deps'),
        c.req.valid('json'),
        currentUser(c),
        c.get('scope'),
      ),
    };
    return c.json(body, 201);
  })
  .post(
    '/:id/submit',
    allow('selfEvaluations.submit'),
    validate('param', idParam),
    validate('json', submitSelfEvaluationRequest),
    async (c) => {
      const body: SelfEvaluationResponse = {
        selfEvaluation: await submitSelfEvaluation(
          c.get('deps'),
          c.req.valid('param').id,
          c.req.valid('json').answers,
          currentUser(c),
          c.get('scope'),
        ),
      };
      return c.json(body);
    },
  );
