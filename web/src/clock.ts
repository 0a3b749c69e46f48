import { useMemo } from 'react';
import { localDate } from '../../core/time.ts';
import { useSession } from './auth/session.tsx';
import { useLocale } from './i18n/index.ts';

/**
 * Every instant on screen goes through here and is shown in the company time zone (the `timeZone`
 * setting), never the browser's: a claim received at 23:30 in Chisinau is on that Chisinau day
 * wherever the page is opened. A screen names the zone once, where its times are (`withZone`).
 */
export interface Clock {
  /** The IANA zone every time is shown in. */
  zone: string;
  /** `2026-10-03T11:05:00Z` → 3 Oct 2026, 14:05 */
  dateTime(iso: string | null): string;
  /** → 3 Oct 2026 */
  date(iso: string | null): string;
  /** → 3 Oct, 14:05 */
  short(iso: string | null): string;
  /** → 14:05 */
  time(iso: string | null): string;
  /** The company-zone calendar date (YYYY-MM-DD) of an instant. */
  day(instant: Date): string;
  /** `Finished` → `Finished (Europe/Chisinau)`: the label of a column or line of times. */
  withZone(label: string): string;
}

const EMPTY = '—';

/** A zone Intl knows, or UTC: a mistyped setting must not break every page. */
function knownZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

export function makeClock(locale: string, timeZone: string): Clock {
  const zone = knownZone(timeZone);
  const make = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...opts, timeZone: zone });
  const dateTime = make({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const date = make({ day: 'numeric', month: 'short', year: 'numeric' });
  const short = make({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const time = make({ hour: '2-digit', minute: '2-digit' });
  const show = (f: Intl.DateTimeFormat) => (iso: string | null) => (iso ? f.format(new Date(iso)) : EMPTY);
  return {
    zone,
    dateTime: show(dateTime),
    date: show(date),
    short: show(short),
    time: show(time),
    day: (instant) => localDate(instant, zone),
    withZone: (label) => `${label} (${zone})`,
  };
}

/** The clock of the signed-in user's language and the company's zone. */
export function useClock(): Clock {
  const { settings } = useSession();
  const locale = useLocale();
  return useMemo(() => makeClock(locale, settings.timeZone), [locale, settings.timeZone]);
}
