import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../../schemas/api.ts';
import type { ApiType } from '../../../server/app.ts';

/**
 * A failed API call. `code` and `message` come from the server's error body; a request that never
 * got an answer has status 0 and code `network`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  /** Seconds the server asked to wait (429), when it said. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

function isErrorBody(v: unknown): v is ErrorBody {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const err = (v as { error: unknown }).error;
  return typeof err === 'object' && err !== null && 'code' in err && 'message' in err;
}

export type Query = Readonly<Record<string, string | number | null | undefined>>;

/** The path with the query's set values as its query string. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * The fetch under the typed client: same-origin with the session cookie, and every failure turned
 * into an ApiError, so a call either answers its route's JSON body or throws. A request that never
 * got an answer is `network`; the server's `{error: {code, message}}` body becomes the error's code
 * and message; an answer that is not JSON came from a proxy or gateway in front of the API.
 */
async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const path = String(input);
  const signal = init.signal ?? null;
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  let res: Response;
  try {
    res = await fetch(input, { ...init, headers, credentials: 'same-origin', signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }

  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      // A proxy or a crashed server can answer with HTML; handled like no answer below.
    }
  }
  if (res.ok && json !== null) return new Response(text, { status: res.status, headers: res.headers });

  const retry = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  if (isErrorBody(json)) throw new ApiError(res.status, json.error.code, json.error.message, retryAfter);
  if (res.ok) throw new ApiError(res.status, 'internal', `${method} ${path}: the answer is not JSON`);
  // The API always answers errors in JSON; anything else came from a proxy or gateway in front of
  // it (the dev proxy answers 502 while the API is down), so the API was not reached.
  const code: ErrorCode | 'network' = res.status >= 500 ? 'network' : 'internal';
  throw new ApiError(res.status, code, `${method} ${path}: HTTP ${res.status}`, retryAfter);
}

/**
 * The API, typed from the server's routes (`api.forms[':id'].$get({param: {id}})`): a route's
 * path, query, body and answer cannot drift from the server's. Read an answer with `call()`.
 */
export const api = hc<ApiType>('/api', { fetch: apiFetch });

/** The JSON body a route answers on success, as the server's handler declares it. */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : never
      : never
    : never;

/** Awaits a typed client call and returns its JSON body; a failure has already thrown an ApiError. */
export async function call<R extends ClientResponse<unknown, number, string>>(
  req: Promise<R> & ([Ok<R>] extends [never] ? 'this route declares no JSON answer' : unknown),
): Promise<Ok<R>> {
  return (await (await req).json()) as Ok<R>;
}

/** Per-call options: the query's abort signal. */
export const withSignal = (signal?: AbortSignal) => ({ init: { signal: signal ?? null } });

/** A query's values with the unset ones dropped: the typed client sends every key it is given. */
export function setValues<T extends Record<string, unknown>>(
  q: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
