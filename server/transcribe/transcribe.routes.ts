import { Hono } from 'hono';
import {
  type TranscribeFailuresResponse,
  type TranscribeJobResponse,
  transcribeFailuresQuery,
  transcribeStartRequest,
} from '../../schemas/transcribe.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { refuseInLakeMode } from '../lake/lake-mode.ts';
import { validate } from '../validate.ts';

/** Speech to text on the server, for administrators: the job's start, progress, cancel, and failures. */
export const transcribeRoutes = new Hono<AppEnv>()
  .get('/job', allow('transcribe.read'), (c) => {
    const body: TranscribeJobResponse = { job: c.get('deps').transcribe.status() };
    return c.json(body);
  })
  // Starts a run for a month (audited); a 400 when the engine or its model is not there, 409 when one runs.
  .post('/job', allow('transcribe.run'), validate('json', transcribeStartRequest), async (c) => {
    refuseInLakeMode(c.get('deps'), 'transcription runs');
    const job = await c.get('deps').transcribe.start(c.req.valid('json'), currentUser(c).username);
    const body: TranscribeJobResponse = { job };
    return c.json(body, 202);
  })
  .post('/job/cancel', allow('transcribe.run'), async (c) => {
    const body: TranscribeJobResponse = {
      job: await c.get('deps').transcribe.cancel(currentUser(c).username),
    };
    return c.json(body);
  })
  .get('/failures', allow('transcribe.read'), validate('query', transcribeFailuresQuery), async (c) => {
    const body: TranscribeFailuresResponse = {
      failures: await c.get('deps').transcribe.failures(c.req.valid('query').period),
    };
    return c.json(body);
  });
