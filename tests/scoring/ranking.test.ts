import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { expectedScorecards, loadGolden } from './golden.ts';

let env: TestEnv;
let head: string;
let operator: string;

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  head = await signIn(env, 'head', await addUser(env, 'head', 'head'));
  operator = await signIn(env, 'ana', await addUser(env, 'ana', 'operator', 'OP-A'));
});
afterAll(() => env.dispose());

interface Ranking {
  period: string;
  source: string;
  operators: Record<string, string | number | null>[];
}

describe('the ranking', () => {
  it('gives every operator’s criteria and pay flat, as SCORING.md computes them', async () => {
    const res = await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Ranking;
    expect(body.source).toBe('live');
    const expected = expectedScorecards('2026-10');
    expect(body.operators.map((o) => o.operatorId)).toEqual(expected.map((e) => e.operatorId));
    const a = body.operators[0];
    expect(a).toMatchObject({
      name: 'Ana Rusu',
      teamName: 'Order desk',
      qualityScore: 78.75,
      coefficient: 0.4063,
      payout: 812_600,
      deduction_quality: 0.01875,
      flags: '',
    });
  });

  it('answers Arrow IPC with the same values when asked', async () => {
    const res = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, accept: 'application/vnd.apache.arrow.stream' },
    });
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.numRows).toBe(4);
    const json = (await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } })
    ).json()) as Ranking;
    const rows = table.toArray().map((r) => r.toJSON());
    for (const [i, row] of rows.entries()) {
      for (const key of [
        'operatorId',
        'name',
        'qualityScore',
        'tasksNorm',
        'coefficient',
        'payout',
        'deduction_tasks',
      ]) {
        expect(row[key] ?? null).toEqual(json.operators[i]?.[key] ?? null);
      }
    }
    expect(table.schema.fields.find((f) => f.name === 'tasksNorm')?.type.toString()).toBe('Float64');
  });

  it('is sent compressed to a client that accepts gzip', async () => {
    const plain = await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } })
    ).text();
    const res = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, 'accept-encoding': 'gzip, deflate' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(plain);
  });

  it('changes as soon as the data does, and shows an operator only himself', async () => {
    const before = (await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } })
    ).json()) as Ranking;
    await env.app.request('/api/assessments', {
      method: 'POST',
      headers: { cookie: head, 'content-type': 'application/json' },
      body: JSON.stringify({
        operatorId: 'OP-C',
        polarity: 'negative',
        assessedAt: '2026-10-10T10:00:00Z',
        note: 'Rude to a colleague',
      }),
    });
    const after = (await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } })
    ).json()) as Ranking;
    const c = (r: Ranking) => r.operators.find((o) => o.operatorId === 'OP-C');
    expect(c(after)?.negativeAssessments).toBe(Number(c(before)?.negativeAssessments) + 1);
    const own = (await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: operator } })
    ).json()) as Ranking;
    expect(own.operators.map((o) => o.operatorId)).toEqual(['OP-A']);
  });
});
