import {
  DEDUCTION_KEYS,
  joinFlags,
  METRICS,
  type MetricDef,
  RANKING_COLUMNS,
} from '../../schemas/criteria.ts';
import type { ScorecardRow } from '../../schemas/scorecard.ts';
import { arrowStream, type Column } from '../arrow.ts';

/** One ranking row: the scorecard without its explanation, with who the operator is. */
export interface RankingRow {
  operatorId: string;
  name: string;
  teamId: string;
  teamName: string;
  department: string | null;
  [key: string]: string | number | null;
}

/** The figures of a ranking row: the metrics an operator has (derived ones are computed where shown), the pay. */
const numbersOf = (metrics: readonly MetricDef[]) => [
  ...metrics.filter((m) => m.source === 'scorecard' || m.source === 'row').map((m) => m.key),
  'coefficient',
  'variableBase',
  'payout',
  'adjustment',
];

/** The names of the ranking's number columns: the figures, then one `deduction_<key>` per deduction. */
export const rankingNumberColumns = (metrics: readonly MetricDef[] = METRICS): string[] => [
  ...numbersOf(metrics),
  ...DEDUCTION_KEYS.map(RANKING_COLUMNS.deduction),
];

/** The ranking table's rows: every criterion, each deduction and the pay, flat. */
export function rankingRows(
  rows: readonly ScorecardRow[],
  metrics: readonly MetricDef[] = METRICS,
): RankingRow[] {
  const numbers = numbersOf(metrics);
  return rows.map((r) => {
    const s: Record<string, number | null> = {
      ...(r.scorecard as unknown as Record<string, number | null>),
      asa: r.asa,
    };
    const out: RankingRow = {
      operatorId: r.scorecard.operatorId,
      name: r.name,
      teamId: r.teamId,
      teamName: r.teamName,
      department: r.department,
      currency: r.scorecard.currency,
      [RANKING_COLUMNS.flags]: joinFlags(r.scorecard.flags),
    };
    for (const k of numbers) out[k] = s[k] ?? null;
    for (const d of DEDUCTION_KEYS) out[RANKING_COLUMNS.deduction(d)] = r.scorecard.deductions[d];
    return out;
  });
}

/** Text that repeats from row to row: sent once per distinct value, as a dictionary. */
const LABELS = ['teamId', 'teamName', 'department', 'currency', RANKING_COLUMNS.flags];

/**
 * The same rows as Arrow IPC: typed columns for the big table in the web app. Repeating text is
 * dictionary-encoded and numbers are small scaled integers where that is exact (arrow.ts), which
 * makes the body a third of its Float64 and plain-text size.
 */
export function rankingArrow(
  rows: readonly RankingRow[],
  metrics: readonly MetricDef[] = METRICS,
): Uint8Array {
  const text = (name: string) => rows.map((r) => (r[name] ?? null) as string | null);
  const numbers = rankingNumberColumns(metrics);
  const columns: Column[] = [
    { name: 'operatorId', type: 'text', values: text('operatorId') },
    { name: 'name', type: 'text', values: text('name') },
    ...LABELS.map((name): Column => ({ name, type: 'label', values: text(name) })),
    ...numbers.map(
      (name): Column => ({
        name,
        type: 'number',
        values: rows.map((r) => (r[name] ?? null) as number | null),
      }),
    ),
  ];
  return arrowStream(columns);
}
