import path from 'node:path';
import { z } from 'zod';

/**
 * The environment, read once. Nothing else in the project reads process.env: command-line flags
 * win over these, and these over the defaults.
 */
const envSchema = z.object({
  CALLSCORE_DATA: z.string().min(1).optional(),
  /** The operational store on PostgreSQL (`postgres://user:password@host:5432/db`); unset: SQLite in the data directory. */
  CALLSCORE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'CALLSCORE_DATABASE_URL must be a postgres:// URL')
    .optional(),
  /** Connections in the PostgreSQL pool of each process. */
  CALLSCORE_DATABASE_POOL: z.coerce.number().int().min(1).max(500).optional(),
  CALLSCORE_PASSWORD: z.string().min(1).optional(),
  CALLSCORE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Minutes between the server's checks for sampling rules due. */
  CALLSCORE_SAMPLING_MINUTES: z.coerce.number().int().min(1).max(1440).optional(),
});

export const env = Object.freeze(envSchema.parse(process.env));

export const DEFAULT_PORT = 8080;

export function resolveDataDir(flag: string | undefined): string {
  return path.resolve(flag ?? env.CALLSCORE_DATA ?? 'data');
}
