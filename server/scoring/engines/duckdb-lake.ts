import { DuckDBInstance, type DuckDBType, LIST, VARCHAR } from '@duckdb/node-api';
import { type JsonRow, MEMORY_LIMIT, type Params, textList } from '../../../stores/duckdb.ts';
import type { FactEngine, FactRange } from '../../../stores/facts.ts';
import { CALL_CRITERIA_SQL } from '../queries/call-criteria.sql.ts';
import { CONTACT_KPIS_SQL } from '../queries/contact-kpis.sql.ts';
import { filesParam, overLake } from '../queries/lake-tables.sql.ts';
import { ORDER_CRITERIA_SQL } from '../queries/order-criteria.sql.ts';
import { lakeFilesFor, SCORED_TABLES, type ScoredTable } from './lake-files.ts';

/**
 * The fact aggregates from the Parquet lake through an in-memory DuckDB of this process: the same
 * query modules as the analytics store, so the two can only differ by what the files hold. Any
 * number of processes may read the lake at once; none holds the analytics store's lock.
 */
export async function duckdbLakeEngine(root: string): Promise<FactEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  await setup.run(`SET memory_limit = '${MEMORY_LIMIT}'`);
  setup.closeSync();

  const run = async (sql: string, range: FactRange, extra: Params = {}) => {
    const files = lakeFilesFor(root, range);
    const present = new Set<ScoredTable>(SCORED_TABLES.filter((t) => files[t].length > 0));
    const params: Params = { tz: range.tz, from: range.from, to: range.to, ...extra };
    const types: Record<string, DuckDBType> = {};
    for (const t of present) {
      params[filesParam(t)] = textList(files[t]);
      types[filesParam(t)] = LIST(VARCHAR);
    }
    const c = await instance.connect();
    try {
      const reader = await c.runAndReadAll(overLake(sql, present), params, types);
      return reader.getRowObjectsJson() as JsonRow[];
    } finally {
      c.closeSync();
    }
  };
  return {
    name: 'lake',
    callCriteria: (r) => run(CALL_CRITERIA_SQL, r),
    orderCriteria: (r) => run(ORDER_CRITERIA_SQL, r),
    contactKpis: (r, sl) => run(CONTACT_KPIS_SQL, r, { sl }),
    close: async () => instance.closeSync(),
  };
}
