import { Hono } from 'hono';
import { z } from 'zod';
import {
  type CalibrationResponse,
  type CalibrationResults,
  type CalibrationsResponse,
  calibrationListQuery,
  newCalibrationRequest,
  type StrictnessResponse,
  strictnessQuery,
} from '../../schemas/calibration.ts';
import type { EvaluationResponse } from '../../schemas/evaluations.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { evaluationDetail } from '../evaluations/evaluations.service.ts';
import { validate } from '../validate.ts';
import {
  closeSession,
  createSession,
  listSessions,
  sessionResults,
  sessionView,
  startScoring,
  strictness,
} from './calibration.service.ts';

const idParam = z.object({ id: z.coerce.number({ error: 'must be a session id' }).int().positive() });

export const calibrationRoutes = new Hono<AppEnv>()
  .get('/', allow('calibration.read'), validate('query', calibrationListQuery), async (c) => {
    const body: CalibrationsResponse = {
      sessions: await listSessions(
        c.get('deps').db,
        currentUser(c),
        c.get('scope'),
        c.req.valid('query').status,
      ),
    };
    return c.json(body);
  })
  .post('/', allow('calibration.run'), validate('json', newCalibrationRequest), async (c) => {
    const user = currentUser(c);
    const id = await createSession(c.get('deps'), user, c.req.valid('json'));
    const body: CalibrationResponse = {
      session: await sessionView(c.get('deps').db, id, user, c.get('scope')),
    };
    return c.json(body, 201);
  })
  .get('/strictness', allow('calibration.strictness'), validate('query', strictnessQuery), async (c) => {
    const body: StrictnessResponse = {
      monitors: await strictness(c.get('deps').db, c.req.valid('query'), c.get('settings').timeZone),
    };
    return c.json(body);
  })
  .get('/:id', allow('calibration.read'), validate('param', idParam), async (c) => {
    const body: CalibrationResponse = {
      session: await sessionView(c.get('deps').db, c.req.valid('param').id, currentUser(c), c.get('scope')),
    };
    return c.json(body);
  })
  .post('/:id/evaluation', allow('calibration.join'), validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const evaluationId = await startScoring(c.get('deps'), user, c.req.valid('param').id);
    const body: EvaluationResponse = {
      evaluation: await evaluationDetail(
        c.get('deps'),
        evaluationId,
        user,
        c.get('scope'),
        c.get('settings'),
      ),
    };
    return c.json(body, 201);
  })
  .post('/:id/close', allow('calibration.run'), validate('param', idParam), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    await closeSession(c.get('deps').db, user, id);
    const body: CalibrationResponse = {
      session: await sessionView(c.get('deps').db, id, user, c.get('scope')),
    };
    return c.json(body);
  })
  .get('/:id/results', allow('calibration.read'), validate('param', idParam), async (c) => {
    const body: CalibrationResults = await sessionResults(
      c.get('deps').db,
      c.req.valid('param').id,
      currentUser(c),
      c.get('scope'),
    );
    return c.json(body);
  });
