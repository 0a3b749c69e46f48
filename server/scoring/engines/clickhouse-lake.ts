import type { JsonRow } from '../../../stores/duckdb.ts';
import type { FactEngine, FactEngineName, FactRange } from '../../../stores/facts.ts';
import { callCriteriaSql } from '../clickhouse/call-criteria.sql.ts';
import { contactKpisSql } from '../clickhouse/contact-kpis.sql.ts';
import { orderCriteriaSql } from '../clickhouse/order-criteria.sql.ts';
import { fileParam, lakeTable, type TableSources } from '../clickhouse/tables.sql.ts';
import { lakeFilesFor, SCORED_TABLES } from './lake-files.ts';

/** Runs one ClickHouse query with its `{name:Type}` parameters bound, its rows as JSONEachRow. */
export type ClickHouseQuery = (sql: string, params: Record<string, string | number>) => Promise<JsonRow[]>;

export interface ClickHouseLake {
  name: FactEngineName;
  /** The lake folder on this machine: which partitions a range needs. */
  root: string;
  /** The table function that reads one file: `file` (chdb), `s3` or `url` (a server). */
  reader: string;
  /** Where the ClickHouse engine finds a file of `root` (its path, or its URL). */
  locate(file: string): string;
  query: ClickHouseQuery;
  close(): Promise<void>;
}

/**
 * The fact aggregates in ClickHouse SQL over the lake's Parquet, however ClickHouse is reached:
 * the files a range needs are chosen here, their locations bound as parameters.
 */
export function clickhouseLakeEngine(lake: ClickHouseLake): FactEngine {
  const run = (sqlOf: (t: TableSources) => string, range: FactRange, extra: Record<string, number> = {}) => {
    const files = lakeFilesFor(lake.root, range);
    const params: Record<string, string | number> = {
      tz: range.tz,
      from: range.from,
      to: range.to,
      ...extra,
    };
    const sources = {} as TableSources;
    for (const t of SCORED_TABLES) {
      sources[t] = lakeTable(t, files[t].length, lake.reader);
      files[t].forEach((f, i) => {
        params[fileParam(t, i)] = lake.locate(f);
      });
    }
    return lake.query(sqlOf(sources), params);
  };
  return {
    name: lake.name,
    callCriteria: (r) => run(callCriteriaSql, r),
    orderCriteria: (r) => run(orderCriteriaSql, r),
    contactKpis: (r, sl) => run(contactKpisSql, r, { sl }),
    close: () => lake.close(),
  };
}

/** JSONEachRow's text as rows. */
export const parseJsonEachRow = (text: string): JsonRow[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonRow);
