import { createRequire } from 'node:module';
import { type FactEngine, FactEngineError } from '../../../stores/facts.ts';
import { type ClickHouseQuery, clickhouseLakeEngine, parseJsonEachRow } from './clickhouse-lake.ts';

/** What this module uses of npm `chdb`. */
interface Chdb {
  queryBindAsync(sql: string, params: object, opts: { format: string }): Promise<{ text(): string }>;
}

/** npm `chdb`, loaded only when asked for: it is a native module some machines lack. */
export function loadChdb(): Chdb {
  try {
    return createRequire(import.meta.url)('chdb') as Chdb;
  } catch (e) {
    throw new FactEngineError(
      `the scoring engine chdb needs the npm package chdb (ClickHouse in the process), which does not load here: ${(e as Error).message.split('\n')[0]}`,
    );
  }
}

/**
 * The fact aggregates by ClickHouse embedded in this process (chdb) over the lake's files, read
 * with file(): no server, the lake's folder on this machine. chdb runs each query off the event
 * loop.
 */
export function chdbEngine(root: string): FactEngine {
  return clickhouseLakeEngine({
    name: 'chdb',
    root,
    reader: 'file',
    locate: (file) => file,
    query: chdbQuery(),
    close: async () => {},
  });
}

/** A query through chdb, its rows as JSONEachRow. */
export function chdbQuery(): ClickHouseQuery {
  const chdb = loadChdb();
  return async (sql, params) =>
    parseJsonEachRow((await chdb.queryBindAsync(sql, params, { format: 'JSONEachRow' })).text());
}
