import { monthRange } from '../../schemas/api.ts';
import type { PeriodRef } from '../../schemas/dashboard.ts';
import { rangeOf } from '../scoring/periods.ts';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

const ref = (from: string, to: string): PeriodRef => {
  const r = rangeOf({ from, to });
  return { label: r.month ?? `${from}..${to}`, from, to, month: r.month };
};

/** The period a query names: a month, or a range of local dates (to exclusive). */
export function periodOf(q: { period?: string; from?: string; to?: string }): PeriodRef {
  if (q.period) return { label: q.period, ...monthRange(q.period), month: q.period };
  return ref(q.from as string, q.to as string);
}

/**
 * The period before `p`: the previous calendar month for a month, else the range of the same
 * number of days that ends where `p` starts.
 */
export function previousPeriod(p: PeriodRef): PeriodRef {
  if (p.month) {
    const m = previousMonth(p.month);
    return { label: m, ...monthRange(m), month: m };
  }
  const days = dayNumber(p.to) - dayNumber(p.from);
  return ref(dateOf(dayNumber(p.from) - days), p.from);
}

/** `count` consecutive periods ending with `p`, oldest first. */
export function trendPeriods(p: PeriodRef, count: number): PeriodRef[] {
  const out = [p];
  while (out.length < count) out.unshift(previousPeriod(out[0] as PeriodRef));
  return out;
}
