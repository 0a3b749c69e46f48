/**
 * Generated bad requests for any route: odd path parameters, query strings and bodies drawn from
 * what clumsy users, broken clients and attackers send. Seeded, so a failure names a request
 * that can be sent again.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = ReturnType<typeof rng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Text values: plausible ones beside impossible dates, huge numbers, injections and junk. */
const TEXT = [
  'OP-1',
  'OP-0001',
  'T1',
  'Sales',
  '1',
  '0',
  '-1',
  '2',
  '1.5',
  '1e400',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '',
  ' ',
  '2026-10',
  '2026-13',
  '2026-00',
  '0000-01',
  '9999-12',
  '10000-01',
  '2026-10-01',
  '2026-02-30',
  '2026-02-29',
  '0000-00-00',
  '2026-10-01T25:00:00Z',
  '2026-10-01..2026-11-01',
  "' OR 1=1 --",
  '"; DROP TABLE calls; --',
  '../../etc/passwd',
  '..\\..\\boot.ini',
  '%00',
  '\u0000',
  '\u202e\u0041',
  '💩',
  'Ана Русу',
  '=1+1',
  '<script>alert(1)</script>',
  'a'.repeat(300),
  'x'.repeat(20_000),
  'csv',
  'xlsx',
  'json',
  ';',
  ',',
  'asc',
  'desc',
  'open',
  'closed',
  'justified',
  'revised',
  'upheld',
  'admin',
  'operator',
  'timeZone',
  'Europe/Chisinau',
  'Mars/Olympus',
];

const JSON_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  [],
  {},
  [null],
  ['OP-1'],
  { $gt: '' },
  JSON.parse('{"__proto__": {"admin": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

const QUERY_KEYS = [
  'period',
  'from',
  'to',
  'team',
  'department',
  'operator',
  'evaluator',
  'status',
  'limit',
  'offset',
  'format',
  'delimiter',
  'decimal',
  'sort',
  'order',
  'dir',
  'entity',
  'includeArchived',
  'allVersions',
  'perOperator',
  'margin',
  'minPerOperator',
  'maxPerOperator',
  'seed',
  'monitor',
  'source',
  'polarity',
  'callId',
  'formId',
  'calibration',
  'minDuration',
  'maxDuration',
  'hasEvaluation',
  'hasRecording',
  'direction',
  'taskType',
  'disposition',
  'client',
  'q',
];

const BODY_KEYS = [
  'username',
  'password',
  'role',
  'operatorId',
  'operator',
  'department',
  'team',
  'teamId',
  'value',
  'locale',
  'period',
  'metric',
  'target',
  'scope',
  'subjectId',
  'tasksNorm',
  'variableBase',
  'status',
  'note',
  'source',
  'division',
  'callId',
  'orderId',
  'receivedAt',
  'description',
  'polarity',
  'assessedAt',
  'formId',
  'answers',
  'decision',
  'reason',
  'text',
  'questionId',
  'offsetS',
  'monitors',
  'reference',
  'name',
  'definition',
  'validFrom',
  'rule',
  'sample',
  'assignments',
];

function jsonValue(r: Rand, depth = 0): unknown {
  const roll = r();
  if (roll < 0.45) return pick(r, TEXT);
  if (roll < 0.75 || depth > 3) return pick(r, JSON_VALUES);
  if (roll < 0.87) return Array.from({ length: Math.floor(r() * 4) }, () => jsonValue(r, depth + 1));
  return randomObject(r, depth + 1);
}

function randomObject(r: Rand, depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 6);
  for (let i = 0; i < n; i++) o[pick(r, BODY_KEYS)] = jsonValue(r, depth);
  return o;
}

/** Deeply nested arrays: a parser that recurses without a bound overflows its stack on these. */
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function fillPath(r: Rand, routePath: string): string {
  return routePath.replace(/:(\w+)/g, () => {
    const v = r() < 0.25 ? pick(r, ['1', 'OP-1', '2026-10', 'C1', 'timeZone']) : pick(r, TEXT);
    return encodeURIComponent(v).replace(/%25/g, r() < 0.5 ? '%' : '%25');
  });
}

/** Well-formed periods, so that half the queries get past the period and reach the other fields. */
const GOOD_PERIODS = ['period=2026-10', 'period=2026-09', 'from=2026-10-01&to=2026-10-15'];
const BAD_PERIODS = [
  'from=2026-02-30&to=2026-03-01',
  'from=2026-02-01&to=2026-02-30',
  'period=0000-01',
  'period=2026-10&from=2026-10-01',
  'from=2026-10-15&to=2026-10-01',
  'from=0001-01-01&to=9999-12-31',
];

function query(r: Rand): string {
  const n = Math.floor(r() * 4);
  const parts: string[] = [];
  const roll = r();
  if (roll < 0.5) parts.push(pick(r, GOOD_PERIODS));
  else if (roll < 0.7) parts.push(pick(r, BAD_PERIODS));
  for (let i = 0; i < n; i++) {
    const key = pick(r, QUERY_KEYS);
    const v = pick(r, TEXT);
    // Now and then a key twice, or a raw value with broken escapes.
    parts.push(`${key}=${r() < 0.1 ? '%E0%A4%A' : encodeURIComponent(v)}`);
    if (r() < 0.1) parts.push(`${key}=${encodeURIComponent(pick(r, TEXT))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function body(r: Rand): { body: string | Uint8Array; type: string | null } {
  const roll = Math.floor(r() * 12);
  switch (roll) {
    case 0:
      return { body: '{"a":', type: 'application/json' };
    case 1:
      return { body: '', type: 'application/json' };
    case 2:
      return { body: JSON.stringify(jsonValue(r)), type: 'application/json' };
    case 3:
      return { body: deep(5000), type: 'application/json' };
    case 4:
      return { body: 'file=abc', type: 'multipart/form-data' };
    case 5:
      return {
        body: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nca',
        type: 'multipart/form-data; boundary=XX',
      };
    case 6:
      return { body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' };
    case 7:
      return { body: new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28]), type: 'application/json' };
    case 8:
      return { body: JSON.stringify(randomObject(r)), type: null };
    default:
      return { body: JSON.stringify(randomObject(r)), type: 'application/json' };
  }
}

const ODD_HEADERS: [string, () => string][] = [
  ['range', () => 'bytes=999999999999-1'],
  ['range', () => 'bytes=-0'],
  ['range', () => 'bytes=abc'],
  ['if-none-match', () => '"x"'],
  ['accept', () => 'application/vnd.apache.arrow.stream'],
  ['accept-encoding', () => 'br;q=abc, *'],
  ['x-forwarded-proto', () => 'https'],
];

/** One generated request for a route (`GET /api/calls/:id`). */
export function fuzzRequest(r: Rand, method: string, routePath: string): FuzzRequest {
  const headers: Record<string, string> = {};
  if (r() < 0.3) {
    const [k, v] = pick(r, ODD_HEADERS);
    headers[k] = v();
  }
  const req: FuzzRequest = { method, path: fillPath(r, routePath) + query(r), headers };
  if (method !== 'GET' && method !== 'HEAD') {
    const b = body(r);
    req.body = b.body;
    if (b.type) headers['content-type'] = b.type;
  }
  return req;
}
