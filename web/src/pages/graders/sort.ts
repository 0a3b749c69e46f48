import type { GraderRow } from '../../../../schemas/graders.ts';

/** The graders table's sortable columns, each a figure of GraderRow (the monitor's name apart). */
export const GRADER_SORTS = [
  'name',
  'evaluations',
  'medianGradingSeconds',
  'strictness',
  'referenceAgreement',
  'disputedShare',
  'revisedShare',
  'autoqaAgreement',
] as const;
export type GraderSort = (typeof GRADER_SORTS)[number];
export type Order = 'asc' | 'desc';

export const isGraderSort = (v: string | null): v is GraderSort =>
  v !== null && (GRADER_SORTS as readonly string[]).includes(v);

/**
 * The rows in the order asked for; a monitor without the figure (null) goes last either way, and
 * ties keep the monitors' names in order, so the table never reshuffles on equal figures.
 */
export function sortGraders(rows: readonly GraderRow[], sort: GraderSort, order: Order): GraderRow[] {
  const dir = order === 'asc' ? 1 : -1;
  const byName = (a: GraderRow, b: GraderRow) => a.displayName.localeCompare(b.displayName);
  return [...rows].sort((a, b) => {
    if (sort === 'name') return dir * byName(a, b);
    const x = a[sort];
    const y = b[sort];
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? byName(a, b) : dir * (x - y);
  });
}
