import { existsSync, readdirSync } from 'node:fs';
import { MONTH_KEY, partitionFile, tableDir } from '../../../stores/lake/layout.ts';

/** The lake tables scoring reads, with the columns it reads of each (DuckDB types). */
export const SCORED_COLUMNS = {
  calls: {
    call_id: 'VARCHAR',
    started_at: 'TIMESTAMPTZ',
    queued_at: 'TIMESTAMPTZ',
    answered_at: 'TIMESTAMPTZ',
    direction: 'VARCHAR',
    operator_id: 'VARCHAR',
    queue: 'VARCHAR',
    outcome: 'VARCHAR',
    talk_s: 'DOUBLE',
    hold_s: 'DOUBLE',
    wrap_s: 'DOUBLE',
  },
  orders: {
    operator_id: 'VARCHAR',
    client_id: 'VARCHAR',
    created_at: 'TIMESTAMPTZ',
    status: 'VARCHAR',
    total: 'BIGINT',
    offered_items: 'INTEGER',
    error_code: 'VARCHAR',
  },
  debts: {
    client_id: 'VARCHAR',
    as_of: 'TIMESTAMPTZ',
    balance: 'BIGINT',
    credit_limit: 'BIGINT',
    overdue_amount: 'BIGINT',
  },
  clients: { client_id: 'VARCHAR', type: 'VARCHAR', manager_id: 'VARCHAR' },
} as const;

export type ScoredTable = keyof typeof SCORED_COLUMNS;
export type ColumnType = (typeof SCORED_COLUMNS)[ScoredTable][keyof (typeof SCORED_COLUMNS)[ScoredTable]];
export const SCORED_TABLES = Object.keys(SCORED_COLUMNS) as ScoredTable[];

/** Each scored table's partition files that a range needs: an empty list is an empty table. */
export type LakeFiles = Record<ScoredTable, string[]>;

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The months of the lake's partitions of a table, in order. */
export function lakeMonths(root: string, table: string): string[] {
  const dir = tableDir(root, table);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => d.startsWith('month='))
    .map((d) => d.slice('month='.length))
    .filter((m) => MONTH_KEY.test(m) && existsSync(partitionFile(root, table, m)))
    .sort();
}

/**
 * The files a range `[from, to)` of local dates reads. Partitions are months of the company's zone;
 * the range's zone may be another, so the month on each side comes too (a day's offset never
 * reaches further) and the query's own time predicate keeps exactly the range. A debt snapshot
 * counts until the next one, however old: every debt partition up to the range's end is read.
 */
export function lakeFilesFor(root: string, range: { from: string; to: string }): LakeFiles {
  const first = addMonths(range.from.slice(0, 7), -1);
  // `to` is excluded: the range's last day is the day before it.
  const lastDay = new Date(Date.parse(`${range.to}T00:00:00Z`) - 86_400_000).toISOString();
  const last = addMonths(lastDay.slice(0, 7), 1);
  const within = (table: string, lo: string | null) =>
    lakeMonths(root, table)
      .filter((m) => (lo === null || m >= lo) && m <= last)
      .map((m) => partitionFile(root, table, m));
  const whole = partitionFile(root, 'clients', null);
  return {
    calls: within('calls', first),
    orders: within('orders', first),
    debts: within('debts', null),
    clients: existsSync(whole) ? [whole] : [],
  };
}
