import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { lastCompleteMonth } from '../../../core/time.ts';
import { useMe } from '../api/hooks.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The month a page shows when the address names none it can show: the newest of `months` (newest
 * first) that has ended in the company zone, so one call imported on the 1st does not make a month
 * of one day the default of every page. The running month stays selectable; it is the default only
 * when it is the only month there is. The one place the default is decided.
 */
export function defaultMonth(
  months: readonly string[],
  timeZone: string,
  now: Date = new Date(),
): string | null {
  const ended = lastCompleteMonth(now, timeZone);
  return months.find((m) => m <= ended) ?? months[0] ?? null;
}

/** The company time zone, which decides which month has ended (undefined until it is known). */
export function useCompanyTimeZone(): string | undefined {
  return useMe().data?.settings.timeZone;
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
  timeZone: string,
) {
  const wellFormed = wanted !== null && MONTH.test(wanted);
  if (trust === 'any' && wellFormed) return wanted;
  if (!months) return trust === 'until-listed' && wellFormed ? wanted : null;
  return wanted !== null && months.includes(wanted) ? wanted : defaultMonth(months, timeZone);
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
  const timeZone = useCompanyTimeZone();
  const wanted = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  const range = ranges && from && to && DATE.test(from) && DATE.test(to) && from < to ? { from, to } : null;
  // Until the company zone is known no month can be told to have ended: the months wait for it, so
  // the address is never corrected to a default decided in the wrong zone.
  const period = range ? null : pick(wanted, timeZone ? months : undefined, trust, timeZone ?? 'UTC');
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
