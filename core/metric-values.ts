import type { MetricDef } from '../schemas/criteria.ts';
import type { Scorecard } from '../schemas/scorecard.ts';

/** What an operator's figures are read from: a scorecard row, or a ranking entry (a row without its explanation). */
export interface OperatorFigures {
  scorecard: Scorecard;
}

/** A number of the scorecard, else of the row beside it (`asa`, `evaluations`); null when absent. */
export function figure(r: OperatorFigures, key: string): number | null {
  const s = r.scorecard as unknown as Record<string, unknown>;
  const v = Object.hasOwn(s, key) ? s[key] : (r as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
}

/**
 * An operator's value of a metric. A derived metric is its ratio for the one operator, unrounded,
 * and null when the denominator is null or 0 (no norm).
 */
export function metricValue(m: MetricDef, r: OperatorFigures): number | null {
  if (m.source !== 'derived') return figure(r, m.key);
  if (m.rollup.kind !== 'ratioOfSums') throw new Error(`derived metric ${m.key} needs a ratioOfSums rollup`);
  const den = figure(r, m.rollup.denominator);
  const num = figure(r, m.rollup.numerator);
  return den && num !== null ? num / den : null;
}
