import { z } from 'zod';
import { languageCode, type UserView } from './users.ts';

/** Signing in and out, and the signed-in user's own view and language (`/api/auth`). */

export const loginRequest = z.object({
  username: z.string({ error: 'username is required' }).trim().min(1, 'username is required').max(100),
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1000),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** `PUT /api/auth/me/locale`: the signed-in user's own language. */
export const localeRequest = z.object({ locale: languageCode });
export type LocaleRequest = z.infer<typeof localeRequest>;

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
