import type { JsonRow } from './duckdb.ts';

/**
 * Where scoring reads its fact aggregates from (docs/clickhouse.md): the DuckDB file as written by
 * the importer, DuckDB over the Parquet lake, ClickHouse embedded (chdb) over the lake, or a
 * ClickHouse server. Every engine answers the same questions with the same rows, so a scorecard
 * does not depend on which one was asked.
 */
export const FACT_ENGINES = ['duckdb', 'lake', 'chdb', 'clickhouse'] as const;
export type FactEngineName = (typeof FACT_ENGINES)[number];

/** A range of local dates `[from, to)` in the zone `tz`, as scoring asks for it. */
export interface FactRange {
  tz: string;
  from: string;
  to: string;
}

/**
 * The fact aggregates of a range. Rows carry the columns of the DuckDB query modules
 * (server/scoring/queries/): integers may come as strings, read them with `num`.
 */
export interface FactEngine {
  readonly name: FactEngineName;
  /** Per operator: handled, tasks, aht_s, asa_s. */
  callCriteria(range: FactRange): Promise<JsonRow[]>;
  /** Per operator: accepted, the error counts, kept, revenue (minor units), offered_known, upsold. */
  orderCriteria(range: FactRange): Promise<JsonRow[]>;
  /** By queue, operator and overall (grain, key): the contact-center KPIs' parts. */
  contactKpis(range: FactRange, serviceLevelSeconds: number): Promise<JsonRow[]>;
  close(): Promise<void>;
}

/** The configured engine lacks what it needs (no lake, chdb missing, the server unreachable). */
export class FactEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FactEngineError';
  }
}
