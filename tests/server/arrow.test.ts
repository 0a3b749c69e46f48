import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ARROW_SCALE } from '../../schemas/arrow.ts';
import { arrowStream, decimalScale } from '../../server/arrow.ts';
import { etagMatches, pickEncoding, prepareBody } from '../../server/prepared-body.ts';
import { arrowRows } from '../../web/src/api/arrow.ts';

const roundTrip = (values: (number | null)[]) => {
  const bytes = arrowStream([{ name: 'v', type: 'number', values }]);
  const field = tableFromIPC(bytes).schema.fields[0];
  return {
    type: field?.type.toString(),
    scale: field?.metadata.get(ARROW_SCALE) ?? null,
    values: arrowRows(bytes).map((r) => r.v),
  };
};

describe('Arrow columns', () => {
  it('send exact decimals as small scaled integers that read back to the identical doubles', () => {
    const cases: [(number | null)[], string, string | null][] = [
      [[0, 1, 127, -128, null], 'Int8', null],
      [[0, 5_214, null], 'Int16', null],
      [[812_600, -500_000, 0], 'Int32', null],
      [[0.4063, 0.7405, 0, 1], 'Int16', '4'],
      [[78.75, 73, 81.5], 'Int16', '2'],
      [[0.01875, 0.0103, 0.3], 'Int16', '5'],
      [[232.3, 18.3, null], 'Int16', '1'],
      [[0.545, 0.555, 1.005, 2.675], 'Int16', '3'],
      [[21_474_836.47, -21_474_836.48], 'Int32', '2'],
      [[null, null], 'Int8', null],
      [[], 'Int8', null],
    ];
    for (const [values, type, scale] of cases) {
      const back = roundTrip(values);
      expect({ values, type: back.type, scale: back.scale }).toEqual({ values, type, scale });
      // Identical doubles, not merely close ones.
      for (const [i, v] of back.values.entries()) expect(Object.is(v, values[i])).toBe(true);
    }
  });

  it('keep Float64 for a value no decimal scale holds exactly', () => {
    for (const odd of [
      0.1 + 0.2,
      1 / 3,
      Math.PI,
      1e-12,
      3e9,
      2 ** 53,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      const values = [1, odd, null, 0.25];
      const back = roundTrip(values);
      expect(back.type).toBe('Float64');
      for (const [i, v] of back.values.entries()) expect(Object.is(v, values[i])).toBe(true);
    }
    expect(decimalScale([0.1 + 0.2])).toBeNull();
    expect(decimalScale([0.3])).toBe(1);
  });

  it('read -0 back as 0, as JSON does', () => {
    expect(roundTrip([-0, 1]).values).toEqual([0, 1]);
    expect(JSON.parse(JSON.stringify(-0))).toBe(0);
  });

  it('send repeating text once, as a dictionary, and read it back as strings', () => {
    const values = ['T1', 'T2', 'T1', null, 'T2'];
    const bytes = arrowStream([
      { name: 'team', type: 'label', values },
      { name: 'id', type: 'text', values: ['a', 'b', 'c', 'd', 'e'] },
    ]);
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => f.type.toString())).toEqual(['Dictionary<Int8, Utf8>', 'Utf8']);
    expect(arrowRows(bytes).map((r) => r.team)).toEqual(values);
  });

  it('send instants as UTC millisecond timestamps that read back to the same ISO text', () => {
    const values = ['2026-10-02T07:00:00.000Z', null, '2026-10-31T21:59:59.999Z', '1970-01-01T00:00:00.000Z'];
    const bytes = arrowStream([{ name: 'at', type: 'instant', values }]);
    expect(tableFromIPC(bytes).schema.fields[0]?.type.toString()).toBe('Timestamp<MILLISECOND, UTC>');
    expect(arrowRows(bytes).map((r) => r.at)).toEqual(values);
    // Text that is not exactly what toISOString gives stays text, so nothing is rewritten.
    for (const odd of ['2026-10-02T07:00:00Z', '2026-10-02T10:00:00.000+03:00', 'soon', '']) {
      const mixed = [values[0] as string, odd];
      const back = arrowStream([{ name: 'at', type: 'instant', values: mixed }]);
      expect(tableFromIPC(back).schema.fields[0]?.type.toString(), odd).toBe('Utf8');
      expect(arrowRows(back).map((r) => r.at)).toEqual(mixed);
    }
  });

  it('send no rows as an empty table of the same columns', () => {
    const bytes = arrowStream([
      { name: 'id', type: 'text', values: [] },
      { name: 'team', type: 'label', values: [] },
      { name: 'at', type: 'instant', values: [] },
      { name: 'n', type: 'number', values: [] },
    ]);
    expect(tableFromIPC(bytes).schema.fields.map((f) => f.name)).toEqual(['id', 'team', 'at', 'n']);
    expect(arrowRows(bytes)).toEqual([]);
  });

  it('give the same bytes for the same rows, so the body’s ETag holds across restarts', () => {
    const columns = () =>
      arrowStream([
        { name: 'team', type: 'label', values: ['T1', 'T2', 'T1'] },
        { name: 'n', type: 'number', values: [1, 0.5, null] },
      ]);
    expect(Buffer.from(columns()).equals(Buffer.from(columns()))).toBe(true);
  });
});

describe('content negotiation', () => {
  it('picks brotli when accepted, else gzip, else none', () => {
    const cases: [string | undefined, string][] = [
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['BR', 'br'],
      ['gzip, deflate', 'gzip'],
      ['x-gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['br; q=0.0, gzip', 'gzip'],
      ['*', 'br'],
      ['*;q=0, gzip', 'gzip'],
      ['gzip;q=0, br;q=0', 'identity'],
      ['identity', 'identity'],
      ['deflate', 'identity'],
      ['', 'identity'],
      [undefined, 'identity'],
    ];
    for (const [header, coding] of cases)
      expect({ header, coding: pickEncoding(header) }).toEqual({ header, coding });
  });

  it('matches an If-None-Match list, weakly', () => {
    const etag = 'W/"abc"';
    expect(etagMatches('W/"abc"', etag)).toBe(true);
    expect(etagMatches('"abc"', etag)).toBe(true);
    expect(etagMatches('"x", W/"abc"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"abcd"', etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});

describe('a prepared body', () => {
  it('is ready gzipped and brotli-compressed, and gets brotli’s best in the background', async () => {
    const raw = Buffer.from(
      JSON.stringify(Array.from({ length: 2_000 }, (_, i) => ({ operatorId: `OP-${i}`, payout: i * 37 }))),
    );
    const body = await prepareBody(raw, 'application/json');
    expect(gunzipSync(body.gzip).equals(raw)).toBe(true);
    expect(brotliDecompressSync(body.br).equals(raw)).toBe(true);
    const quick = body.br.length;
    const etag = body.etag;
    await body.best;
    expect(brotliDecompressSync(body.br).equals(raw)).toBe(true);
    expect(body.br.length).toBeLessThan(quick);
    expect(body.etag).toBe(etag);
    expect((await prepareBody(raw, 'application/json')).etag).toBe(etag);
    expect((await prepareBody(Buffer.from('other'), 'application/json')).etag).not.toBe(etag);
  });
});
