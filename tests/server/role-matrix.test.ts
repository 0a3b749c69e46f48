import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../schemas/roles.ts';
import { policyOf } from '../../server/auth/access.ts';
import { createUser } from '../../server/users/users.service.ts';
import { json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Every API route against every kind of user. Two departments, three teams: Sales has TEAM-DESK
 * (OP-1, OP-2) and TEAM-OUT (OP-4), Service has TEAM-CARE (OP-3). Each operator has a call with a
 * recording, an order, a claim and an assessment; OP-1, OP-3 and OP-4 each have a submitted
 * evaluation and a closed calibration session on their call. The limited users are the two
 * operators, a head limited to TEAM-DESK and one limited to Sales; what lies outside a user's
 * scope is named by ids and names no answer to him may contain.
 */

const OPS = {
  'OP-1': { team: 'TEAM-DESK', name: 'Ana Rusu' },
  'OP-2': { team: 'TEAM-DESK', name: 'Ivan Petrov' },
  'OP-3': { team: 'TEAM-CARE', name: 'Maria Ceban' },
  'OP-4': { team: 'TEAM-OUT', name: 'Elena Stan' },
} as const;
type Op = keyof typeof OPS;
const ALL_OPS = Object.keys(OPS) as Op[];
const TEAMS = ['TEAM-DESK', 'TEAM-CARE', 'TEAM-OUT'] as const;
const EVALUATED: Op[] = ['OP-1', 'OP-3', 'OP-4'];
const n = (op: Op) => op.slice(3);

const HEADER =
  'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n';
const callsCsv = () =>
  HEADER +
  ALL_OPS.map(
    (op, i) =>
      `CALL-${n(op)},2026-10-0${5 + i}T10:00:00Z,2026-10-0${5 + i}T09:59:50Z,2026-10-0${5 + i}T10:00:05Z,2026-10-0${5 + i}T10:05:00Z,inbound,${op},,,${OPS[op].team === 'TEAM-CARE' ? 'care' : 'sales'},answered,order,completed,295,0,10,,r/a.ogg\n`,
  ).join('') +
  'CALL-X,2026-10-06T11:00:00Z,2026-10-06T11:00:00Z,,2026-10-06T11:01:00Z,inbound,,,,care,abandoned,,,,,,,\n';

type Who =
  | 'anonymous'
  | 'admin'
  | 'qa_lead'
  | 'qa'
  | 'head'
  | 'payroll'
  | 'operator'
  | 'operator2'
  | 'teamHead'
  | 'deptHead';
interface Viewer {
  who: Who;
  role: Role | null;
  /** The operators he may see; null: all. */
  ops: readonly Op[] | null;
  cookie: string | null;
}
const WHO: Record<Who, Omit<Viewer, 'who' | 'cookie'>> = {
  anonymous: { role: null, ops: null },
  admin: { role: 'admin', ops: null },
  qa_lead: { role: 'qa_lead', ops: null },
  qa: { role: 'qa', ops: null },
  head: { role: 'head', ops: null },
  payroll: { role: 'payroll', ops: null },
  operator: { role: 'operator', ops: ['OP-1'] },
  operator2: { role: 'operator', ops: ['OP-3'] },
  teamHead: { role: 'head', ops: ['OP-1', 'OP-2'] },
  deptHead: { role: 'head', ops: ['OP-1', 'OP-2', 'OP-4'] },
};
const viewers: Viewer[] = [];

let env: TestEnv;
let formId = 0;
/** Each operator's evaluations (counted and calibration) and calibration session. */
const evaluationsOf = new Map<Op, string[]>();
const sessionOf = new Map<Op, number>();
/** Each operator's coaching session and self-evaluation. */
const coachingOf = new Map<Op, number>();
const selfOf = new Map<Op, number>();

const sees = (v: Viewer, op: Op) => v.ops === null || v.ops.includes(op);
/** The operator whose records a viewer's own requests name: his first, or OP-1 for the unlimited. */
const mine = (v: Viewer): Op => (v.ops?.[0] as Op | undefined) ?? 'OP-1';
/** The operators outside a viewer's scope. */
const outsiders = (v: Viewer): Op[] => ALL_OPS.filter((op) => !sees(v, op));
const ownEvaluated = (v: Viewer): Op => EVALUATED.find((op) => sees(v, op)) ?? 'OP-1';

/** Whatever of operators outside the scope could show in an answer: ids, names, teams, records. */
function forbiddenTokens(v: Viewer): string[] {
  if (v.ops === null) return [];
  const out: string[] = [];
  for (const op of ALL_OPS.filter((o) => !sees(v, o))) {
    out.push(op, OPS[op].name, `CALL-${n(op)}`, `O-${n(op)}`, `CLM-${n(op)}`, `AS-${n(op)}`);
    out.push(...(evaluationsOf.get(op) ?? []));
  }
  out.push('CALL-X');
  for (const t of TEAMS) if (!ALL_OPS.some((op) => OPS[op].team === t && sees(v, op))) out.push(t);
  return out;
}

interface Req {
  method?: string;
  path: string;
  body?: unknown;
}
interface Outside {
  req: Req;
  /** 404: a record outside is as if it did not exist; 403: a named operator or team is refused; 200: a filter that finds nothing of it. */
  status: 200 | 403 | 404;
}
interface Entry {
  /** Roles that may use the route; 'public': anyone, signed in or not; 'signedIn': every role. */
  allow: 'public' | 'signedIn' | readonly Role[];
  /** A request naming what the viewer may see. */
  req: (v: Viewer) => Req;
  /** Statuses an allowed viewer may get (default: 200). Changes are sent invalid (400) unless harmless. */
  ok?: readonly number[];
  /** Requests of a limited viewer naming something outside his scope. */
  outside?: (v: Viewer, op: Op) => Outside[];
  /** Sent after every other route (signing out ends the session). */
  last?: boolean;
}

const get = (p: string): Req => ({ path: p });
const post = (p: string, body: unknown = {}): Req => ({ method: 'POST', path: p, body });
const put = (p: string, body: unknown = {}): Req => ({ method: 'PUT', path: p, body });
const del = (p: string): Req => ({ method: 'DELETE', path: p });
const P = 'period=2026-10';
const ev = (op: Op) => evaluationsOf.get(op)?.[0] as string;
const session = (op: Op) => sessionOf.get(op) as number;
const coach = (op: Op) => coachingOf.get(op) as number;
const selfEv = (op: Op) => selfOf.get(op) as number;
const COACHES: Role[] = ['head', 'qa_lead'];
const READ_EVAL: Role[] = ['qa', 'qa_lead', 'head', 'admin', 'operator'];
const MONITORS: Role[] = ['qa', 'qa_lead', 'admin'];
const LEADS: Role[] = ['qa_lead', 'admin'];
const PAY_READERS: Role[] = ['admin', 'head', 'payroll', 'operator'];
const CAL_READERS: Role[] = ['qa', 'qa_lead', 'head', 'admin'];
const HEADS: Role[] = ['head', 'admin'];
/** A list filtered by something outside the scope: the filter narrows, it never widens. */
const filtered = (...paths: string[]): Outside[] => paths.map((p) => ({ req: get(p), status: 200 }));

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { allow: 'public', req: () => get('/api/health') },
  'POST /api/auth/login': { allow: 'public', req: () => post('/api/auth/login'), ok: [400] },
  'POST /api/auth/logout': { allow: 'public', req: () => post('/api/auth/logout'), last: true },
  'GET /api/auth/me': { allow: 'signedIn', req: () => get('/api/auth/me') },
  'PUT /api/auth/me/locale': { allow: 'signedIn', req: () => put('/api/auth/me/locale'), ok: [400] },
  'GET /api/periods': { allow: 'signedIn', req: () => get('/api/periods') },
  'GET /api/teams': { allow: 'signedIn', req: () => get('/api/teams') },
  'GET /api/operators': { allow: 'signedIn', req: () => get('/api/operators') },
  'GET /api/names': { allow: 'signedIn', req: () => get('/api/names') },
  'GET /api/operators/activity': {
    allow: 'signedIn',
    req: () => get(`/api/operators/activity?${P}`),
    outside: (_, op) => filtered(`/api/operators/activity?${P}&team=${OPS[op].team}`),
  },
  'GET /api/operators/:operatorId/activity': {
    allow: 'signedIn',
    req: (v) => get(`/api/operators/${mine(v)}/activity?${P}`),
    outside: (_, op) => [{ req: get(`/api/operators/${op}/activity?${P}`), status: 403 }],
  },
  'GET /api/overview/daily': {
    allow: 'signedIn',
    req: () => get(`/api/overview/daily?${P}`),
    outside: (_, op) => filtered(`/api/overview/daily?${P}&team=${OPS[op].team}`),
  },
  'GET /api/admin/users': { allow: ['admin'], req: () => get('/api/admin/users') },
  'POST /api/admin/users': { allow: ['admin'], req: () => post('/api/admin/users'), ok: [400] },
  'PUT /api/admin/users/:id/limit': {
    allow: ['admin'],
    req: () => put('/api/admin/users/1/limit', { department: 5 }),
    ok: [400],
  },
  'GET /api/admin/settings': { allow: ['admin'], req: () => get('/api/admin/settings') },
  'PUT /api/admin/settings/:key': {
    allow: ['admin'],
    req: () => put('/api/admin/settings/timeZone'),
    ok: [400],
  },
  'GET /api/admin/audit': { allow: ['admin'], req: () => get('/api/admin/audit?limit=5') },
  'POST /api/imports': { allow: ['admin'], req: () => post('/api/imports'), ok: [400] },
  'POST /api/imports/preview': { allow: ['admin'], req: () => post('/api/imports/preview'), ok: [400] },
  'GET /api/imports/mappings': { allow: ['admin'], req: () => get('/api/imports/mappings') },
  'GET /api/imports/mappings/:name': {
    allow: ['admin'],
    req: () => get('/api/imports/mappings/none'),
    ok: [404],
  },
  'PUT /api/imports/mappings/:name': {
    allow: ['admin'],
    req: () => put('/api/imports/mappings/none'),
    ok: [400],
  },
  'DELETE /api/imports/mappings/:name': {
    allow: ['admin'],
    req: () => del('/api/imports/mappings/none'),
    ok: [404],
  },
  'GET /api/imports/jobs/:id': {
    allow: ['admin'],
    req: () => get('/api/imports/jobs/999999'),
    ok: [400, 404],
  },
  'GET /api/imports': { allow: ['admin'], req: () => get('/api/imports?limit=5') },
  'GET /api/imports/:id': { allow: ['admin'], req: () => get('/api/imports/1') },
  'GET /api/scorecards': {
    allow: PAY_READERS,
    req: () => get(`/api/scorecards?${P}`),
    outside: (_, op) => filtered(`/api/scorecards?${P}&team=${OPS[op].team}`),
  },
  'GET /api/ranking': {
    allow: PAY_READERS,
    req: () => get(`/api/ranking?${P}`),
    outside: (_, op) => filtered(`/api/ranking?${P}&team=${OPS[op].team}`),
  },
  'GET /api/scorecards/:operatorId': {
    allow: PAY_READERS,
    req: (v) => get(`/api/scorecards/${mine(v)}?${P}`),
    outside: (_, op) => [{ req: get(`/api/scorecards/${op}?${P}`), status: 403 }],
  },
  'GET /api/kpis': {
    allow: ['admin', 'head', 'qa_lead', 'qa', 'payroll'],
    req: () => get(`/api/kpis?${P}`),
    outside: (_, op) => filtered(`/api/kpis?${P}&team=${OPS[op].team}`),
  },
  'GET /api/dashboard/summary': {
    allow: ['admin', 'head', 'payroll'],
    req: () => get(`/api/dashboard/summary?${P}`),
    outside: (_, op) => filtered(`/api/dashboard/summary?${P}&team=${OPS[op].team}`),
  },
  // today's queues: a limited head's queues and operators only (tests/server/live-queues.test.ts)
  'GET /api/live/queues': { allow: HEADS, req: () => get('/api/live/queues') },
  ...Object.fromEntries(
    ['trend', 'orders', 'claims', 'assessments'].map((what) => [
      `GET /api/operators/:operatorId/${what}`,
      {
        allow: PAY_READERS,
        req: (v: Viewer) => get(`/api/operators/${mine(v)}/${what}?${P}`),
        outside: (_: Viewer, op: Op) => [{ req: get(`/api/operators/${op}/${what}?${P}`), status: 403 }],
      } satisfies Entry,
    ]),
  ),
  'GET /api/pay-periods': { allow: ['payroll', 'admin', 'head'], req: () => get('/api/pay-periods') },
  'GET /api/pay-periods/:period': {
    allow: ['payroll', 'admin', 'head'],
    req: () => get('/api/pay-periods/2026-10'),
  },
  'POST /api/pay-periods/:period/approve': {
    allow: ['payroll'],
    req: () => post('/api/pay-periods/2026-10/approve'),
    ok: [409],
  },
  'POST /api/pay-periods/:period/reopen': {
    allow: ['admin'],
    req: () => post('/api/pay-periods/2026-10/reopen'),
    ok: [400],
  },
  'GET /api/pay-periods/:period/export': {
    allow: ['payroll', 'admin'],
    req: () => get('/api/pay-periods/2026-10/export?format=csv'),
  },
  'GET /api/pay-rules': { allow: ['admin', 'payroll', 'head'], req: () => get('/api/pay-rules') },
  'GET /api/pay-rules/in-force': { allow: 'signedIn', req: () => get(`/api/pay-rules/in-force?${P}`) },
  'POST /api/pay-rules': { allow: ['admin'], req: () => post('/api/pay-rules'), ok: [400] },
  'POST /api/pay-rules/preview': { allow: ['admin'], req: () => post('/api/pay-rules/preview'), ok: [400] },
  'GET /api/forms': { allow: 'signedIn', req: () => get('/api/forms') },
  'POST /api/forms': { allow: LEADS, req: () => post('/api/forms'), ok: [400] },
  'GET /api/forms/:id': { allow: 'signedIn', req: () => get(`/api/forms/${formId}`) },
  'PUT /api/forms/:id': { allow: LEADS, req: () => put(`/api/forms/${formId}`, { name: '' }), ok: [400] },
  'POST /api/forms/:id/archive': { allow: LEADS, req: () => post('/api/forms/999999/archive'), ok: [404] },
  'POST /api/forms/:id/score': {
    allow: 'signedIn',
    req: () => post(`/api/forms/${formId}/score`, { answers: PERFECT }),
  },
  'GET /api/evaluations': {
    allow: READ_EVAL,
    req: () => get(`/api/evaluations?${P}`),
    outside: (_, op) =>
      filtered(
        `/api/evaluations?operator=${op}`,
        `/api/evaluations?callId=CALL-${n(op)}`,
        '/api/evaluations?calibration=true',
      ),
  },
  'GET /api/evaluations/quality': {
    allow: [...READ_EVAL, 'payroll'],
    req: () => get(`/api/evaluations/quality?${P}`),
    outside: (_, op) => filtered(`/api/evaluations/quality?${P}&team=${OPS[op].team}`),
  },
  'POST /api/evaluations': { allow: MONITORS, req: () => post('/api/evaluations'), ok: [400] },
  'GET /api/evaluations/:id': {
    allow: READ_EVAL,
    req: (v) => get(`/api/evaluations/${ev(ownEvaluated(v))}`),
    outside: (_, op) => evaluationsOutside(op, (id) => get(`/api/evaluations/${id}`)),
  },
  'DELETE /api/evaluations/:id': {
    allow: MONITORS,
    req: () => del(`/api/evaluations/${ev('OP-1')}`),
    // A submitted evaluation is no draft; only its evaluator (or the administrator) may try.
    ok: [403, 409],
  },
  'PUT /api/evaluations/:id/answers': {
    allow: MONITORS,
    req: () => put(`/api/evaluations/${ev('OP-1')}/answers`),
    ok: [400],
  },
  'POST /api/evaluations/:id/submit': {
    allow: MONITORS,
    req: () => post(`/api/evaluations/${ev('OP-1')}/submit`, { answers: 'all' }),
    ok: [400],
  },
  'POST /api/evaluations/:id/acknowledge': {
    allow: ['operator'],
    req: (v) => post(`/api/evaluations/${ev(ownEvaluated(v))}/acknowledge`),
    ok: [200, 409],
    outside: (_, op) => evaluationsOutside(op, (id) => post(`/api/evaluations/${id}/acknowledge`)),
  },
  'POST /api/evaluations/:id/dispute': {
    allow: ['operator'],
    req: (v) => post(`/api/evaluations/${ev(ownEvaluated(v))}/dispute`),
    ok: [400],
    outside: (_, op) =>
      evaluationsOutside(op, (id) => post(`/api/evaluations/${id}/dispute`, { reason: 'not me' })),
  },
  'POST /api/evaluations/:id/decision': {
    allow: LEADS,
    req: () => post(`/api/evaluations/${ev('OP-1')}/decision`),
    ok: [400],
  },
  'POST /api/evaluations/:id/appeal': {
    allow: ['operator'],
    req: (v) => post(`/api/evaluations/${ev(ownEvaluated(v))}/appeal`),
    ok: [400],
    outside: (_, op) =>
      evaluationsOutside(op, (id) => post(`/api/evaluations/${id}/appeal`, { reason: 'not me' })),
  },
  'POST /api/evaluations/:id/appeal/decision': {
    allow: HEADS,
    req: (v) => post(`/api/evaluations/${ev(ownEvaluated(v))}/appeal/decision`),
    ok: [400],
    outside: (_, op) =>
      evaluationsOutside(op, (id) =>
        post(`/api/evaluations/${id}/appeal/decision`, { decision: 'upheld', note: 'no' }),
      ),
  },
  'GET /api/qa/graders': {
    allow: ['qa', 'qa_lead', 'head', 'admin'],
    req: () => get(`/api/qa/graders?${P}`),
  },
  'GET /api/qa/graders/disputes': {
    allow: ['qa_lead', 'head', 'admin'],
    req: () => get(`/api/qa/graders/disputes?${P}`),
  },
  'POST /api/evaluations/:id/comments': {
    allow: [...MONITORS, 'operator'],
    req: (v) => post(`/api/evaluations/${ev(ownEvaluated(v))}/comments`),
    ok: [400],
    outside: (_, op) =>
      evaluationsOutside(op, (id) => post(`/api/evaluations/${id}/comments`, { text: 'hello' })),
  },
  'GET /api/calls': {
    allow: READ_EVAL,
    req: () => get(`/api/calls?${P}`),
    outside: (_, op) => filtered(`/api/calls?${P}&operator=${op}`, `/api/calls?${P}&team=${OPS[op].team}`),
  },
  'GET /api/calls/sample': { allow: MONITORS, req: () => get(`/api/calls/sample?${P}`) },
  'GET /api/calls/assignments': { allow: MONITORS, req: () => get(`/api/calls/assignments?${P}`) },
  'POST /api/calls/assignments': { allow: LEADS, req: () => post('/api/calls/assignments'), ok: [400] },
  'DELETE /api/calls/assignments/:id': {
    allow: LEADS,
    req: () => del('/api/calls/assignments/999999'),
    ok: [404],
  },
  'GET /api/calls/worklist': { allow: MONITORS, req: () => get(`/api/calls/worklist?${P}`) },
  'POST /api/autoqa/run': { allow: LEADS, req: () => post(`/api/autoqa/run?${P}`) },
  'GET /api/autoqa/results': { allow: READ_EVAL, req: () => get(`/api/autoqa/results?${P}`) },
  'GET /api/autoqa/pass-rates': {
    allow: READ_EVAL,
    req: () => get(`/api/autoqa/pass-rates?${P}`),
    outside: (_, op) => [
      ...filtered(`/api/autoqa/pass-rates?${P}&team=${OPS[op].team}`),
      { req: get(`/api/autoqa/pass-rates?${P}&operator=${op}`), status: 404 },
    ],
  },
  'GET /api/autoqa/calls/:id': {
    allow: READ_EVAL,
    req: (v) => get(`/api/autoqa/calls/CALL-${n(mine(v))}`),
    outside: (_, op) => [{ req: get(`/api/autoqa/calls/CALL-${n(op)}`), status: 404 }],
  },
  'GET /api/autoqa/accuracy': {
    allow: ['qa_lead', 'head', 'admin'],
    req: () => get(`/api/autoqa/accuracy?${P}`),
  },
  'GET /api/autoqa/rules': { allow: MONITORS, req: () => get('/api/autoqa/rules') },
  'PUT /api/autoqa/rules': { allow: ['qa_lead'], req: () => put('/api/autoqa/rules'), ok: [400] },
  'GET /api/autoqa/rules/versions': { allow: MONITORS, req: () => get('/api/autoqa/rules/versions') },
  'GET /api/autoqa/rules/versions/:version': {
    allow: MONITORS,
    req: () => get('/api/autoqa/rules/versions/1'),
    ok: [200, 404],
  },
  'POST /api/autoqa/rules/test': { allow: MONITORS, req: () => post('/api/autoqa/rules/test'), ok: [400] },
  'GET /api/autoqa/job': { allow: MONITORS, req: () => get('/api/autoqa/job') },
  'GET /api/transcribe/job': { allow: ['admin'], req: () => get('/api/transcribe/job') },
  // An empty body is refused before anything starts: the allowed role gets the 400.
  'POST /api/transcribe/job': { allow: ['admin'], req: () => post('/api/transcribe/job'), ok: [400] },
  'POST /api/transcribe/job/cancel': {
    allow: ['admin'],
    req: () => post('/api/transcribe/job/cancel'),
    ok: [409],
  },
  'GET /api/transcribe/failures': {
    allow: ['admin'],
    req: () => get('/api/transcribe/failures?period=2026-10'),
  },
  'GET /api/calls/:id': {
    allow: READ_EVAL,
    req: (v) => get(`/api/calls/CALL-${n(mine(v))}`),
    outside: (_, op) => [
      { req: get(`/api/calls/CALL-${n(op)}`), status: 404 },
      { req: get('/api/calls/CALL-X'), status: 404 },
    ],
  },
  'GET /api/calls/:id/recording': {
    allow: READ_EVAL,
    req: (v) => get(`/api/calls/CALL-${n(mine(v))}/recording`),
    outside: (_, op) => [{ req: get(`/api/calls/CALL-${n(op)}/recording`), status: 404 }],
  },
  // The matrix's calls have no transcript: a reader who may see the call is told so (404).
  'GET /api/calls/:id/transcript': {
    allow: READ_EVAL,
    req: (v) => get(`/api/calls/CALL-${n(mine(v))}/transcript`),
    ok: [404],
  },
  'GET /api/calibrations': {
    allow: CAL_READERS,
    req: () => get('/api/calibrations'),
    outside: () => filtered('/api/calibrations?status=closed'),
  },
  'POST /api/calibrations': { allow: LEADS, req: () => post('/api/calibrations'), ok: [400] },
  'GET /api/calibrations/strictness': {
    allow: ['qa_lead', 'head', 'admin'],
    req: () => get('/api/calibrations/strictness'),
  },
  'GET /api/calibrations/:id': {
    allow: CAL_READERS,
    req: (v) => get(`/api/calibrations/${session(ownEvaluated(v))}`),
    outside: (_, op) => sessionOutside(op, (id) => get(`/api/calibrations/${id}`)),
  },
  'POST /api/calibrations/:id/evaluation': {
    allow: ['qa', 'qa_lead'],
    req: () => post(`/api/calibrations/${session('OP-1')}/evaluation`),
    ok: [409],
  },
  'POST /api/calibrations/:id/close': {
    allow: LEADS,
    req: () => post(`/api/calibrations/${session('OP-1')}/close`),
    ok: [409],
  },
  'GET /api/calibrations/:id/results': {
    allow: CAL_READERS,
    req: (v) => get(`/api/calibrations/${session(ownEvaluated(v))}/results`),
    outside: (_, op) => sessionOutside(op, (id) => get(`/api/calibrations/${id}/results`)),
  },
  'GET /api/monitors': { allow: MONITORS, req: () => get('/api/monitors') },
  'GET /api/claims': {
    allow: ['head', 'admin', 'payroll', 'qa_lead', 'operator'],
    req: () => get('/api/claims'),
    outside: (_, op) => filtered(`/api/claims?operator=${op}`, `/api/claims?team=${OPS[op].team}`),
  },
  'GET /api/claims/:claimId': {
    allow: ['head', 'admin', 'payroll', 'qa_lead', 'operator'],
    req: (v) => get(`/api/claims/CLM-${n(mine(v))}`),
    outside: (_, op) => [{ req: get(`/api/claims/CLM-${n(op)}`), status: 404 }],
  },
  'POST /api/claims': {
    allow: HEADS,
    req: () => post('/api/claims'),
    ok: [400],
    outside: (_, op) => [
      { req: post('/api/claims', { operatorId: op, source: 'client', description: 'rude' }), status: 403 },
    ],
  },
  'POST /api/claims/:claimId/decision': {
    allow: HEADS,
    req: (v) => post(`/api/claims/CLM-${n(mine(v))}/decision`),
    ok: [400],
    outside: (_, op) => [
      { req: post(`/api/claims/CLM-${n(op)}/decision`, { status: 'rejected', note: 'not so' }), status: 404 },
    ],
  },
  'GET /api/assessments': {
    allow: PAY_READERS,
    req: () => get('/api/assessments'),
    outside: (_, op) => filtered(`/api/assessments?operator=${op}`, `/api/assessments?team=${OPS[op].team}`),
  },
  'POST /api/assessments': {
    allow: HEADS,
    req: () => post('/api/assessments'),
    ok: [400],
    outside: (_, op) => [
      { req: post('/api/assessments', { operatorId: op, polarity: 'negative', note: 'late' }), status: 403 },
    ],
  },
  'GET /api/plans': {
    allow: ['head', 'admin', 'payroll'],
    req: () => get(`/api/plans?${P}`),
    outside: (_, op) => filtered(`/api/plans?${P}&team=${OPS[op].team}`),
  },
  'PUT /api/plans/targets': {
    allow: HEADS,
    req: () => put('/api/plans/targets'),
    ok: [400],
    outside: (_, op) => [
      {
        req: put('/api/plans/targets', {
          teamId: OPS[op].team,
          period: '2026-12',
          metric: 'tasks',
          target: 3,
        }),
        status: 403,
      },
    ],
  },
  'PUT /api/plans/norms': {
    allow: HEADS,
    req: () => put('/api/plans/norms'),
    ok: [400],
    outside: (_, op) => [
      {
        req: put('/api/plans/norms', { scope: 'operator', subjectId: op, period: '2026-12', tasksNorm: 4 }),
        status: 403,
      },
    ],
  },
  'PUT /api/plans/bases': {
    allow: ['head', 'admin', 'payroll'],
    req: () => put('/api/plans/bases'),
    ok: [400],
    outside: (_, op) => [
      { req: put('/api/plans/bases', { operatorId: op, period: '2026-12', variableBase: 100 }), status: 403 },
    ],
  },
  'GET /api/coaching': {
    allow: ['head', 'qa_lead', 'admin', 'operator'],
    req: () => get('/api/coaching'),
    outside: (_, op) => filtered(`/api/coaching?operator=${op}`),
  },
  'GET /api/coaching/:id': {
    allow: ['head', 'qa_lead', 'admin', 'operator'],
    req: (v) => get(`/api/coaching/${coach(mine(v))}`),
    outside: (_, op) => [{ req: get(`/api/coaching/${coach(op)}`), status: 404 }],
  },
  'POST /api/coaching': {
    allow: COACHES,
    req: () => post('/api/coaching'),
    ok: [400],
    outside: (_, op) => [
      {
        req: post('/api/coaching', {
          operatorId: op,
          goal: { kind: 'criterion', key: 'handledCalls' },
          target: 10,
          followUpOn: '2999-01-01',
        }),
        status: 403,
      },
    ],
  },
  'PUT /api/coaching/:id/notes': {
    allow: COACHES,
    req: (v) => put(`/api/coaching/${coach(mine(v))}/notes`),
    ok: [400],
    outside: (_, op) => [{ req: put(`/api/coaching/${coach(op)}/notes`, { notes: 'x' }), status: 404 }],
  },
  'GET /api/coaching/:id/notes': {
    allow: ['head', 'qa_lead', 'admin', 'operator'],
    req: (v) => get(`/api/coaching/${coach(mine(v))}/notes`),
    outside: (_, op) => [{ req: get(`/api/coaching/${coach(op)}/notes`), status: 404 }],
  },
  'POST /api/coaching/:id/notes': {
    allow: COACHES,
    req: (v) => post(`/api/coaching/${coach(mine(v))}/notes`),
    ok: [400],
    outside: (_, op) => [{ req: post(`/api/coaching/${coach(op)}/notes`, { text: 'x' }), status: 404 }],
  },
  'POST /api/coaching/:id/acknowledge': {
    allow: ['operator'],
    req: (v) => post(`/api/coaching/${coach(mine(v))}/acknowledge`),
    ok: [200, 409],
    outside: (_, op) => [{ req: post(`/api/coaching/${coach(op)}/acknowledge`), status: 404 }],
  },
  'POST /api/coaching/:id/close': {
    allow: COACHES,
    req: (v) => post(`/api/coaching/${coach(mine(v))}/close`, { note: 5 }),
    ok: [400],
    outside: (_, op) => [{ req: post(`/api/coaching/${coach(op)}/close`), status: 404 }],
  },
  'GET /api/notifications': { allow: 'signedIn', req: () => get('/api/notifications') },
  'GET /api/notifications/unread': { allow: 'signedIn', req: () => get('/api/notifications/unread') },
  'POST /api/notifications/read-all': { allow: 'signedIn', req: () => post('/api/notifications/read-all') },
  'POST /api/notifications/:id/read': {
    allow: 'signedIn',
    req: () => post('/api/notifications/999999/read'),
    ok: [404],
  },
  'GET /api/notifications/email': { allow: 'signedIn', req: () => get('/api/notifications/email') },
  'PUT /api/notifications/email': {
    allow: 'signedIn',
    req: () => put('/api/notifications/email', { email: 'nope' }),
    ok: [400],
  },
  'GET /api/notifications/users': { allow: ['admin'], req: () => get('/api/notifications/users') },
  'GET /api/notifications/users/:id/email': {
    allow: ['admin'],
    req: () => get('/api/notifications/users/1/email'),
  },
  'PUT /api/notifications/users/:id/email': {
    allow: ['admin'],
    req: () => put('/api/notifications/users/1/email', { email: 'nope' }),
    ok: [400],
  },
  'GET /api/notifications/smtp': { allow: ['admin'], req: () => get('/api/notifications/smtp') },
  'PUT /api/notifications/smtp': {
    allow: ['admin'],
    req: () => put('/api/notifications/smtp', { host: '' }),
    ok: [400],
  },
  'DELETE /api/notifications/smtp': { allow: ['admin'], req: () => del('/api/notifications/smtp') },
  'GET /api/qa/sampling-rules': {
    allow: ['qa_lead', 'head', 'admin'],
    req: () => get('/api/qa/sampling-rules'),
  },
  'GET /api/qa/sampling-rules/:id': {
    allow: ['qa_lead', 'head', 'admin'],
    req: () => get('/api/qa/sampling-rules/999999'),
    ok: [404],
  },
  'GET /api/qa/sampling-rules/worklist': {
    allow: ['qa', 'qa_lead', 'head', 'admin'],
    req: () => get('/api/qa/sampling-rules/worklist'),
  },
  'POST /api/qa/sampling-rules': { allow: LEADS, req: () => post('/api/qa/sampling-rules'), ok: [400] },
  'PUT /api/qa/sampling-rules/:id': { allow: LEADS, req: () => put('/api/qa/sampling-rules/1'), ok: [400] },
  'POST /api/qa/sampling-rules/refill': {
    allow: LEADS,
    req: () => post('/api/qa/sampling-rules/refill'),
    ok: [400],
  },
  'GET /api/self-evaluations': {
    allow: READ_EVAL,
    req: () => get('/api/self-evaluations'),
    outside: (_, op) => filtered(`/api/self-evaluations?operator=${op}`),
  },
  'GET /api/self-evaluations/gap': {
    allow: READ_EVAL,
    req: () => get(`/api/self-evaluations/gap?${P}`),
    outside: (_, op) => filtered(`/api/self-evaluations/gap?${P}&team=${OPS[op].team}`),
  },
  'GET /api/self-evaluations/:id': {
    allow: READ_EVAL,
    req: (v) => get(`/api/self-evaluations/${selfEv(mine(v))}`),
    outside: (_, op) => [{ req: get(`/api/self-evaluations/${selfEv(op)}`), status: 404 }],
  },
  'POST /api/self-evaluations': { allow: ['qa_lead'], req: () => post('/api/self-evaluations'), ok: [400] },
  'POST /api/self-evaluations/:id/submit': {
    allow: ['operator'],
    req: (v) => post(`/api/self-evaluations/${selfEv(mine(v))}/submit`),
    ok: [400],
    outside: (_, op) => [
      { req: post(`/api/self-evaluations/${selfEv(op)}/submit`, { answers: PERFECT }), status: 404 },
    ],
  },
};

/** Every evaluation of an operator outside the scope, counted and calibration alike: 404. */
const evaluationsOutside = (op: Op, req: (id: string) => Req): Outside[] =>
  (evaluationsOf.get(op) ?? []).map((id) => ({ req: req(id), status: 404 }));
/** The calibration session on an outside operator's call: 404. */
const sessionOutside = (op: Op, req: (id: number) => Req): Outside[] =>
  sessionOf.has(op) ? [{ req: req(session(op)), status: 404 }] : [];

async function send(v: Viewer, r: Req) {
  const res = await env.app.request(r.path, {
    method: r.method ?? 'GET',
    headers: {
      ...(v.cookie ? { cookie: v.cookie } : {}),
      ...(r.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = type.includes('json') || type.startsWith('text/') ? await res.text() : '';
  return { status: res.status, text };
}

function allowed(entry: Entry, v: Viewer): boolean {
  if (entry.allow === 'public') return true;
  if (v.role === null) return false;
  return entry.allow === 'signedIn' || entry.allow.includes(v.role);
}

/** The API routes of the app, as the access check at start-up lists them. */
function appRoutes(): string[] {
  const keys = new Set<string>();
  for (const r of env.app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    keys.add(`${r.method} ${r.path}`);
  }
  return [...keys];
}

beforeAll(async () => {
  env = await testEnv();
  const load = async (kind: Parameters<typeof importCsv>[1], text: string) => {
    const r = await importCsv(env, kind, `${kind}.csv`, text);
    if (r.quarantined) throw new Error(`${kind}: ${JSON.stringify(r.quarantine)}`);
  };
  await load(
    'teams',
    'team_id,name,department\nTEAM-DESK,Order desk,Sales\nTEAM-CARE,Care,Service\nTEAM-OUT,Outbound,Sales\n',
  );
  await load(
    'operators',
    `operator_id,name,team_id,pbx_ids,hired_on,active\n${ALL_OPS.map((op) => `${op},${OPS[op].name},${OPS[op].team},10${n(op)},,true`).join('\n')}\n`,
  );
  await load('calls', callsCsv());
  await load(
    'orders',
    `order_id,call_id,operator_id,client_id,created_at,status,total,currency,lines,price_column,offered_items,error_code\n${ALL_OPS.map(
      (op, i) =>
        `O-${n(op)},CALL-${n(op)},${op},CL1,2026-10-0${5 + i}T10:03:00Z,accepted,100.00,MDL,1,retail,1,`,
    ).join('\n')}\n`,
  );
  await load(
    'claims',
    `claim_id,operator_id,source,division,call_id,order_id,received_at,status,decided_at,description\n${ALL_OPS.map(
      (op) => `CLM-${n(op)},${op},client,,,,2026-10-20T10:00:00Z,open,,slow answer`,
    ).join('\n')}\n`,
  );
  await load(
    'assessments',
    `assessment_id,operator_id,assessed_at,polarity,author,note\n${ALL_OPS.map(
      (op) => `AS-${n(op)},${op},2026-10-21T10:00:00Z,positive,boss,helped`,
    ).join('\n')}\n`,
  );
  const rec = path.join(env.dir, 'recordings', 'r');
  mkdirSync(rec, { recursive: true });
  writeFileSync(path.join(rec, 'a.ogg'), Buffer.from([1, 2, 3, 4]));

  const limits: Partial<Record<Who, { operatorId?: Op; department?: string; team?: string }>> = {
    operator: { operatorId: 'OP-1' },
    operator2: { operatorId: 'OP-3' },
    teamHead: { team: 'TEAM-DESK' },
    deptHead: { department: 'Sales' },
  };
  for (const who of Object.keys(WHO) as Who[]) {
    const { role, ops } = WHO[who];
    let cookie: string | null = null;
    if (role) {
      const password = `pw-${who}-secret`;
      await createUser(env.rt.db, { username: who, role, password, ...limits[who] }, 'test');
      cookie = await signIn(env, who, password);
    }
    viewers.push({ who, role, ops, cookie });
  }

  // A form, a submitted evaluation of each evaluated operator's call, and a closed calibration on it.
  const by = (who: Who) => viewers.find((v) => v.who === who) as Viewer;
  const call = async <T>(who: Who, r: Req, status: number) => {
    const res = await env.app.request(r.path, {
      method: r.method ?? 'GET',
      headers: { cookie: by(who).cookie as string, 'content-type': 'application/json' },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });
    if (res.status !== status) throw new Error(`${r.method} ${r.path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  formId = (
    await call<{ form: { id: number } }>(
      'qa_lead',
      post('/api/forms', { name: 'F', definition: TEST_FORM }),
      201,
    )
  ).form.id;
  for (const op of EVALUATED) {
    const callId = `CALL-${n(op)}`;
    const e = await call<{ evaluation: { id: string } }>(
      'qa',
      post('/api/evaluations', { callId, formId }),
      201,
    );
    await call('qa', post(`/api/evaluations/${e.evaluation.id}/submit`, { answers: PERFECT }), 200);
    const s = await call<{ session: { id: number } }>(
      'qa_lead',
      post('/api/calibrations', { callId, formId, monitors: ['qa', 'qa_lead'] }),
      201,
    );
    const ids = [e.evaluation.id];
    for (const monitor of ['qa', 'qa_lead'] as const) {
      const c = await call<{ evaluation: { id: string } }>(
        monitor,
        post(`/api/calibrations/${s.session.id}/evaluation`),
        201,
      );
      await call(monitor, post(`/api/evaluations/${c.evaluation.id}/submit`, { answers: PERFECT }), 200);
      ids.push(c.evaluation.id);
    }
    await call('qa_lead', post(`/api/calibrations/${s.session.id}/close`), 200);
    evaluationsOf.set(op, ids);
    sessionOf.set(op, s.session.id);
  }
  // Each operator has a coaching session and is asked to score his call himself; the two
  // operators with an account have done so (so the monitor's evaluation shows to them).
  for (const op of ALL_OPS) {
    const c = await call<{ session: { id: number } }>(
      'head',
      post('/api/coaching', {
        operatorId: op,
        goal: { kind: 'criterion', key: 'handledCalls' },
        target: 10,
        followUpOn: '2999-01-01',
      }),
      201,
    );
    coachingOf.set(op, c.session.id);
  }
  const asked = await call<{ selfEvaluations: { id: number; operatorId: Op }[] }>(
    'qa_lead',
    post('/api/self-evaluations', { callIds: ALL_OPS.map((op) => `CALL-${n(op)}`), formId }),
    201,
  );
  for (const s of asked.selfEvaluations) selfOf.set(s.operatorId, s.id);
  for (const [who, op] of [
    ['operator', 'OP-1'],
    ['operator2', 'OP-3'],
  ] as const)
    await call(who, post(`/api/self-evaluations/${selfEv(op)}/submit`, { answers: PERFECT }), 200);
  // Approving confirms, by id, the operators the month has no variable base for.
  const october = await call<{
    operators: { scorecard: { operatorId: string; variableBase: number | null } }[];
  }>('payroll', { method: 'GET', path: '/api/scorecards?period=2026-10' }, 200);
  const confirmMissingBases = october.operators
    .filter((o) => o.scorecard.variableBase === null)
    .map((o) => o.scorecard.operatorId);
  await call('payroll', post('/api/pay-periods/2026-10/approve', { confirmMissingBases }), 200);
}, 60_000);
afterAll(() => env.dispose());

describe('the role matrix', () => {
  it('has an entry for every API route of the app, and none for a route it does not have', () => {
    const routes = appRoutes().sort();
    expect(Object.keys(MATRIX).sort()).toEqual(routes);
  });

  it('expects of each route what the access policy gives the action its guard names', () => {
    const differ: string[] = [];
    for (const r of env.app.routes) {
      const policy = policyOf(r.handler);
      const entry = MATRIX[`${r.method} ${r.path}`];
      if (!policy || !entry) continue;
      const want = policy.kind === 'public' ? 'public' : [...policy.roles].sort().join(',');
      const got =
        entry.allow === 'public'
          ? 'public'
          : [...(entry.allow === 'signedIn' ? ROLES : entry.allow)].sort().join(',');
      if (want !== got) differ.push(`${r.method} ${r.path}: policy ${want}, matrix ${got}`);
    }
    expect(differ).toEqual([]);
  });

  it('answers each user on each route by his role: 401 signed out, 403 another role, else the route’s answer', async () => {
    const failures: string[] = [];
    const keys = Object.keys(MATRIX).sort(
      (a, b) => Number(MATRIX[a]?.last ?? 0) - Number(MATRIX[b]?.last ?? 0),
    );
    for (const key of keys) {
      const entry = MATRIX[key] as Entry;
      for (const v of viewers) {
        const r = entry.req(v);
        const res = await send(v, r);
        const want = allowed(entry, v) ? (entry.ok ?? [200]) : v.role === null ? [401] : [403];
        if (!want.includes(res.status)) {
          failures.push(
            `${key} as ${v.who} (${r.method ?? 'GET'} ${r.path}): ${res.status}, expected ${want.join('|')}: ${res.text.slice(0, 160)}`,
          );
        }
        // An error repeats only what was asked; an answer must name nothing outside the scope.
        for (const token of res.status < 300 ? forbiddenTokens(v) : []) {
          if (res.text.includes(token)) failures.push(`${key} as ${v.who}: the answer names "${token}"`);
        }
      }
    }
    // Signing out ended every session: the later tests sign in again.
    for (const v of viewers) if (v.role) v.cookie = await signIn(env, v.who, `pw-${v.who}-secret`);
    expect(failures).toEqual([]);
  }, 60_000);

  it('refuses a limited user what lies outside his scope, and keeps it out of every filtered list', async () => {
    const failures: string[] = [];
    for (const [key, entry] of Object.entries(MATRIX)) {
      if (!entry.outside) continue;
      for (const v of viewers) {
        if (!allowed(entry, v)) continue;
        for (const { req, status } of outsiders(v).flatMap((op) => entry.outside?.(v, op) ?? [])) {
          const res = await send(v, req);
          if (res.status !== status) {
            failures.push(
              `${key} as ${v.who} (${req.method ?? 'GET'} ${req.path}): ${res.status}, expected ${status}: ${res.text.slice(0, 160)}`,
            );
          }
          for (const token of res.status < 300 ? forbiddenTokens(v) : []) {
            if (res.text.includes(token))
              failures.push(`${key} as ${v.who} (${req.path}): the answer names "${token}"`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

describe('a limited head', () => {
  const teamHead = () => viewers.find((v) => v.who === 'teamHead') as Viewer;
  const deptHead = () => viewers.find((v) => v.who === 'deptHead') as Viewer;
  const read = async <T>(v: Viewer, p: string) => {
    const res = await send(v, get(p));
    expect(res.status, res.text).toBe(200);
    return JSON.parse(res.text) as T;
  };

  it('lists the evaluations of his operators only, and every one of theirs', async () => {
    const team = await read<{ total: number; evaluations: { operatorId: string }[] }>(
      teamHead(),
      '/api/evaluations',
    );
    expect(team.evaluations.map((e) => e.operatorId)).toEqual(['OP-1']);
    expect(team.total).toBe(1);
    const dept = await read<{ total: number; evaluations: { operatorId: string }[] }>(
      deptHead(),
      '/api/evaluations',
    );
    expect(dept.evaluations.map((e) => e.operatorId).sort()).toEqual(['OP-1', 'OP-4']);
    const cal = await read<{ evaluations: { operatorId: string }[] }>(
      deptHead(),
      '/api/evaluations?calibration=true',
    );
    expect(new Set(cal.evaluations.map((e) => e.operatorId))).toEqual(new Set(['OP-1', 'OP-4']));
  });

  it('sees the calibration sessions on his operators’ calls only', async () => {
    const { sessions } = await read<{ sessions: { operatorId: string }[] }>(deptHead(), '/api/calibrations');
    expect(sessions.map((s) => s.operatorId).sort()).toEqual(['OP-1', 'OP-4']);
    expect((await send(teamHead(), get(`/api/calibrations/${session('OP-4')}`))).status).toBe(404);
    expect((await send(deptHead(), get(`/api/calibrations/${session('OP-4')}/results`))).status).toBe(200);
  });

  it('gets the KPIs of his operators’ calls only: his teams, no queue, no other team', async () => {
    type Kpis = {
      overall: { answered: number; offered: number | null };
      queues: unknown[];
      teams: { key: string }[];
    };
    const team = await read<Kpis>(teamHead(), `/api/kpis?${P}`);
    expect(team.teams.map((t) => t.key)).toEqual(['TEAM-DESK']);
    expect(team.queues).toEqual([]);
    expect(team.overall).toMatchObject({ answered: 2, offered: null });
    const dept = await read<Kpis>(deptHead(), `/api/kpis?${P}`);
    expect(dept.teams.map((t) => t.key).sort()).toEqual(['TEAM-DESK', 'TEAM-OUT']);
    expect(dept.overall.answered).toBe(3);
    const other = await read<Kpis>(teamHead(), `/api/kpis?${P}&team=TEAM-CARE`);
    expect(other.teams).toEqual([]);
    expect(other.overall.answered).toBe(0);
    const all = await read<Kpis>(viewers.find((v) => v.who === 'head') as Viewer, `/api/kpis?${P}`);
    expect(all.teams).toHaveLength(3);
    expect(all.overall).toMatchObject({ answered: 4, offered: 5 });
  });

  it('reads the totals of an approved month over his operators only', async () => {
    type Periods = { periods: { period: string; totals: { operators: number } | null }[] };
    const oct = async (v: Viewer) =>
      (await read<Periods>(v, '/api/pay-periods')).periods.find((p) => p.period === '2026-10')?.totals;
    expect((await oct(teamHead()))?.operators).toBe(2);
    expect((await oct(deptHead()))?.operators).toBe(3);
    expect((await oct(viewers.find((v) => v.who === 'payroll') as Viewer))?.operators).toBe(4);
  });

  it('gets calls and the ranking as Arrow with his operators’ rows only', async () => {
    const arrow = async (p: string) => {
      const res = await env.app.request(p, {
        headers: { cookie: teamHead().cookie as string, accept: 'application/vnd.apache.arrow.stream' },
      });
      expect(res.status).toBe(200);
      const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
      return table.toArray().map((r) => String(r.toJSON().operatorId));
    };
    expect((await arrow(`/api/calls?${P}&limit=1000`)).sort()).toEqual(['OP-1', 'OP-2']);
    expect(await arrow(`/api/calls?${P}&team=TEAM-CARE`)).toEqual([]);
    expect((await arrow(`/api/ranking?${P}`)).sort()).toEqual(['OP-1', 'OP-2']);
  });
});

describe('an operator', () => {
  it('gets 404 for another operator’s evaluation and call, as for one that does not exist', async () => {
    const ana = viewers.find((v) => v.who === 'operator') as Viewer;
    const other = await json<{ error: { code: string; message: string } }>(
      env.app.request(`/api/evaluations/${ev('OP-3')}`, { headers: { cookie: ana.cookie as string } }),
    );
    expect(other).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: `no evaluation ${ev('OP-3')}` } },
    });
    const call = await json<{ error: { message: string } }>(
      env.app.request('/api/calls/CALL-3', { headers: { cookie: ana.cookie as string } }),
    );
    expect(call).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'no call CALL-3' } } });
    expect((await send(ana, get('/api/calls/CALL-1'))).status).toBe(200);
  });
});
