import type { ErrorBody, ErrorCode } from '../schemas/api.ts';

/**
 * The one error type the API, the CLI and the importer raise on purpose; its message is safe to
 * show to the user. Its code says what went wrong; the API answers it with the HTTP status of
 * server/errors.ts.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
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
