import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARROW_SCALE, ARROW_STREAM } from '../../schemas/arrow.ts';
import { arrowRows } from '../../web/src/api/arrow.ts';
import { rankingFromArrow } from '../../web/src/api/ranking-arrow.ts';
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
  it('gives every operator’s criteria and pay flat, as docs/scoring.md computes them', async () => {
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

  it('answers Arrow IPC that the web app reads back to the JSON’s values, value for value', async () => {
    const res = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, accept: ARROW_STREAM },
    });
    expect(res.headers.get('content-type')).toBe(ARROW_STREAM);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const json = (await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } })
    ).json()) as Ranking;
    const rows = arrowRows(bytes);
    expect(rows).toHaveLength(4);
    // Every column of every row: the same strings and the identical doubles.
    expect(rows).toEqual(json.operators);
    // Small integers for counts and scaled decimals, a dictionary for repeating text.
    const table = tableFromIPC(bytes);
    const field = (name: string) => table.schema.fields.find((f) => f.name === name);
    expect(field('handledCalls')?.type.toString()).toMatch(/^Int(8|16|32)$/);
    expect(field('coefficient')?.type.toString()).toMatch(/^Int(8|16|32)$/);
    expect(field('coefficient')?.metadata.get(ARROW_SCALE)).toBe('4');
    expect(field('teamName')?.type.toString()).toMatch(/^Dictionary</);
    expect(field('operatorId')?.type.toString()).toBe('Utf8');
    // And the entries the ranking table renders.
    const ranking = rankingFromArrow(bytes);
    expect(ranking.currency).toBe('MDL');
    expect(ranking.operators[0]?.scorecard).toMatchObject({
      operatorId: 'OP-A',
      qualityScore: 78.75,
      coefficient: 0.4063,
      payout: 812_600,
      deductions: { quality: 0.01875 },
      flags: [],
    });
  });

  it('is sent brotli-compressed, gzipped or plain, as the client accepts', async () => {
    const get = (acceptEncoding: string | null, accept: string) =>
      env.app.request('/api/ranking?period=2026-10', {
        headers: { cookie: head, accept, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      });
    const cases: [string | null, string | null, (b: Buffer) => Buffer][] = [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['br;q=0, gzip', 'gzip', gunzipSync],
      ['*', 'br', brotliDecompressSync],
      ['identity', null, (b) => b],
      [null, null, (b) => b],
    ];
    for (const accept of ['application/json', ARROW_STREAM]) {
      const plain = Buffer.from(await (await get(null, accept)).arrayBuffer());
      for (const [acceptEncoding, coding, decode] of cases) {
        const res = await get(acceptEncoding, accept);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-encoding')).toBe(coding);
        expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
        expect(decode(Buffer.from(await res.arrayBuffer())).equals(plain)).toBe(true);
      }
    }
  });

  it('has an ETag, and answers 304 without a body to a client that holds the same', async () => {
    const first = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, 'accept-encoding': 'gzip, deflate, br' },
    });
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    // The same content in another encoding, or none, has the same (weak) tag; Arrow another.
    const plain = await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } });
    expect(plain.headers.get('etag')).toBe(etag);
    const arrow = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, accept: ARROW_STREAM },
    });
    expect(arrow.headers.get('etag')).not.toBe(etag);

    for (const ifNoneMatch of [etag, etag.slice(2), `"other", ${etag}`, '*']) {
      const res = await env.app.request('/api/ranking?period=2026-10', {
        headers: { cookie: head, 'accept-encoding': 'gzip, deflate, br', 'if-none-match': ifNoneMatch },
      });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
    const stale = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, 'if-none-match': 'W/"stale"' },
    });
    expect(stale.status).toBe(200);
    // Someone not signed in learns nothing, whatever tag he sends.
    const anonymous = await env.app.request('/api/ranking?period=2026-10', {
      headers: { 'if-none-match': etag },
    });
    expect(anonymous.status).toBe(401);
  });

  it('changes as soon as the data does, and shows an operator only himself', async () => {
    const beforeRes = await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } });
    const before = (await beforeRes.json()) as Ranking;
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
    const afterRes = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, 'if-none-match': beforeRes.headers.get('etag') as string },
    });
    // A browser holding the old body gets the new one, with a new tag.
    expect(afterRes.status).toBe(200);
    expect(afterRes.headers.get('etag')).not.toBe(beforeRes.headers.get('etag'));
    const after = (await afterRes.json()) as Ranking;
    const c = (r: Ranking) => r.operators.find((o) => o.operatorId === 'OP-C');
    expect(c(after)?.negativeAssessments).toBe(Number(c(before)?.negativeAssessments) + 1);
    const own = (await (
      await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: operator } })
    ).json()) as Ranking;
    expect(own.operators.map((o) => o.operatorId)).toEqual(['OP-A']);
  });
});
