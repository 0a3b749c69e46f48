import { z } from 'zod';
import { role } from './roles.ts';

/**
 * The users of callscore as the API shows them, their language, and the administrator's requests
 * that add a user or limit a head (`/api/admin/users`).
 */

/** Languages of the user interface; `users.locale` holds one of these. */
export const LANGUAGE_CODES = ['en', 'ru', 'ro'] as const;
export const languageCode = z.enum(LANGUAGE_CODES, { error: 'locale must be one of en, ru, ro' });
export type LanguageCode = z.infer<typeof languageCode>;
export const isLanguageCode = (v: string): v is LanguageCode =>
  (LANGUAGE_CODES as readonly string[]).includes(v);

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
