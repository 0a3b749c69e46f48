import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ARROW_PAGING_HEADERS, ARROW_STREAM } from '../../schemas/arrow.ts';
import type { CallListItem, CallsResponse } from '../../schemas/calls.ts';
import { arrowRows } from '../../web/src/api/arrow.ts';
import { fetchCalls } from '../../web/src/api/calls-arrow.ts';
import { type As, as, json, TEST_FORM } from '../helpers/qa.ts';
import { importCsv, SMALL, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

const HEADER =
  'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n';
const OPERATORS = ['OP-1', 'OP-2', 'OP-3', ''];
const TASKS = ['order', 'inquiry', 'complaint', 'sale', ''];

/**
 * 1,200 calls of October: every column's kinds of value, nulls among them, talk times with a
 * tenth of a second, instants with milliseconds, and calls that start at the same instant.
 */
function callsCsv(): string {
  const rows: string[] = [];
  for (let i = 0; i < 1200; i++) {
    const op = OPERATORS[i % 4] as string;
    const day = String(1 + (i % 31)).padStart(2, '0');
    const minute = String(Math.floor(i / 31) % 60).padStart(2, '0');
    const ms = String((i * 37) % 1000).padStart(3, '0');
    const start = `2026-10-${day}T09:${minute}:00.${i % 5 ? ms : '000'}+03:00`;
    const answered = !op || i % 7 === 0 ? '' : `2026-10-${day}T09:${minute}:05+03:00`;
    const ended = answered && i % 3 ? `2026-10-${day}T09:${minute}:59+03:00` : '';
    const disposition = !op ? 'abandoned' : answered ? 'answered' : 'no_answer';
    const talk = answered ? String(30 + ((i * 13) % 500) + (i % 2 ? 0.5 : 0)) : '';
    rows.push(
      [
        `K${String(i).padStart(4, '0')}`,
        start,
        i % 4 ? start : '',
        answered,
        ended,
        i % 3 ? 'inbound' : 'outbound',
        op,
        i % 6 ? `CL${i % 50}` : '',
        i % 2 ? `+37360000${String(i % 1000).padStart(3, '0')}` : '',
        ['sales', 'care', ''][i % 3],
        disposition,
        op ? TASKS[i % 5] : '',
        answered ? (i % 11 ? 'completed' : 'transferred') : '',
        talk,
        answered ? String(i % 9) : '',
        answered ? String(i % 20) : '',
        answered && i % 11 === 0 ? 'OP-1' : '',
        answered && i % 4 ? `r/${i}.ogg` : '',
      ].join(','),
    );
  }
  return `${HEADER}${rows.join('\n')}\n`;
}

let env: TestEnv;
let lead: As;
let headCookie: string;
let anaCookie: string;
let payrollCookie: string;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  for (const [kind, text] of [
    ['teams', SMALL.teams],
    ['operators', SMALL.operators],
    ['calls', callsCsv()],
  ] as const) {
    const r = await importCsv(env, kind, `${kind}.csv`, text, 'Europe/Chisinau');
    if (r.quarantined) throw new Error(`${kind}: ${JSON.stringify(r.quarantine)}`);
  }
  const { addUser } = await import('../helpers/runtime.ts');
  headCookie = await signIn(env, 'victor', await addUser(env, 'victor', 'head'));
  anaCookie = await signIn(env, 'ana', await addUser(env, 'ana', 'operator', 'OP-1'));
  payrollCookie = await signIn(env, 'paula', await addUser(env, 'paula', 'payroll'));
  lead = await as(env, 'natalia', 'qa_lead');
  const qa = await as(env, 'sergiu', 'qa');
  const form = await json<{ form: { id: number } }>(
    lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
  );
  for (const callId of ['K0001', 'K0002', 'K0005']) {
    const r = await qa.post('/api/evaluations', { callId, formId: form.body.form.id });
    if (r.status !== 201) throw new Error(await r.text());
  }
});
afterAll(() => env.dispose());

const get = (url: string, cookie: string, accept?: string) =>
  env.app.request(url, { headers: accept ? { cookie, accept } : { cookie } });

async function both(query: string, cookie = headCookie) {
  const jsonRes = await get(`/api/calls?${query}`, cookie);
  expect(jsonRes.status, query).toBe(200);
  const body = (await jsonRes.json()) as CallsResponse;
  const res = await get(`/api/calls?${query}`, cookie, ARROW_STREAM);
  expect(res.status, query).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { body, res, bytes, rows: arrowRows(bytes) as unknown as CallListItem[] };
}

describe('GET /api/calls as Arrow IPC', () => {
  it('gives the very rows the JSON gives, field for field and in order, for filters and sorts', async () => {
    for (const query of [
      'period=2026-10&limit=500',
      'period=2026-10&limit=500&offset=500',
      'period=2026-10&sort=talk&order=asc&limit=300',
      'period=2026-10&sort=operator&limit=500&offset=100',
      'period=2026-10&operator=OP-2&taskType=complaint',
      'period=2026-10&team=T1&direction=outbound&hasRecording=true&limit=500',
      'period=2026-10&minDuration=100.5&maxDuration=300&sort=talk&order=desc&limit=200',
      'period=2026-10&hasEvaluation=true',
      'period=2026-10&disposition=abandoned&limit=500',
      'from=2026-10-05&to=2026-10-07&limit=100',
      'period=2026-11',
    ]) {
      const { body, rows } = await both(query);
      expect(body.calls.length > 0, query).toBe(query !== 'period=2026-11');
      // The same objects: same keys in the same order, the same strings and identical numbers.
      expect(JSON.stringify(rows), query).toBe(JSON.stringify(body.calls));
      expect(rows, query).toStrictEqual(body.calls);
    }
    const { body } = await both('period=2026-10&hasEvaluation=true');
    expect(body.calls.map((c) => [c.callId, c.evaluations])).toEqual([
      ['K0005', 1],
      ['K0002', 1],
      ['K0001', 1],
    ]);
  });

  it('sends typed columns: dictionaries for repeating text, timestamps, small integers', async () => {
    const { bytes, rows } = await both('period=2026-10&limit=500');
    const table = tableFromIPC(bytes);
    const type = (name: string) => table.schema.fields.find((f) => f.name === name)?.type.toString();
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(rows[0] as object));
    expect(type('callId')).toBe('Utf8');
    expect(type('operatorId')).toMatch(/^Dictionary</);
    expect(type('operatorName')).toMatch(/^Dictionary</);
    expect(type('startedAt')).toBe('Timestamp<MILLISECOND, UTC>');
    expect(type('answeredAt')).toBe('Timestamp<MILLISECOND, UTC>');
    expect(type('talkS')).toMatch(/^Int(8|16|32)$/);
    expect(type('evaluations')).toBe('Int8');
    expect(rows.some((r) => r.answeredAt === null)).toBe(true);
    expect(rows.some((r) => /\.\d\d[1-9]Z$/.test(r.startedAt))).toBe(true);
  });

  it('says the paging in headers, as the JSON body does', async () => {
    const { body, res } = await both('period=2026-10&sort=talk&order=asc&limit=40&offset=80');
    expect(res.headers.get('content-type')).toBe(ARROW_STREAM);
    expect(res.headers.get('vary')).toBe('Accept');
    expect(body).toMatchObject({ total: 1200, limit: 40, offset: 80 });
    expect(res.headers.get(ARROW_PAGING_HEADERS.total)).toBe('1200');
    expect(res.headers.get(ARROW_PAGING_HEADERS.limit)).toBe('40');
    expect(res.headers.get(ARROW_PAGING_HEADERS.offset)).toBe('80');
    // Past the last row: no rows, and still the total.
    const past = await both('period=2026-10&limit=50&offset=5000');
    expect(past.rows).toEqual([]);
    expect(past.res.headers.get(ARROW_PAGING_HEADERS.total)).toBe('0');
    expect(past.body.total).toBe(0);
  });

  it('gives an operator only his own calls', async () => {
    const mine = await both('period=2026-10&limit=500', anaCookie);
    expect(mine.rows.length).toBe(300);
    expect(new Set(mine.rows.map((r) => r.operatorId))).toEqual(new Set(['OP-1']));
    expect(mine.res.headers.get(ARROW_PAGING_HEADERS.total)).toBe('300');
    const other = await both('period=2026-10&operator=OP-2', anaCookie);
    expect(other.rows).toEqual([]);
    expect(other.res.headers.get(ARROW_PAGING_HEADERS.total)).toBe('0');
    // A role that does not read calls is refused, as for JSON.
    const refused = await get('/api/calls?period=2026-10', payrollCookie, ARROW_STREAM);
    expect(refused.status).toBe(403);
  });

  it('takes pages of up to 5,000 calls as Arrow, and up to 500 as JSON', async () => {
    const big = await get('/api/calls?period=2026-10&limit=1000', headCookie, ARROW_STREAM);
    expect(big.status).toBe(200);
    expect(arrowRows(new Uint8Array(await big.arrayBuffer()))).toHaveLength(1000);
    const all = await get('/api/calls?period=2026-10&limit=5000', headCookie, ARROW_STREAM);
    expect(arrowRows(new Uint8Array(await all.arrayBuffer()))).toHaveLength(1200);

    const asJson = await json<{ error: { code: string; message: string } }>(
      get('/api/calls?period=2026-10&limit=1000', headCookie),
    );
    expect(asJson.status).toBe(400);
    expect(asJson.body.error).toEqual({
      code: 'bad_request',
      message: `invalid query: limit: must be at most 500 as JSON (up to 5000 with Accept: ${ARROW_STREAM})`,
    });
    expect((await get('/api/calls?period=2026-10&limit=500', headCookie)).status).toBe(200);
    for (const accept of [undefined, ARROW_STREAM]) {
      const r = await json<{ error: { code: string; message: string } }>(
        get('/api/calls?period=2026-10&limit=5001', headCookie, accept),
      );
      expect(r.status).toBe(400);
      expect(r.body.error.message).toBe('invalid query: limit: must be at most 5000 (as Arrow; 500 as JSON)');
    }
  });

  it('answers a bad query with the JSON error, as for JSON', async () => {
    for (const q of [
      '',
      'period=2026-10&direction=sideways',
      'period=2026-10&minDuration=-1',
      'period=2026-10&sort=x',
      'period=2026-10&limit=0',
      'period=2026-10&limit=100000',
    ]) {
      const res = await get(`/api/calls?${q}`, headCookie, ARROW_STREAM);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type'), q).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(Object.keys(body), q).toEqual(['error']);
      expect(body.error.code, q).toBe('bad_request');
      expect(body.error.message, q).toMatch(/^invalid query: /);
    }
  });

  it('is read by the web app into the JSON body, paging and all', async () => {
    vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
      env.app.request(url, { headers: { ...(init.headers as Record<string, string>), cookie: headCookie } }),
    );
    try {
      for (const query of [
        { period: '2026-10', sort: 'talk', order: 'asc', limit: 25, offset: 50 },
        { period: '2026-10', operator: 'OP-3', limit: 200 },
      ]) {
        const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
        const body = (await (await get(`/api/calls?${qs}`, headCookie)).json()) as CallsResponse;
        expect(await fetchCalls(query)).toStrictEqual(body);
      }
      await expect(fetchCalls({ period: '2026-10', sort: 'x' })).rejects.toMatchObject({
        status: 400,
        code: 'bad_request',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
