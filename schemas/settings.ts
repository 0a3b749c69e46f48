import { z } from 'zod';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Company settings, one row per key in SQLite; every key has a default so a new data directory works. */
export const settingsSchema = z.object({
  companyName: z.string().trim().min(1).max(200).default('callscore demo'),
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone (e.g. Europe/Chisinau)').default('UTC'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code')
    .default('EUR'),
  /** Service level counts inbound calls answered within this many seconds. */
  serviceLevelSeconds: z.coerce.number().int().min(1).max(600).default(20),
  /** Days an operator has to acknowledge or dispute an evaluation. */
  disputeDays: z.coerce.number().int().min(0).max(365).default(7),
  /** Hours a login session lives without use. */
  sessionHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];
