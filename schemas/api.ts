import { z } from 'zod';
import type { ImportReport } from './import-report.ts';
import { checkPeriod, periodFields, withPeriod } from './period.ts';
import { role } from './roles.ts';

/**
 * Request and response shapes of the HTTP API. The server validates requests with these and the
 * web app imports the inferred types, so the two cannot drift.
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

export const loginRequest = z.object({
  username: z.string({ error: 'username is required' }).trim().min(1, 'username is required').max(100),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1000),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** Languages of the user interface; `users.locale` holds one of these. */
export const LANGUAGE_CODES = ['en', 'ru', 'ro'] as const;
export const languageCode = z.enum(LANGUAGE_CODES, { error: 'locale must be one of en, ru, ro' });
export type LanguageCode = z.infer<typeof languageCode>;
export const isLanguageCode = (v: string): v is LanguageCode =>
  (LANGUAGE_CODES as readonly string[]).includes(v);

/** `PUT /api/auth/me/locale`: the signed-in user's own language. */
export const localeRequest = z.object({ locale: languageCode });
export type LocaleRequest = z.infer<typeof localeRequest>;

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  operatorId: z.string().nullable(),
  /** A department head limited to one department; null for everyone else. */
  department: z.string().nullable(),
  /** A head limited to one team (a team lead), by team id; null for everyone else. */
  team: z.string().nullable(),
  /** The language the web app is shown in for this user. */
  locale: languageCode,
});
export type UserView = z.infer<typeof userView>;
export interface LoginResponse {
  user: UserView;
}
export interface LocaleResponse {
  user: UserView;
}
export interface LogoutResponse {
  ok: true;
}
export interface MeResponse {
  user: UserView;
  settings: { companyName: string; timeZone: string; currency: string };
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  stores: { duckdb: 'ok'; sqlite: 'ok' };
}

/**
 * A period in a query string: `period=YYYY-MM`, or `from` and `to` local dates (to exclusive).
 * Yields the Period it names (the half-open local date range of docs/scoring.md).
 */
export const rangeQuery = z
  .object({
    ...periodFields,
    team: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine(checkPeriod())
  .transform((q) => withPeriod({ ...q, team: q.team ?? null }));
export type RangeQuery = z.infer<typeof rangeQuery>;

export interface PeriodsResponse {
  /** Months that have calls, newest first. */
  periods: string[];
}

export interface TeamView {
  teamId: string;
  name: string;
  department: string | null;
  operators: number;
}
export interface TeamsResponse {
  teams: TeamView[];
}

export interface OperatorActivity {
  operatorId: string;
  name: string;
  teamId: string;
  teamName: string;
  calls: number;
  handledCalls: number;
  inbound: number;
  outbound: number;
  talkSeconds: number;
  /** Mean of talk + hold + wrap over handled calls; null without handled calls. */
  ahtSeconds: number | null;
  orders: number;
  /** Minor units, cancelled orders excluded. */
  orderRevenue: number;
}
export interface ActivityResponse {
  range: { from: string; to: string };
  currency: string;
  operators: OperatorActivity[];
}

export interface DailyPoint {
  date: string;
  calls: number;
  handled: number;
  /** Inbound calls offered: the base of the abandonment rate and the service level. */
  inbound: number;
  abandoned: number;
  orders: number;
}
export interface DailyResponse {
  range: { from: string; to: string };
  days: DailyPoint[];
}

export const newUserRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{2,50}$/i, 'username must be 2–50 letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(200).optional(),
  role,
  operatorId: z.string().trim().min(1).max(200).nullable().optional(),
  /** Limits a department head to this department's operators. */
  department: z.string().trim().min(1).max(200).nullable().optional(),
  /** Limits a head to this team's operators (a team lead); not together with a department. */
  team: z.string().trim().min(1).max(200).nullable().optional(),
  password: z.string().min(8, 'password must have at least 8 characters').max(1000),
});
export type NewUserRequest = z.infer<typeof newUserRequest>;

/** `PUT /api/admin/users/:id/limit`: whose operators a head sees; both null, every operator. */
export const userLimitRequest = z.object({
  department: z.string().trim().min(1).max(200).nullable(),
  team: z.string().trim().min(1).max(200).nullable(),
});
export type UserLimitRequest = z.infer<typeof userLimitRequest>;

/** `GET /api/admin/users`. */
export interface UsersResponse {
  users: UserView[];
}
/** `POST /api/admin/users`, `PUT /api/admin/users/:id/limit`. */
export interface UserResponse {
  user: UserView;
}

/** An upload being imported (`POST /api/imports`, `GET /api/imports/jobs/:id`). */
export interface ImportJobView {
  id: string;
  kind: string;
  fileName: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Where a running import is, and how far through that phase (0..1) when known. */
  progress: { phase: string; fraction: number | null } | null;
  report: ImportReport | null;
  error: string | null;
  queuedAt: string;
}
export interface ImportJobResponse {
  job: ImportJobView;
}

/** One past import in the import log (`GET /api/imports`). */
export interface ImportSummary {
  id: number;
  kind: string;
  format: string;
  file: string;
  status: string;
  read: number;
  loaded: number;
  quarantined: number;
  duplicates: number;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
}
export interface ImportsResponse {
  imports: ImportSummary[];
}

/** One import with its quarantined rows (`GET /api/imports/:id`). */
export interface ImportDetailResponse {
  status: string;
  report: ImportReport | { error: string } | null;
  /** `rawBytes`: the line's bytes as the file had them, base64, when its text was not UTF-8. */
  quarantine: { line: number; reason: string; raw: string; rawBytes: string | null }[];
}
