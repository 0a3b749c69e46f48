import type { ErrorBody, ErrorCode } from '../../../schemas/api.ts';

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

async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    // A form (a file upload) goes as multipart, with the boundary the browser picks.
    const form = body instanceof FormData;
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined || form
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? null : form ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
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
  if (res.ok && json !== null) return json as T;

  const retry = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  if (isErrorBody(json)) throw new ApiError(res.status, json.error.code, json.error.message, retryAfter);
  if (res.ok) throw new ApiError(res.status, 'internal', `${method} ${path}: the answer is not JSON`);
  // The API always answers errors in JSON; anything else came from a proxy or gateway in front of
  // it (the dev proxy answers 502 while the API is down), so the API was not reached.
  const code: ErrorCode | 'network' = res.status >= 500 ? 'network' : 'internal';
  throw new ApiError(res.status, code, `${method} ${path}: HTTP ${res.status}`, retryAfter);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', withQuery(path, query), undefined, signal),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
