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
 * How a server reads the lake's file `file` (a path under `root`): from an http(s) prefix of object
 * storage with s3() (any S3-compatible store, MinIO included), or from a folder the server itself
 * sees with file() (it must be under the server's user_files_path).
 */
export function serverReader(
  root: string,
  lakeLocation: string,
): { reader: string; locate: (file: string) => string } {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  if (/^https?:\/\//.test(lakeLocation)) {
    const base = lakeLocation.replace(/\/+$/, '');
    return { reader: 's3', locate: (file) => `${base}/${relative(file)}` };
  }
  return { reader: 'file', locate: (file) => path.posix.join(lakeLocation, relative(file)) };
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
  return clickhouseLakeEngine({
    name: 'clickhouse',
    root,
    ...serverReader(root, lakeLocation),
    query: async (sql, params) => {
      const result = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
      return result.json<JsonRow>();
    },
    close: () => client.close(),
  });
}
