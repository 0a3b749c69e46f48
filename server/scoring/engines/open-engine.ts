import { existsSync } from 'node:fs';
import { type FactEngine, FactEngineError, type FactEngineName } from '../../../stores/facts.ts';
import { lakeMonths } from './lake-files.ts';

/** The scoring engine's configuration (server/config.ts reads it from the environment). */
export interface FactEngineConfig {
  engine: FactEngineName;
  /** The lake folder on this machine. */
  lakeDir: string;
  /** A ClickHouse server's HTTP URL (`clickhouse`). */
  clickhouseUrl?: string;
  /** Where that server reads the lake: an http(s) prefix (s3()) or its own path; `lakeDir` by default. */
  clickhouseLake?: string;
}

/**
 * The fact engine a configuration names, checked before anything is scored with it: the lake
 * must hold calls, chdb must load, the server must answer. `duckdb` is the analytics store itself
 * (undefined: scoring reads it by default).
 */
export async function openFactEngine(config: FactEngineConfig): Promise<FactEngine | undefined> {
  if (config.engine === 'duckdb') return undefined;
  if (!existsSync(config.lakeDir) || lakeMonths(config.lakeDir, 'calls').length === 0) {
    throw new FactEngineError(
      `the scoring engine ${config.engine} reads the Parquet lake at ${config.lakeDir} (CALLSCORE_LAKE_DIR), ` +
        'which holds no calls partition: write the lake first, or set CALLSCORE_SCORING_ENGINE=duckdb',
    );
  }
  switch (config.engine) {
    case 'lake': {
      const { duckdbLakeEngine } = await import('./duckdb-lake.ts');
      return duckdbLakeEngine(config.lakeDir);
    }
    case 'chdb': {
      const { chdbEngine } = await import('./chdb.ts');
      return chdbEngine(config.lakeDir);
    }
    case 'clickhouse': {
      if (!config.clickhouseUrl) {
        throw new FactEngineError(
          "the scoring engine clickhouse needs the ClickHouse server's URL in CALLSCORE_CLICKHOUSE_URL (e.g. http://user:password@host:8123)",
        );
      }
      const { clickhouseServerEngine } = await import('./clickhouse-server.ts');
      return clickhouseServerEngine(
        config.clickhouseUrl,
        config.lakeDir,
        config.clickhouseLake ?? config.lakeDir,
      );
    }
  }
}
