import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  appealRequest,
  commentRequest,
  decisionRequest,
  disputeRequest,
  type EvaluationDeletedResponse,
  type EvaluationResponse,
  type EvaluationsResponse,
  listEvaluationsQuery,
  newEvaluationRequest,
  type QualityResponse,
  qualityQuery,
  saveAnswersRequest,
} from '../../schemas/evaluations.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { appealEvaluation, decideAppeal, decideDispute, disputeEvaluation } from './disputes.service.ts';
import {
  acknowledgeEvaluation,
  addComment,
  createEvaluation,
  deleteDraft,
  evaluationDetail,
  listEvaluations,
  saveAnswers,
  submitEvaluation,
} from './evaluations.service.ts';
import { operatorQuality } from './quality.ts';

const idParam = z.object({ id: z.string().trim().min(1).max(200) });
const submitRequest = z.object({ answers: saveAnswersRequest.shape.answers.optional() }).default({});

/** One evaluation as the signed-in user may see it: within his scope, else 404. */
const detail = async (c: Context<AppEnv>, id: string): Promise<EvaluationResponse> => ({
  evaluation: await evaluationDetail(c.get('deps'), id, currentUser(c), c.get('scope'), c.get('settings')),
});

export const evaluationsRoutes = new Hono<AppEnv>()
  .get('/', allow('evaluations.read'), validate('query', listEvaluationsQuery), async (c) => {
    const body: EvaluationsResponse = await listEvaluations(
      c.get('deps').db,
      currentUser(c),
      c.get('scope'),
      c.req.valid('query'),
      c.get('settings'),
    );
    return c.json(body);
  })
  .get('/quality', allow('evaluations.quality'), validate('query', qualityQuery), async (c) => {
    const { period, team } = c.req.valid('query');
    const body: QualityResponse = {
      period,
      operators: await operatorQuality(
        c.get('deps').db,
        period,
        c.get('settings').timeZone,
        c.get('scope'),
        team ?? null,
      ),
    };
    return c.json(body);
  })
  .post('/', allow('evaluations.score'), validate('json', newEvaluationRequest), async (c) => {
    const user = currentUser(c);
    const id = await createEvaluation(c.get('deps'), user, c.req.valid('json'));
    const body: EvaluationResponse = await detail(c, id);
    return c.json(body, 201);
  })
  .get('/:id', allow('evaluations.read'), validate('param', idParam), async (c) => {
    const body: EvaluationResponse = await detail(c, c.req.valid('param').id);
    return c.json(body);
  })
  .delete('/:id', allow('evaluations.score'), validate('param', idParam), async (c) => {
    await deleteDraft(c.get('deps').db, currentUser(c), c.get('scope'), c.req.valid('param').id);
    const body: EvaluationDeletedResponse = { ok: true };
    return c.json(body);
  })
  .put(
    '/:id/answers',
    allow('evaluations.score'),
    validate('param', idParam),
    validate('json', saveAnswersRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await saveAnswers(c.get('deps').db, user, c.get('scope'), id, c.req.valid('json').answers);
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body);
    },
  )
  .post(
    '/:id/submit',
    allow('evaluations.score'),
    validate('param', idParam),
    validate('json', submitRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await submitEvaluation(c.get('deps').db, user, c.get('scope'), id, c.req.valid('json').answers);
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body);
    },
  )
  .post('/:id/acknowledge', allow('evaluations.acknowledge'), validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    await acknowledgeEvaluation(c.get('deps').db, user, c.get('scope'), id);
    const body: EvaluationResponse = await detail(c, id);
    return c.json(body);
  })
  .post(
    '/:id/dispute',
    allow('evaluations.dispute'),
    validate('param', idParam),
    validate('json', disputeRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await disputeEvaluation(
        c.get('deps').db,
        user,
        c.get('scope'),
        id,
        c.req.valid('json'),
        c.get('settings'),
      );
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body);
    },
  )
  .post(
    '/:id/decision',
    allow('evaluations.decide'),
    validate('param', idParam),
    validate('json', decisionRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await decideDispute(c.get('deps').db, user, c.get('scope'), id, c.req.valid('json'));
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body);
    },
  )
  .post(
    '/:id/appeal',
    allow('evaluations.appeal'),
    validate('param', idParam),
    validate('json', appealRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await appealEvaluation(
        c.get('deps').db,
        user,
        c.get('scope'),
        id,
        c.req.valid('json').reason,
        c.get('settings'),
      );
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body);
    },
  )
  .post(
    '/:id/appeal/decision',
    allow('evaluations.decideAppeal'),
    validate('param', idParam),
    validate('json', decisionRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await decideAppeal(c.get('deps').db, user, c.get('scope'), id, c.req.valid('json'));
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body);
    },
  )
  .post(
    '/:id/comments',
    allow('evaluations.comment'),
    validate('param', idParam),
    validate('json', commentRequest),
    async (c) => {
      const user = currentUser(c);
      const { id } = c.req.valid('param');
      await addComment(c.get('deps').db, user, c.get('scope'), id, c.req.valid('json'));
      const body: EvaluationResponse = await detail(c, id);
      return c.json(body, 201);
    },
  );
