import type { ErrorBody, ErrorCode } from '../schemas/api.ts';

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
};

/** The one error type the API and CLI raise on purpose; its message is safe to show to the user. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.headers = headers;
  }
  get status() {
    return STATUS[this.code];
  }
  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Joins zod issues into one line: "period: is not a period (YYYY-MM); team: is required". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
