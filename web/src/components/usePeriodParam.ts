import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The month a page shows when the address names none it can show. The one place the default is
 * decided, so changing it (to the last complete month, say) changes every page at once.
 */
export function defaultMonth(months: readonly string[]): string | null {
  return months[0] ?? null;
}

export interface PeriodParamOptions {
  /** Also take a custom range, `?from=YYYY-MM-DD&to=YYYY-MM-DD` (to exclusive). */
  ranges?: boolean;
  /**
   * Which month the address may name: one of `months` ('listed'); also any well-formed one until
   * `months` arrive, so its figures are asked for at once ('until-listed'); any well-formed one
   * ('any': a plan may be written for a month that has no calls yet).
   */
  trust?: 'listed' | 'until-listed' | 'any';
}

export interface PeriodParam {
  /** The month shown; null for a custom range, or while it is not known yet. */
  period: string | null;
  /** The custom range shown (to exclusive), when `ranges` allows one and the address names it. */
  range: { from: string; to: string } | null;
  /** Shows a month: the address changes (a new history entry), a custom range and a page go. */
  setPeriod(month: string): void;
}

function pick(
  wanted: string | null,
  months: readonly string[] | undefined,
  trust: PeriodParamOptions['trust'],
) {
  const wellFormed = wanted !== null && MONTH.test(wanted);
  if (trust === 'any' && wellFormed) return wanted;
  if (!months) return trust === 'until-listed' && wellFormed ? wanted : null;
  return wanted !== null && months.includes(wanted) ? wanted : defaultMonth(months);
}

/**
 * The period of a page lives in the address (`?period=YYYY-MM`, or `?from=&to=` where ranges are
 * allowed), so a view can be bookmarked and shared. `months` are those the page can show, newest
 * first (undefined while they load); a missing or unknown month becomes defaultMonth's, and the
 * address is corrected to it in place.
 */
export function usePeriodParam(
  months: readonly string[] | undefined,
  { ranges = false, trust = 'listed' }: PeriodParamOptions = {},
): PeriodParam {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  const range = ranges && from && to && DATE.test(from) && DATE.test(to) && from < to ? { from, to } : null;
  const period = range ? null : pick(wanted, months, trust);
  const isRange = range !== null;

  useEffect(() => {
    if (isRange || period === null || period === wanted) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', period);
        return next;
      },
      { replace: true },
    );
  }, [isRange, period, wanted, setParams]);

  const setPeriod = useCallback(
    (month: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', month);
        for (const k of ['from', 'to', 'page']) next.delete(k);
        return next;
      }),
    [setParams],
  );

  return { period, range, setPeriod };
}
