import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  acknowledgeCoachingRequest,
  type CoachingListResponse,
  type CoachingNoteResponse,
  type CoachingNotesResponse,
  type CoachingResponse,
  closeCoachingRequest,
  coachingQuery,
  newCoachingNoteRequest,
  newCoachingRequest,
  updateCoachingNotesRequest,
} from '../../schemas/coaching.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { optionalJsonBody, validate } from '../validate.ts';
import {
  acknowledgeCoaching,
  closeCoaching,
  getCoaching,
  listCoaching,
  openCoaching,
  updateCoachingNotes,
} from './coaching.service.ts';
import { addCoachingNote, coachingNotes } from './coaching-notes.service.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const settingsOf = (c: Context<AppEnv>) => ({
  timeZone: c.get('settings').timeZone,
  currency: c.get('settings').currency,
});

/** Heads and QA leads open and close coaching sessions; the operator reads and acknowledges his own. */
export const coachingRoutes = new Hono<AppEnv>()
  .get('/', allow('coaching.read'), validate('query', coachingQuery), async (c) => {
    const body: CoachingListResponse = await listCoaching(
      c.get('deps'),
      c.req.valid('query'),
      c.get('scope'),
      settingsOf(c),
    );
    return c.json(body);
  })
  .get('/:id', allow('coaching.read'), validate('param', idParam), async (c) => {
    const body: CoachingResponse = {
      session: await getCoaching(c.get('deps'), c.req.valid('param').id, c.get('scope'), settingsOf(c)),
    };
    return c.json(body);
  })
  .post('/', allow('coaching.manage'), validate('json', newCoachingRequest), async (c) => {
    const body: CoachingResponse = {
      session: await openCoaching(
        c.get('deps'),
        c.req.valid('json'),
        currentUser(c),
        c.get('scope'),
        settingsOf(c),
      ),
    };
    return c.json(body, 201);
  })
  .get('/:id/notes', allow('coaching.read'), validate('param', idParam), async (c) => {
    const body: CoachingNotesResponse = {
      notes: await coachingNotes(c.get('deps'), c.req.valid('param').id, currentUser(c), c.get('scope')),
    };
    return c.json(body);
  })
  .post(
    '/:id/notes',
    allow('coaching.manage'),
    validate('param', idParam),
    validate('json', newCoachingNoteRequest),
    async (c) => {
      const body: CoachingNoteResponse = {
        note: await addCoachingNote(
          c.get('deps'),
          c.req.valid('param').id,
          c.req.valid('json'),
          currentUser(c),
          c.get('scope'),
        ),
      };
      return c.json(body, 201);
    },
  )
  .put(
    '/:id/notes',
    allow('coaching.manage'),
    validate('param', idParam),
    validate('json', updateCoachingNotesRequest),
    async (c) => {
      const body: CoachingResponse = {
        session: await updateCoachingNotes(
          c.get('deps'),
          c.req.valid('param').id,
          c.req.valid('json').notes,
          currentUser(c),
          c.get('scope'),
          settingsOf(c),
        ),
      };
      return c.json(body);
    },
  )
  .post(
    '/:id/acknowledge',
    allow('coaching.acknowledge'),
    validate('param', idParam),
    optionalJsonBody,
    validate('json', acknowledgeCoachingRequest),
    async (c) => {
      const body: CoachingResponse = {
        session: await acknowledgeCoaching(
          c.get('deps'),
          c.req.valid('param').id,
          c.req.valid('json').comment,
          currentUser(c),
          c.get('scope'),
          settingsOf(c),
        ),
      };
      return c.json(body);
    },
  )
  .post(
    '/:id/close',
    allow('coaching.manage'),
    validate('param', idParam),
    optionalJsonBody,
    validate('json', closeCoachingRequest),
    async (c) => {
      const body: CoachingResponse = {
        session: await closeCoaching(
          c.get('deps'),
          c.req.valid('param').id,
          c.req.valid('json').note,
          currentUser(c),
          c.get('scope'),
          settingsOf(c),
        ),
      };
      return c.json(body);
    },
  );
