import path from 'node:path';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { JsonRow } from '../../../stores/duckdb.ts';
import { type FactEngine, FactEngineError } from '../../../stores/facts.ts';
import { clickhouseLakeEngine } from './clickhouse-lake.ts';

/** A URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}

/**
 * Where the server reads the lake: an http(s) prefix of object storage is read with s3() (any
 * S3-compatible store, MinIO included); anything else is a folder the server itself sees, read
 * with file() (it must be under the server's user_files_path).
 */
export function serverReader(lakeLocation: string): { reader: string; locate: (relative: string) => string } {
  if (/^https?:\/\//.test(lakeLocation)) {
    const base = lakeLocation.replace(/\/+$/, '');
    return { reader: 's3', locate: (relative) => `${base}/${relative.split(path.sep).join('/')}` };
  }
  return {
    reader: 'file',
    locate: (relative) => path.posix.join(lakeLocation, relative.split(path.sep).join('/')),
  };
}

/**
 * The fact aggregates by a ClickHouse server (@clickhouse/client over HTTP) reading the same lake:
 * the partitions a range needs are listed in the lake folder on this machine (`root`), and the
 * server reads each at `lakeLocation` plus its path in the lake.
 */
export async function clickhouseServerEngine(
  url: string,
  root: string,
  lakeLocation: string,
): Promise<FactEngine> {
  // Its own log would print each failure a second time: the caller reports it.
  const client = createClient({ url, request_timeout: 600_000, log: { level: ClickHouseLogLevel.OFF } });
  const ping = await client.ping();
  if (!ping.success) {
    await client.close();
    throw new FactEngineError(
      `the scoring engine clickhouse cannot reach the ClickHouse server at ${redactUrl(url)} (CALLSCORE_CLICKHOUSE_URL): ${ping.error.message}`,
    );
  }
  const { reader, locate } = serverReader(lakeLocation);
  return clickhouseLakeEngine({
    name: 'clickhouse',
    root,
    reader,
    locate: (file) => locate(path.relative(root, file)),
    query: async (sql, params) => {
      const result = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
      return result.json<JsonRow>();
    },
    close: () => client.close(),
  });
}
