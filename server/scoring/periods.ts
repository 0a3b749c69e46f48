import { monthRange } from '../../schemas/api.ts';
import { localDate, toInstant } from '../time.ts';

/** A half-open local date range `[from, to)`, and the calendar month it is, if it is one. */
export interface ScoringRange {
  from: string;
  to: string;
  /** `YYYY-MM` when the range is exactly one calendar month: only such a range is a pay period. */
  month: string | null;
}

export function rangeOf(q: { period?: string; from?: string; to?: string }): ScoringRange {
  if (q.period) return { ...monthRange(q.period), month: q.period };
  const from = q.from as string;
  const to = q.to as string;
  const month = from.slice(0, 7);
  return { from, to, month: monthRange(month).from === from && monthRange(month).to === to ? month : null };
}

/** How the range is named in a scorecard's `period`. */
export const periodLabel = (r: ScoringRange): string => r.month ?? `${r.from}..${r.to}`;

/** The instants (UTC ISO strings, as the operational store keeps times) that bound the range. */
export function instantBounds(r: ScoringRange, tz: string): { from: string; to: string } {
  return { from: toInstant(r.from, tz).toISOString(), to: toInstant(r.to, tz).toISOString() };
}

export const nextMonth = (month: string): string => monthRange(month).to.slice(0, 7);

/** The month (`YYYY-MM`) an instant falls in, in the company zone. */
export const monthOf = (isoInstant: string, tz: string): string =>
  localDate(new Date(isoInstant), tz).slice(0, 7);

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * The months a range overlaps, each with the share of its days the range covers. Norms and
 * targets are set per month; for another range they count in proportion to the days it covers.
 */
export function monthShares(r: ScoringRange): { month: string; share: number }[] {
  const out: { month: string; share: number }[] = [];
  for (let m = r.from.slice(0, 7); monthRange(m).from < r.to; m = nextMonth(m)) {
    const mr = monthRange(m);
    const from = [mr.from, r.from].sort()[1] as string; // the later start
    const to = [mr.to, r.to].sort()[0] as string; // the earlier end
    out.push({ month: m, share: days(from, to) / days(mr.from, mr.to) });
  }
  return out;
}
