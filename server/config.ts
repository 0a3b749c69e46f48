import path from 'node:path';
import { z } from 'zod';
import { FACT_ENGINES } from '../stores/facts.ts';
import type { FactEngineConfig } from './scoring/engines/open-engine.ts';

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
  /** The Parquet lake's folder (docs/lake.md): set, the importing process keeps it in sync. */
  CALLSCORE_LAKE_DIR: z.string().min(1).optional(),
  /** Minutes between the server's checks for sampling rules due. */
  CALLSCORE_SAMPLING_MINUTES: z.coerce.number().int().min(1).max(1440).optional(),
  /** Where scoring reads the fact aggregates from (docs/clickhouse.md). */
  CALLSCORE_SCORING_ENGINE: z.enum(FACT_ENGINES).optional(),
  /** A ClickHouse server's HTTP URL, for the engine `clickhouse`. */
  CALLSCORE_CLICKHOUSE_URL: z.string().url().optional(),
  /** Where that server reads the lake (an http(s) prefix of object storage, or its own path). */
  CALLSCORE_CLICKHOUSE_LAKE: z.string().min(1).optional(),
});

export const env = Object.freeze(envSchema.parse(process.env));

export const DEFAULT_PORT = 8080;

export function resolveDataDir(flag: string | undefined): string {
  return path.resolve(flag ?? env.CALLSCORE_DATA ?? 'data');
}

/** The lake's folder when no flag names one: CALLSCORE_LAKE_DIR, else `lake` in the data directory. */
export const defaultLakeDir = (dataDir: string): string =>
  path.resolve(env.CALLSCORE_LAKE_DIR ?? path.join(dataDir, 'lake'));

/** The scoring engine of a data directory, from the environment: the analytics store by default. */
export const factEngineConfig = (dataDir: string): FactEngineConfig => ({
  engine: env.CALLSCORE_SCORING_ENGINE ?? 'duckdb',
  lakeDir: defaultLakeDir(dataDir),
  clickhouseUrl: env.CALLSCORE_CLICKHOUSE_URL,
  clickhouseLake: env.CALLSCORE_CLICKHOUSE_LAKE,
});
