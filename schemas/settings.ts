import { z } from 'zod';
import { boolean, count } from './primitives.ts';
import { modelFolder, TRANSCRIBE_LANGUAGES, WEB_TRANSCRIBE_ENGINES } from './transcribe.ts';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * A whole number between bounds, given as a number or as its digits ("7"): the importer's own
 * `count`, so "", null, [] or true are refused rather than coerced to 0 or 1.
 */
const wholeNumber = (min: number, max: number) =>
  count.pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** Company settings, one row per key in SQLite; every key has a default so a new data directory works. */
export const settingsSchema = z.object({
  companyName: z.string().trim().min(1).max(200).default('callscore demo'),
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone (e.g. Europe/Chisinau)').default('UTC'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code')
    .default('EUR'),
  /** Service level counts inbound calls answered within this many seconds. */
  serviceLevelSeconds: wholeNumber(1, 600).default(20),
  /** Days an operator has to acknowledge or dispute an evaluation. */
  disputeDays: wholeNumber(0, 365).default(7),
  /**
   * Levels a dispute may go through: 1, the QA lead's decision is final; 2, an operator may appeal
   * a dispute the lead upheld, once, to a head.
   */
  appealLevels: wholeNumber(1, 2).default(1),
  /** Days after the lead upholds a dispute within which the operator may appeal it. */
  appealDays: wholeNumber(0, 365).default(7),
  /** Disputes an operator may open per calendar month (company time zone); 0: no limit. */
  disputesPerMonth: wholeNumber(0, 1000).default(0),
  /** Hours a login session lives without use. */
  sessionHours: wholeNumber(1, 24 * 30).default(12),
  /**
   * Behind a reverse proxy (nginx, a load balancer): take the client's address from
   * X-Forwarded-For and the scheme from X-Forwarded-Proto. Off by default, as a client could
   * otherwise send them itself.
   */
  trustProxy: boolean.default(false),
  /** Mark the session cookie Secure even when the request reached callscore over plain HTTP. */
  secureCookies: boolean.default(false),
  /** The speech-to-text engine a transcription run uses unless it names one (docs/transcribe.md). */
  transcribeEngine: z.enum(WEB_TRANSCRIBE_ENGINES).default('pocketsphinx'),
  /** Its model folder on the server; empty: the engine's default (pocketsphinx's Debian model). */
  transcribeModel: modelFolder.default(''),
  /** The calls' language for the engine; `auto` lets Whisper detect it per call. */
  transcribeLanguage: z.enum(TRANSCRIBE_LANGUAGES).default('auto'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

/** `GET /api/admin/settings`, and `PUT /api/admin/settings/:key` with the change made. */
export interface SettingsResponse {
  settings: Settings;
}
