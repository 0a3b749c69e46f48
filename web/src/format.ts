import { useMe } from './api/hooks.ts';
import { useLocale } from './i18n/index.ts';

/**
 * Every number, amount and date on screen goes through here, so a language change or a company
 * currency changes all of them at once. Intl objects are built once per locale and currency.
 */
/** An amount and its currency sign apart, so the sign can be set smaller (components/Money.tsx). */
export interface MoneyParts {
  amount: string;
  currency: string;
  currencyFirst: boolean;
}

export interface Formatters {
  locale: string;
  currency: string;
  /** 12 345 */
  integer(n: number): string;
  /** 1.25 */
  decimal(n: number, digits?: number): string;
  /** 0.1234 → 12.3% */
  percent(ratio: number, digits?: number): string;
  /** Integer minor units (cents) → 1 234.50 € in the company currency. */
  money(minor: number): string;
  /** Like money() without the minor part. */
  moneyRounded(minor: number): string;
  /** Short form for tiles: 499.9M MDL in the locale's style; whole units below a million. */
  moneyCompact(minor: number): string;
  /** moneyCompact() split into the amount and the currency sign, so the sign can be set smaller. */
  moneyCompactParts(minor: number): MoneyParts;
  /** money() split the same way: a tile in a view whose other amounts show their minor part. */
  moneyParts(minor: number): MoneyParts;
  /** Seconds → m:ss, or h:mm:ss from an hour on. */
  duration(seconds: number): string;
  /** `2026-10` → October 2026. */
  period(p: string): string;
  /** `2026-10-03` → 3 Oct. */
  dayShort(date: string): string;
  /** `2026-10-03` → Saturday, 3 October 2026. */
  dayLong(date: string): string;
  /** A span of days, `to` exclusive as the API gives it: `2026-12-01`, `2026-12-05` → 1–4 Dec. */
  dayRange(from: string, to: string): string;
  /**
   * The step, in minor units, to which moneyCompact() rounds an amount of this size: a whole unit
   * below a million, a tenth of the compact unit above. Parts shown beside a compact total are
   * rounded to the total's step, so they can add up to it (core/rounded-parts.ts).
   */
  moneyCompactStep(minor: number): number;
  /** Minor units per whole unit of the currency (100 for MDL, 1 for JPY). */
  moneyScale: number;
}

/**
 * Every number format shows no sign on zero: -0, or an amount that rounds to zero (−0.004), would
 * print "-0" or "− 0 MDL", a loss of nothing.
 */
const NO_NEGATIVE_ZERO = { signDisplay: 'negative' } as const;

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

const DAY_MS = 86_400_000;

/** A calendar date or month read as UTC midnight, so the time zone of the browser cannot shift it. */
function utcDate(isoDate: string): Date {
  const [y = 1970, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function safeCurrencyFormat(locale: string, currency: string, digits: number): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...NO_NEGATIVE_ZERO,
    });
  } catch {
    // An unknown code still shows the amount, with the code beside it.
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...NO_NEGATIVE_ZERO,
    });
  }
}

export function makeFormatters(locale: string, currency: string): Formatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, ...NO_NEGATIVE_ZERO });
  const decimals = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const digits = currencyDigits(currency);
  const scale = 10 ** digits;
  const money = safeCurrencyFormat(locale, currency, digits);
  const moneyRounded = safeCurrencyFormat(locale, currency, 0);
  const knownCurrency = money.resolvedOptions().style === 'currency';
  let compactMoney: Intl.NumberFormat;
  try {
    compactMoney = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
      ...NO_NEGATIVE_ZERO,
    });
  } catch {
    compactMoney = new Intl.NumberFormat(locale, {
      notation: 'compact',
      maximumFractionDigits: 1,
      ...NO_NEGATIVE_ZERO,
    });
  }
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayShort = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dayLong = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const cached = (map: Map<number, Intl.NumberFormat>, key: number, make: () => Intl.NumberFormat) => {
    let f = map.get(key);
    if (!f) {
      f = make();
      map.set(key, f);
    }
    return f;
  };
  const withCode = (s: string) => (knownCurrency ? s : `${s} ${currency}`);
  const split = (parts: Intl.NumberFormatPart[]): MoneyParts => {
    const at = parts.findIndex((p) => p.type === 'currency');
    const amount = parts
      .filter((p) => p.type !== 'currency')
      .map((p) => p.value)
      .join('')
      .trim();
    if (at < 0) return { amount, currency, currencyFirst: false };
    return { amount, currency: parts[at]?.value ?? currency, currencyFirst: at === 0 };
  };
  const compactFormat = (minor: number) =>
    Math.abs(minor / scale) < 1_000_000 ? moneyRounded : compactMoney;
  const compactValue = (minor: number) =>
    Math.abs(minor / scale) < 1_000_000 ? Math.round(minor / scale) : minor / scale;
  const compactStep = (minor: number) => {
    const units = Math.abs(minor / scale);
    if (units < 1_000_000) return scale;
    // Compact notation counts in thousands (million, billion, …) and shows one decimal of them.
    const group = Math.floor(Math.log10(units) / 3) * 3;
    return 10 ** (group - 1) * scale;
  };

  return {
    locale,
    currency,
    integer: (n) => integer.format(n),
    decimal: (n, d = 2) =>
      cached(
        decimals,
        d,
        () =>
          new Intl.NumberFormat(locale, {
            minimumFractionDigits: d,
            maximumFractionDigits: d,
            ...NO_NEGATIVE_ZERO,
          }),
      ).format(n),
    percent: (ratio, d = 1) =>
      cached(
        percents,
        d,
        () =>
          new Intl.NumberFormat(locale, {
            style: 'percent',
            minimumFractionDigits: d,
            maximumFractionDigits: d,
            ...NO_NEGATIVE_ZERO,
          }),
      ).format(ratio),
    money: (minor) => withCode(money.format(minor / scale)),
    moneyRounded: (minor) => withCode(moneyRounded.format(Math.round(minor / scale))),
    moneyCompact: (minor) => withCode(compactFormat(minor).format(compactValue(minor))),
    moneyCompactParts: (minor) => split(compactFormat(minor).formatToParts(compactValue(minor))),
    moneyParts: (minor) => split(money.formatToParts(minor / scale)),
    duration: (seconds) => {
      const total = Math.max(0, Math.round(seconds));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = String(total % 60).padStart(2, '0');
      return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
    },
    period: (p) => month.format(utcDate(`${p}-01`)),
    dayShort: (date) => dayShort.format(utcDate(date)),
    dayLong: (date) => dayLong.format(utcDate(date)),
    dayRange: (from, to) =>
      dayShort.formatRange(
        utcDate(from),
        new Date(Math.max(utcDate(from).getTime(), utcDate(to).getTime() - DAY_MS)),
      ),
    moneyCompactStep: compactStep,
    moneyScale: scale,
  };
}

const FALLBACK_CURRENCY = 'EUR';

/**
 * One set of formatters per language and currency for the whole app: building the Intl objects
 * is slow (milliseconds each), and every component that shows a figure asks for them.
 */
const shared = new Map<string, Formatters>();

function sharedFormatters(locale: string, currency: string): Formatters {
  const key = `${locale}|${currency}`;
  let f = shared.get(key);
  if (!f) {
    f = makeFormatters(locale, currency);
    shared.set(key, f);
  }
  return f;
}

/** Formatters for the current language and the company currency of `GET /api/auth/me`. */
export function useFormat(): Formatters {
  const locale = useLocale();
  const currency = useMe().data?.settings.currency ?? FALLBACK_CURRENCY;
  return sharedFormatters(locale, currency);
}
