import type { Unit } from '../../schemas/criteria.ts';
import type { Formatters } from './format.ts';
import type { MessageKey, Translate } from './i18n/index.ts';

/**
 * The one way a metric's value is written, keyed by the unit its declaration gives it
 * (schemas/criteria.ts), so a quality score or a rate reads the same on a tile, in the ranking, on
 * the operator's scorecard, in a chart's tooltip and on a trend. The pay figures shown beside the
 * metrics (the coefficient, money in minor units) are formatted here too.
 */
export type ValueFormat = Unit | 'coefficient' | 'money';

/**
 * Where the value is shown. `cell`: a table cell or a tooltip, every digit the quantity has.
 * `figure`: a tile's or a bar's figure, the same but money shortened (499.9K €). `axis`: a chart's
 * tick, whole units (a small chart has no room for decimals).
 */
export type Place = 'cell' | 'figure' | 'axis';

/** Decimals of the quantities written with decimals: percent digits of a ratio, points of a score. */
const DECIMALS = { ratio: 1, score: 1, coefficient: 4 } as const;
const AXIS_DECIMALS = { ratio: 0, score: 0, coefficient: 2 } as const;

export function formatValue(v: number, format: ValueFormat, f: Formatters, place: Place = 'cell'): string {
  const digits = place === 'axis' ? AXIS_DECIMALS : DECIMALS;
  switch (format) {
    case 'count':
      return f.integer(v);
    case 'ratio':
      return f.percent(v, digits.ratio);
    case 'score':
      return f.decimal(v, digits.score);
    case 'coefficient':
      return f.decimal(v, digits.coefficient);
    case 'seconds':
      return f.duration(v);
    case 'money':
      return place === 'cell' ? f.money(v) : f.moneyCompact(v);
  }
}

/** A value that may be missing: null says what the metric's declaration says null means. */
export function formatMaybe(
  v: number | null,
  format: ValueFormat,
  f: Formatters,
  t: Translate,
  whenNull: MessageKey = 'kpi.none',
  place: Place = 'cell',
): string {
  return v === null ? t(whenNull) : formatValue(v, format, f, place);
}

/** The smallest change each format prints: a tenth of a percentage point or of a point, a second… */
const STEP: Readonly<Record<ValueFormat, number>> = {
  count: 1,
  ratio: 10 ** -(DECIMALS.ratio + 2),
  score: 10 ** -DECIMALS.score,
  coefficient: 10 ** -DECIMALS.coefficient,
  seconds: 1,
  // Minor units: one major unit of a two-digit currency, the step of the shortened amount.
  money: 100,
};

/**
 * The change as it is shown: rounded to the step its format prints, so that a change too small to
 * print is no change at all rather than a red "+0:00".
 */
export function shownChange(d: number, format: ValueFormat): number {
  const step = STEP[format];
  const r = Math.round(Math.abs(d) / step) * step;
  return r === 0 ? 0 : Math.sign(d) * r;
}

/** The change from the previous period, in the figure's own unit (percentage points for ratios). */
export function formatChange(d: number, format: ValueFormat, f: Formatters, t: Translate): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  switch (format) {
    case 'ratio':
      return t('tile.change.points', { sign, value: f.decimal(abs * 100, DECIMALS.ratio) });
    case 'score':
      return t('tile.change.points', { sign, value: f.decimal(abs, DECIMALS.score) });
    case 'money':
      return `${sign}${f.moneyCompact(abs)}`;
    default:
      return `${sign}${formatValue(abs, format, f)}`;
  }
}
