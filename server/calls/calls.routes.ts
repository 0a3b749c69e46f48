import path from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { ARROW_PAGING_HEADERS } from '../../schemas/arrow.ts';
import type { TranscriptResponse } from '../../schemas/autoqa.ts';
import {
  type AssignmentsResponse,
  type AssignResponse,
  assignmentsQuery,
  assignRequest,
  CALLS_ARROW_LIMIT,
  CALLS_JSON_LIMIT,
  type CallResponse,
  type CallsResponse,
  callSearchQuery,
  type SampleResponse,
  sampleQuery,
  type UnassignResponse,
  type WorklistResponse,
  worklistQuery,
} from '../../schemas/calls.ts';
import { ARROW_STREAM, wantsArrow } from '../arrow.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import { cached } from '../cache.ts';
import type { AppEnv } from '../context.ts';
import { dataFiles } from '../runtime.ts';
import { validate } from '../validate.ts';
import { assignCalls, listAssignments, unassign } from './assignments.service.ts';
import { callDetail, callsArrow, searchCallColumns, searchCalls, visibleCall } from './calls.service.ts';
import { recordingFile, recordingResponse } from './recording.ts';
import { sampleCalls } from './sample.ts';
import { callTranscript } from './transcript.ts';

const idParam = z.object({ id: z.string().trim().min(1).max(200) });
const assignmentParam = z.object({ id: z.coerce.number().int().positive() });

export const callsRoutes = new Hono<AppEnv>()
  // The calls list as JSON, or as Arrow IPC for a big table: the same rows, and a bigger page.
  .get('/', allow('calls.read'), validate('query', callSearchQuery), async (c) => {
    const { db, analytics } = c.get('deps');
    const q = c.req.valid('query');
    const arrow = wantsArrow(c.req.header('accept'));
    if (!arrow && q.limit > CALLS_JSON_LIMIT) {
      throw new AppError(
        'bad_request',
        `invalid query: limit: must be at most ${CALLS_JSON_LIMIT} as JSON ` +
          `(up to ${CALLS_ARROW_LIMIT} with Accept: ${ARROW_STREAM})`,
      );
    }
    const scope = c.get('scope');
    const timeZone = c.get('settings').timeZone;
    c.header('Vary', 'Accept');
    if (!arrow) {
      const body: CallsResponse = await searchCalls(db, analytics, q, scope, timeZone);
      return c.json(body);
    }
    const page = await searchCallColumns(db, analytics, q, scope, timeZone);
    return c.body(Buffer.from(callsArrow(page.columns)), 200, {
      'Content-Type': ARROW_STREAM,
      [ARROW_PAGING_HEADERS.total]: String(page.total),
      [ARROW_PAGING_HEADERS.limit]: String(page.limit),
      [ARROW_PAGING_HEADERS.offset]: String(page.offset),
    });
  })
  .get('/sample', allow('calls.sample'), validate('query', sampleQuery), async (c) => {
    const { db, analytics } = c.get('deps');
    const q = c.req.valid('query');
    const scope = c.get('scope');
    const { timeZone } = c.get('settings');
    // A draw over every call of the month: kept while the data (calls, claims, evaluations,
    // assignments: every change moves the data version) is unchanged.
    const key = `sample|${JSON.stringify([q, scope.operatorIds, timeZone])}`;
    const body: SampleResponse = await cached(analytics, key, () =>
      sampleCalls(db, analytics, q, scope, timeZone),
    );
    return c.json(body);
  })
  .get('/assignments', allow('worklist.read'), validate('query', assignmentsQuery), async (c) => {
    const { period, monitor } = c.req.valid('query');
    const body: AssignmentsResponse = {
      period,
      assignments: await listAssignments(c.get('deps').db, period, monitor ?? null),
    };
    return c.json(body);
  })
  .post('/assignments', allow('assignments.manage'), validate('json', assignRequest), async (c) => {
    const body: AssignResponse = await assignCalls(
      c.get('deps'),
      currentUser(c),
      c.req.valid('json'),
      c.get('settings').timeZone,
    );
    return c.json(body, 201);
  })
  .delete('/assignments/:id', allow('assignments.manage'), validate('param', assignmentParam), async (c) => {
    await unassign(c.get('deps').db, currentUser(c), c.req.valid('param').id);
    const body: UnassignResponse = { ok: true };
    return c.json(body);
  })
  .get('/worklist', allow('worklist.read'), validate('query', worklistQuery), async (c) => {
    const user = currentUser(c);
    const { period } = c.req.valid('query');
    const assignments = await listAssignments(c.get('deps').db, period, user.username);
    const body: WorklistResponse = {
      period,
      monitor: user.username,
      total: assignments.length,
      done: assignments.filter((a) => a.done).length,
      drafts: assignments.filter((a) => a.evaluationStatus === 'draft').length,
      assignments,
    };
    return c.json(body);
  })
  .get('/:id', allow('calls.read'), validate('param', idParam), async (c) => {
    const { db, analytics } = c.get('deps');
    const body: CallResponse = {
      call: await callDetail(
        db,
        analytics,
        c.req.valid('param').id,
        currentUser(c),
        c.get('scope'),
        c.get('settings'),
      ),
    };
    return c.json(body);
  })
  // What was said, segment by segment, for the workspace beside the player.
  .get('/:id/transcript', allow('calls.read'), validate('param', idParam), async (c) => {
    const { analytics } = c.get('deps');
    const call = await visibleCall(analytics, c.req.valid('param').id, c.get('scope'));
    const body: TranscriptResponse = await callTranscript(analytics, call.callId);
    return c.json(body);
  })
  .get('/:id/recording', allow('calls.read'), validate('param', idParam), async (c) => {
    const { analytics, dataDir } = c.get('deps');
    const call = await visibleCall(analytics, c.req.valid('param').id, c.get('scope'));
    if (!call.recording) throw new AppError('not_found', `call ${call.callId} has no recording`);
    if (/^https?:\/\//i.test(call.recording)) return c.redirect(call.recording, 302);
    const file = recordingFile(path.resolve(dataFiles(dataDir).recordings), call.recording);
    return recordingResponse(file, c.req.header('range'));
  });
