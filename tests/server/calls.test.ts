import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { importCsv, SMALL, type TestEnv, testEnv } from '../helpers/runtime.ts';

const TYPES = ['order', 'inquiry', 'complaint', 'sale'] as const;
const HEADER =
  'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n';

/** 12 handled calls per operator on Oct 2–13: K10 is too short to sample, K11 not recorded. */
function callsCsv(): string {
  const rows: string[] = [];
  for (const op of ['OP-1', 'OP-2', 'OP-3']) {
    for (let i = 0; i < 12; i++) {
      const day = String(2 + i).padStart(2, '0');
      const start = `2026-10-${day}T10:00:00+03:00`;
      const answered = `2026-10-${day}T10:00:05+03:00`;
      const talk = i === 10 ? 20 : 60 + i * 10;
      const recording = i === 11 ? '' : 'r/a.ogg';
      const direction = i % 2 ? 'outbound' : 'inbound';
      rows.push(
        `${op}-K${i},${start},,${answered},,${direction},${op},CL1,,,answered,${TYPES[i % 4]},completed,${talk},0,10,,${recording}`,
      );
    }
  }
  rows.push('X-1,2026-10-05T10:00:00+03:00,,,,inbound,,,,,abandoned,,,,,,,');
  rows.push(
    'ESCAPE,2026-10-05T11:00:00+03:00,,2026-10-05T11:00:05+03:00,,inbound,OP-3,,,,answered,other,,50,0,0,,../callscore.sqlite',
  );
  rows.push(
    'ABS,2026-10-05T11:00:00+03:00,,2026-10-05T11:00:05+03:00,,inbound,OP-3,,,,answered,other,,50,0,0,,/etc/passwd',
  );
  rows.push(
    'LINK,2026-10-05T11:00:00+03:00,,2026-10-05T11:00:05+03:00,,inbound,OP-3,,,,answered,other,,50,0,0,,r/link.ogg',
  );
  rows.push(
    'URL,2026-10-05T11:00:00+03:00,,2026-10-05T11:00:05+03:00,,inbound,OP-3,,,,answered,other,,50,0,0,,https://pbx.example/rec/1.ogg',
  );
  return `${HEADER}${rows.join('\n')}\n`;
}

const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

let env: TestEnv;
let lead: As;
let qa: As;
let qa2: As;
let head: As;
let ana: As;
let ivan: As;
let formId: number;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  const load = async (kind: Parameters<typeof importCsv>[1], text: string) => {
    const r = await importCsv(env, kind, `${kind}.csv`, text, 'Europe/Chisinau');
    if (r.quarantined) throw new Error(`${kind}: ${JSON.stringify(r.quarantine)}`);
  };
  await load('teams', SMALL.teams);
  await load('operators', SMALL.operators);
  await load(
    'clients',
    'client_id,name,type,manager_id,region\nCL1,Piata Centrala,market_trader,M1,Chisinau\n',
  );
  await load(
    'debts',
    'client_id,as_of,balance,credit_limit,overdue_amount,currency\nCL1,2026-10-01T00:00:00+03:00,5000.00,10000.00,120.00,MDL\n',
  );
  await load('calls', callsCsv());
  await load(
    'orders',
    'order_id,call_id,operator_id,client_id,created_at,status,total,currency,lines,price_column,offered_items,error_code\n' +
      'O-1,OP-1-K0,OP-1,CL1,2026-10-02T10:03:00+03:00,accepted,1500.50,MDL,3,wholesale,4,wrong_qty\n',
  );
  await load(
    'claims',
    'claim_id,operator_id,source,division,call_id,order_id,received_at,status,decided_at,description\n' +
      'CLM-1,OP-2,client,,OP-2-K7,,2026-10-20T10:00:00+03:00,open,,rude on the phone\n' +
      'CLM-2,OP-1,internal,warehouse,,O-1,2026-10-21T10:00:00+03:00,justified,2026-10-22T10:00:00+03:00,wrong quantity\n',
  );
  const rec = path.join(env.dir, 'recordings', 'r');
  mkdirSync(rec, { recursive: true });
  writeFileSync(path.join(rec, 'a.ogg'), BYTES);
  writeFileSync(path.join(env.dir, 'secret.ogg'), 'outside');
  symlinkSync(path.join(env.dir, 'secret.ogg'), path.join(rec, 'link.ogg'));

  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  qa2 = await as(env, 'mihai', 'qa');
  head = await as(env, 'victor', 'head');
  ana = await as(env, 'ana', 'operator', 'OP-1');
  ivan = await as(env, 'ivan', 'operator', 'OP-2');
  formId = (
    await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
    )
  ).body.form.id;
});
afterAll(() => env.dispose());

type Calls = {
  total: number;
  calls: { callId: string; operatorId: string; talkS: number; evaluations: number }[];
};
const ids = (b: Calls) => b.calls.map((c) => c.callId);

describe('GET /api/calls', () => {
  it('searches a period with filters, sorted and paginated', async () => {
    const all = await json<Calls>(head.get('/api/calls?period=2026-10&limit=500'));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(36 + 5);
    const op2 = await json<Calls>(head.get('/api/calls?period=2026-10&operator=OP-2&taskType=complaint'));
    expect(ids(op2.body)).toEqual(['OP-2-K10', 'OP-2-K6', 'OP-2-K2']); // newest first
    const team = await json<Calls>(
      head.get('/api/calls?period=2026-10&team=T2&direction=outbound&limit=500'),
    );
    expect(new Set(team.body.calls.map((c) => c.operatorId))).toEqual(new Set(['OP-3']));
    expect(team.body.total).toBe(6);
    const long = await json<Calls>(
      head.get('/api/calls?period=2026-10&operator=OP-1&minDuration=100&maxDuration=130&sort=talk&order=asc'),
    );
    expect(long.body.calls.map((c) => c.talkS)).toEqual([100, 110, 120, 130]);
    const page = await json<Calls & { limit: number; offset: number }>(
      head.get('/api/calls?period=2026-10&operator=OP-1&sort=talk&order=asc&limit=3&offset=3'),
    );
    expect(page.body).toMatchObject({ total: 12, limit: 3, offset: 3 });
    expect(page.body.calls.map((c) => c.talkS)).toEqual([80, 90, 100]);
    const unrecorded = await json<Calls>(
      head.get('/api/calls?period=2026-10&operator=OP-1&hasRecording=false'),
    );
    expect(ids(unrecorded.body)).toEqual(['OP-1-K11']);
    const october = await json<Calls>(head.get('/api/calls?from=2026-10-02&to=2026-10-03'));
    expect(ids(october.body).sort()).toEqual(['OP-1-K0', 'OP-2-K0', 'OP-3-K0']);
  });

  it('filters on having an evaluation', async () => {
    const d = await json<{ evaluation: { id: string } }>(
      qa.post('/api/evaluations', { callId: 'OP-3-K1', formId }),
    );
    expect(d.status).toBe(201);
    const yes = await json<Calls>(head.get('/api/calls?period=2026-10&hasEvaluation=true'));
    expect(ids(yes.body)).toEqual(['OP-3-K1']);
    expect(yes.body.calls[0]?.evaluations).toBe(1);
    const no = await json<Calls>(head.get('/api/calls?period=2026-10&hasEvaluation=false&limit=500'));
    expect(no.body.total).toBe(40);
  });

  it('shows an operator only his own calls, and refuses bad filters', async () => {
    const mine = await json<Calls>(ana.get('/api/calls?period=2026-10&limit=500'));
    expect(new Set(mine.body.calls.map((c) => c.operatorId))).toEqual(new Set(['OP-1']));
    expect((await json<Calls>(ana.get('/api/calls?period=2026-10&operator=OP-2'))).body.total).toBe(0);
    for (const q of [
      '',
      'period=2026-10&direction=sideways',
      'period=2026-10&minDuration=-1',
      'period=2026-10&sort=x',
      'period=2026-10&minDuration=50&maxDuration=10',
      'period=2026-10&limit=100000',
    ]) {
      const r = await json<{ error: { code: string } }>(head.get(`/api/calls?${q}`));
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
    }
  });
});

describe('GET /api/calls/:id', () => {
  it("gives the call's operator, client, orders with their errors, claims and evaluations", async () => {
    const r = await json<{ call: Record<string, unknown> }>(head.get('/api/calls/OP-1-K0'));
    expect(r.status).toBe(200);
    expect(r.body.call).toMatchObject({
      callId: 'OP-1-K0',
      direction: 'inbound',
      taskType: 'order',
      startedAt: '2026-10-02T07:00:00.000Z',
      answeredAt: '2026-10-02T07:00:05.000Z',
      operator: { operatorId: 'OP-1', name: 'Ana Rusu', teamId: 'T1', teamName: 'Order desk' },
      client: { clientId: 'CL1', type: 'market_trader', managerId: 'M1' },
      recordingUrl: '/api/calls/OP-1-K0/recording',
      orders: [
        {
          orderId: 'O-1',
          total: 150050,
          errorCode: 'wrong_qty',
          offeredItems: 4,
          priceColumn: 'wholesale',
          debt: { balance: 500000, creditLimit: 1000000, overdueAmount: 12000 },
          breaksDebtRule: true,
          breaksRoutingRule: false,
        },
      ],
      claims: [{ claimId: 'CLM-2', source: 'internal', status: 'justified', orderId: 'O-1' }],
      evaluations: [],
    });
  });

  it('answers another operator as for a call that does not exist', async () => {
    expect((await ivan.get('/api/calls/OP-1-K0')).status).toBe(404);
    expect((await ana.get('/api/calls/OP-1-K0')).status).toBe(200);
    expect((await json(head.get('/api/calls/NOPE'))).body).toEqual({
      error: { code: 'not_found', message: 'no call NOPE' },
    });
  });
});

describe('GET /api/calls/:id/recording', () => {
  let cookie: string;
  beforeAll(async () => {
    const { signIn, addUser } = await import('../helpers/runtime.ts');
    cookie = await signIn(env, 'reader', await addUser(env, 'reader', 'qa'));
  });
  const get = (range?: string, id = 'OP-1-K0') =>
    env.app.request(`/api/calls/${id}/recording`, { headers: range ? { cookie, range } : { cookie } });
  const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

  it('serves the whole file with Accept-Ranges', async () => {
    const r = await get();
    expect(r.status).toBe(200);
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-type')).toBe('audio/ogg');
    expect(r.headers.get('content-length')).toBe('1000');
    expect((await bytes(r)).equals(BYTES)).toBe(true);
  });

  it('serves byte ranges: first 100, a suffix, open-ended, past the end', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=-100', 900, 999],
      ['bytes=950-', 950, 999],
      ['bytes=990-5000', 990, 999],
      ['bytes=-5000', 0, 999],
    ];
    for (const [range, start, end] of cases) {
      const r = await get(range);
      expect(r.status, range).toBe(206);
      expect(r.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/1000`);
      expect(r.headers.get('content-length'), range).toBe(String(end - start + 1));
      expect((await bytes(r)).equals(BYTES.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 with the size for a range it cannot satisfy', async () => {
    for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-0', 'bytes=50-10', 'bytes=abc']) {
      const r = await get(range);
      expect(r.status, range).toBe(416);
      expect(r.headers.get('content-range'), range).toBe('bytes */1000');
      expect((await r.json()).error.code).toBe('bad_request');
    }
    // Several ranges, or another unit: the whole file, as the RFC allows.
    expect((await get('bytes=0-1,5-6')).status).toBe(200);
    expect((await get('items=0-1')).status).toBe(200);
  });

  it('never serves a file outside the recordings folder', async () => {
    for (const id of ['ESCAPE', 'ABS', 'LINK']) {
      const r = await get(undefined, id);
      expect(r.status, id).toBe(404);
      expect(await r.text()).not.toContain('outside');
    }
    expect((await get(undefined, 'OP-1-K11')).status).toBe(404);
    const url = await get(undefined, 'URL');
    expect(url.status).toBe(302);
    expect(url.headers.get('location')).toBe('https://pbx.example/rec/1.ogg');
  });

  it('lets an operator play only his own calls', async () => {
    const own = await ana.get('/api/calls/OP-1-K0/recording');
    expect(own.status).toBe(200);
    expect((await ivan.get('/api/calls/OP-1-K0/recording')).status).toBe(404);
  });
});

type Sample = {
  seed: string;
  operators: {
    operatorId: string;
    target: number;
    available: number;
    sd: number | null;
    sdSource: string | null;
    calls: { callId: string; taskType: string; claimed: boolean; talkS: number }[];
  }[];
};

describe('GET /api/calls/sample', () => {
  it('draws 5 per operator from handled, recorded calls of 30 s and more, claimed first, across task types', async () => {
    const r = await json<Sample>(qa.get('/api/calls/sample?period=2026-10'));
    expect(r.status).toBe(200);
    expect(r.body.seed).toBe('2026-10');
    const by = Object.fromEntries(r.body.operators.map((o) => [o.operatorId, o]));
    for (const o of r.body.operators) {
      expect(o.target).toBe(5);
      expect(o.calls).toHaveLength(5);
      for (const c of o.calls) expect(['K10', 'K11'].includes(c.callId.split('-').at(-1) ?? '')).toBe(false);
      expect(o.calls.every((c) => c.talkS >= 30)).toBe(true);
    }
    expect(by['OP-1']?.available).toBe(10);
    // OP-2-K7 is named in a claim, OP-1-K0 through its order: drawn first.
    expect(by['OP-2']?.calls[0]).toMatchObject({ callId: 'OP-2-K7', claimed: true });
    expect(by['OP-1']?.calls[0]).toMatchObject({ callId: 'OP-1-K0', claimed: true });
    // The claimed call counts for its type: the first four calls cover the four task types.
    const op1 = by['OP-1']?.calls ?? [];
    expect(new Set(op1.slice(0, 4).map((c) => c.taskType))).toEqual(new Set(TYPES));
  });

  it('is reproducible for a seed, and another seed draws differently', async () => {
    const a = await json<Sample>(qa.get('/api/calls/sample?period=2026-10&seed=42&perOperator=3'));
    const b = await json<Sample>(qa.get('/api/calls/sample?period=2026-10&seed=42&perOperator=3'));
    expect(a.body).toEqual(b.body);
    const seeds = await Promise.all(
      ['1', '2', '3', '4', '5'].map(async (s) => {
        const r = await json<Sample>(qa.get(`/api/calls/sample?period=2026-10&seed=${s}&perOperator=3`));
        return JSON.stringify(r.body.operators.map((o) => o.calls.map((c) => c.callId)));
      }),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect((await qa.get('/api/calls/sample?period=2026-13')).status).toBe(400);
    expect((await ana.get('/api/calls/sample?period=2026-10')).status).toBe(403);
  });

  it("sizes each operator's sample to reach a margin from his score spread", async () => {
    const none = await json<Sample>(qa.get('/api/calls/sample?period=2026-10&margin=5'));
    expect(none.body.operators.every((o) => o.sdSource === 'default' && o.target === 5)).toBe(true);
    // OP-2 scores 100, 66.67 and 44.44 (Σw = 9: Σwf 9, 6 and 4): sd = 27.96
    const answers = [
      PERFECT,
      { ...PERFECT, greet: false, tone: 3 },
      { ...PERFECT, greet: false, tone: 1, readback: false },
    ];
    for (const [i, a] of answers.entries()) {
      const d = await json<{ evaluation: { id: string } }>(
        qa.post('/api/evaluations', { callId: `OP-2-K${i}`, formId }),
      );
      expect((await qa.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers: a })).status).toBe(
        200,
      );
    }
    const r = await json<Sample>(qa.get('/api/calls/sample?period=2026-10&margin=10&maxPerOperator=40'));
    const by = Object.fromEntries(r.body.operators.map((o) => [o.operatorId, o]));
    const m = (100 + 66.67 + 44.44) / 3;
    const sd = Math.sqrt(((100 - m) ** 2 + (66.67 - m) ** 2 + (44.44 - m) ** 2) / 2);
    expect(by['OP-2']).toMatchObject({ sdSource: 'operator', sd: 27.96 });
    // n = (1.96 · 27.96 / 10)² = 30.03 → 31
    expect(by['OP-2']?.target).toBe(Math.ceil(((1.959964 * sd) / 10) ** 2));
    expect(by['OP-2']?.target).toBe(31);
    // Others have no scores of their own: every operator's scores together.
    expect(by['OP-1']?.sdSource).toBe('pooled');
    // A target larger than what is available takes what there is.
    expect(by['OP-2']?.calls).toHaveLength(10);
    const bounded = await json<Sample>(qa.get('/api/calls/sample?period=2026-10&margin=10&maxPerOperator=8'));
    expect(bounded.body.operators.find((o) => o.operatorId === 'OP-2')?.target).toBe(8);
  });
});

type Assignment = {
  callId: string;
  monitor: string;
  done: boolean;
  evaluationStatus: string | null;
  id: number;
};

describe('assignments and worklists', () => {
  it('a lead splits the sample evenly among monitors; each monitor sees his worklist with progress', async () => {
    const r = await json<{ created: Assignment[]; skipped: unknown[] }>(
      lead.post('/api/calls/assignments', {
        period: '2026-10',
        monitors: ['sergiu', 'mihai'],
        sample: { perOperator: 3 },
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.created, JSON.stringify(r.body)).toHaveLength(9);
    const per = (m: string) => r.body.created.filter((a) => a.monitor === m).length;
    expect(Math.abs(per('sergiu') - per('mihai'))).toBeLessThanOrEqual(1);

    const again = await json<{ created: Assignment[]; skipped: unknown[] }>(
      lead.post('/api/calls/assignments', {
        period: '2026-10',
        monitors: ['sergiu', 'mihai'],
        sample: { perOperator: 3 },
      }),
    );
    expect(again.body).toMatchObject({ created: [], skipped: expect.any(Array) });
    expect(again.body.skipped).toHaveLength(9);

    const work = await json<{ total: number; done: number; assignments: Assignment[] }>(
      qa2.get('/api/calls/worklist?period=2026-10'),
    );
    expect(work.body.total).toBe(per('mihai'));
    expect(work.body.done).toBe(0);
    const first = work.body.assignments[0] as Assignment;
    const d = await json<{ evaluation: { id: string } }>(
      qa2.post('/api/evaluations', { callId: first.callId, formId }),
    );
    await qa2.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers: PERFECT });
    const after = await json<{ done: number; assignments: Assignment[] }>(
      qa2.get('/api/calls/worklist?period=2026-10'),
    );
    expect(after.body.done).toBe(1);
    expect(after.body.assignments.find((a) => a.callId === first.callId)).toMatchObject({
      done: true,
      evaluationStatus: 'submitted',
    });
  });

  it('assigns by hand, refusing unknown calls, other periods and people who are not monitors', async () => {
    const ok = await json<{ created: Assignment[] }>(
      lead.post('/api/calls/assignments', {
        period: '2026-10',
        assignments: [{ callId: 'OP-3-K11', monitor: 'sergiu' }],
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.created).toMatchObject([{ callId: 'OP-3-K11', monitor: 'sergiu' }]);
    const bad = await json<{ error: { message: string } }>(
      lead.post('/api/calls/assignments', {
        period: '2026-11',
        assignments: [
          { callId: 'NOPE', monitor: 'sergiu' },
          { callId: 'OP-3-K9', monitor: 'sergiu' },
          { callId: 'X-1', monitor: 'sergiu' },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'cannot assign: NOPE: no such call; OP-3-K9: is in 2026-10, not 2026-11; X-1: not handled by an operator',
    );
    const notMonitor = await json<{ error: { message: string } }>(
      lead.post('/api/calls/assignments', { period: '2026-10', monitors: ['victor'] }),
    );
    expect(notMonitor.body.error.message).toBe('not QA monitors: victor');
    expect((await lead.post('/api/calls/assignments', { period: '2026-10' })).status).toBe(400);
    expect(
      (await qa.post('/api/calls/assignments', { period: '2026-10', monitors: ['sergiu'] })).status,
    ).toBe(403);
    expect((await lead.send('DELETE', `/api/calls/assignments/${ok.body.created[0]?.id}`)).status).toBe(200);
    expect((await lead.send('DELETE', `/api/calls/assignments/${ok.body.created[0]?.id}`)).status).toBe(404);
    const list = await json<{ assignments: Assignment[] }>(
      lead.get('/api/calls/assignments?period=2026-10&monitor=sergiu'),
    );
    expect(list.body.assignments.every((a) => a.monitor === 'sergiu')).toBe(true);
  });
});
