import { localDate, toInstant } from '../../core/time.ts';
import { monthPeriod, monthRange, type Period, rangePeriod } from '../../schemas/period.ts';

/**
 * What the server does with a Period (schemas/period.ts): its instants in the company zone, the
 * periods before it, the months it overlaps. Local dates become instants only through
 * core/time.ts, so a period is cut the same way in SQLite, DuckDB and the pay rule.
 */

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The UTC instants bounding a period's local dates in `tz`, as ISO text with milliseconds and Z:
 * the form the operational store keeps times in, so SQLite compares them as text.
 */
export function periodInstants(p: Pick<Period, 'from' | 'to'>, tz: string): { from: string; to: string } {
  return { from: toInstant(p.from, tz).toISOString(), to: toInstant(p.to, tz).toISOString() };
}

/** The month (`YYYY-MM`) an instant falls in, in the company zone. */
export const monthOfInstant = (isoInstant: string, tz: string): string =>
  localDate(new Date(isoInstant), tz).slice(0, 7);

export const nextMonth = (month: string): string => monthRange(month).to.slice(0, 7);

export const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The period before `p`: the previous calendar month for a month, else the range of the same
 * number of days that ends where `p` starts.
 */
export function previousPeriod(p: Period): Period {
  if (p.month) return monthPeriod(previousMonth(p.month));
  const days = dayNumber(p.to) - dayNumber(p.from);
  return rangePeriod(dateOf(dayNumber(p.from) - days), p.from);
}

/** `count` consecutive periods ending with `p`, oldest first: a trend. */
export function trendPeriods(p: Period, count: number): Period[] {
  const out = [p];
  while (out.length < count) out.unshift(previousPeriod(out[0] as Period));
  return out;
}

/**
 * The months a period overlaps, each with the share of its days the period covers. Norms and
 * targets are set per month; for another range they count in proportion to the days it covers.
 */
export function monthShares(p: Period): { month: string; share: number }[] {
  const out: { month: string; share: number }[] = [];
  for (let m = p.from.slice(0, 7); monthRange(m).from < p.to; m = nextMonth(m)) {
    const mr = monthRange(m);
    const from = [mr.from, p.from].sort()[1] as string; // the later start
    const to = [mr.to, p.to].sort()[0] as string; // the earlier end
    out.push({
      month: m,
      share: (dayNumber(to) - dayNumber(from)) / (dayNumber(mr.to) - dayNumber(mr.from)),
    });
  }
  return out;
}

/**
 * The running month up to and including `today` (a local date in it): what the dashboard shows
 * for a month that has not ended, so its few days are not weighed against a whole month.
 */
export const monthToDate = (today: string): Period =>
  rangePeriod(`${today.slice(0, 7)}-01`, dateOf(dayNumber(today) + 1));

/**
 * The same days, `back` months before, of a month-to-date period (1–4 Dec → 1–4 Nov), cut at that
 * month's end (1–31 Mar → 1–28 Feb).
 */
export function sameDaysBefore(p: Period, back = 1): Period {
  let month = p.from.slice(0, 7);
  for (let i = 0; i < back; i++) month = previousMonth(month);
  const days = dayNumber(p.to) - dayNumber(p.from);
  const { from, to: end } = monthRange(month);
  return rangePeriod(from, dateOf(Math.min(dayNumber(from) + days, dayNumber(end))));
}

/** `count` month-to-date periods ending with `p`, oldest first: the same days of earlier months. */
export function monthToDateTrend(p: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? p : sameDaysBefore(p, count - 1 - i)));
}
