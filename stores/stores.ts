import type { Analytics } from './duckdb.ts';
import type { FactEngine } from './facts.ts';
import type { Db } from './sqlite.ts';

/**
 * The two stores of a data directory, open: what the importer loads into and what scoring and
 * every service that joins facts with operational records read.
 */
export interface Stores {
  db: Db;
  analytics: Analytics;
  /** Where the fact aggregates of scoring come from; the analytics store itself when absent. */
  facts?: FactEngine;
}
