import { AppError } from '../core/errors.ts';
import type { ErrorCode } from '../schemas/api.ts';

/** The HTTP status the API answers each error code with: the one place a code becomes a status. */
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

export const httpStatus = (code: ErrorCode) => STATUS[code];

/** An AppError the API answers with these headers as well (a Retry-After). */
export class AppErrorWithHeaders extends AppError {
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, message: string, headers: Record<string, string>) {
    super(code, message);
    this.headers = headers;
  }
}

/** The headers an error's answer carries. */
export const errorHeaders = (err: AppError): Record<string, string> =>
  err instanceof AppErrorWithHeaders ? err.headers : {};
