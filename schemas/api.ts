/**
 * Shapes every part of the HTTP API shares: the error codes and the error body, and the health check.
 * The shapes of each domain are in the schema file named for it (auth.ts, users.ts, activity.ts,
 * imports.ts, …); the server validates requests with them and the web app imports the inferred types,
 * so the two cannot drift.
 */

export const errorCodes = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_many_requests',
  'payload_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  stores: { duckdb: 'ok'; sqlite: 'ok' };
}
