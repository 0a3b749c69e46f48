import path from 'node:path';

/**
 * The lake: every table callscore keeps, written as Parquet under one folder that any number of
 * processes (and a center's own warehouse) read. A table of events is Hive-partitioned by the
 * month of its time in the company's zone (`calls/month=2026-10/part-0.parquet`); a table with no
 * time of its own (clients, products) is one file (`clients/part-0.parquet`).
 *
 * Each partition is exactly one file, replaced whole by a rename: a rename is atomic on one file
 * system, so a reader opens either the old file or the new one and never half of either.
 */

export type LakeSource = 'facts' | 'qa' | 'scorecards';

export interface LakeTable {
  /** The folder's name, also the table's name in DuckDB's store or the operational store. */
  readonly name: string;
  readonly source: LakeSource;
  /** Partitioned by month, or one file for the whole table. */
  readonly partitioned: boolean;
}

/** The facts, partitioned as the scoring reads them; the same columns as the analytical store. */
export const LAKE_FACT_TABLES: readonly LakeTable[] = [
  { name: 'calls', source: 'facts', partitioned: true },
  { name: 'orders', source: 'facts', partitioned: true },
  { name: 'debts', source: 'facts', partitioned: true },
  { name: 'transcripts', source: 'facts', partitioned: true },
  { name: 'transcript_segments', source: 'facts', partitioned: true },
  { name: 'operator_states', source: 'facts', partitioned: true },
  { name: 'clients', source: 'facts', partitioned: false },
  { name: 'products', source: 'facts', partitioned: false },
];

/**
 * The QA data at answer level, from the operational store (evaluations, their answers, comments
 * and disputes, claims, assessments, coaching sessions, the roster) and AutoQA's results and auto
 * evaluations from the analytical store; each partitioned by the month of its call or period in
 * the company's zone (docs/lake.md has every column).
 */
export const LAKE_QA_TABLES: readonly LakeTable[] = [
  { name: 'evaluations', source: 'qa', partitioned: true },
  { name: 'evaluation_answers', source: 'qa', partitioned: true },
  { name: 'evaluation_comments', source: 'qa', partitioned: true },
  { name: 'evaluation_disputes', source: 'qa', partitioned: true },
  { name: 'claims', source: 'qa', partitioned: true },
  { name: 'assessments', source: 'qa', partitioned: true },
  { name: 'coaching_sessions', source: 'qa', partitioned: true },
  { name: 'autoqa_results', source: 'qa', partitioned: true },
  { name: 'autoqa_evaluations', source: 'qa', partitioned: true },
  { name: 'teams', source: 'qa', partitioned: false },
  { name: 'operators', source: 'qa', partitioned: false },
];

/** Each month's scorecards: per operator the criteria and pay scoring computes for the month. */
export const LAKE_SCORECARD_TABLES: readonly LakeTable[] = [
  { name: 'scorecards', source: 'scorecards', partitioned: true },
];

export const LAKE_TABLES: readonly LakeTable[] = [
  ...LAKE_FACT_TABLES,
  ...LAKE_QA_TABLES,
  ...LAKE_SCORECARD_TABLES,
];

/**
 * The lake's tables that are tables of the analytical store too: a process answering from the
 * lake reads them as views over their Parquet under the same names.
 */
export const LAKE_ANALYTICS_TABLES: readonly string[] = [
  ...LAKE_FACT_TABLES.map((t) => t.name),
  'autoqa_results',
  'autoqa_evaluations',
];

/** What the writer keeps of each partition it wrote (its fingerprint), beside the tables. */
export const stateFile = (root: string): string => path.join(root, '_state.json');

/** A file being written: hidden, not `.parquet`, beside the one it will replace. */
export const tmpFileFor = (file: string, id: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${id}.tmp`);

/** A file a writer killed in the middle left behind (tmpFileFor's names). */
export const TMP_FILE = /^\..+\.tmp$/;

/** A partition's month key: `YYYY-MM`. */
export const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The folder of one table. */
export const tableDir = (root: string, table: string): string => path.join(root, table);

/** The one file of a partition (or of an unpartitioned table when `month` is null). */
export function partitionFile(root: string, table: string, month: string | null): string {
  if (month !== null && !MONTH_KEY.test(month)) throw new Error(`not a month key: ${month}`);
  return month === null
    ? path.join(root, table, 'part-0.parquet')
    : path.join(root, table, `month=${month}`, 'part-0.parquet');
}

/**
 * The glob a reader gives DuckDB or ClickHouse for a whole table. Files being written are named
 * `.part-0.parquet.<id>.tmp` beside the one they replace: hidden and not `.parquet`, so no glob
 * matches them.
 */
export function tableGlob(root: string, table: LakeTable): string {
  return table.partitioned
    ? path.join(root, table.name, 'month=*', '*.parquet')
    : path.join(root, table.name, '*.parquet');
}
