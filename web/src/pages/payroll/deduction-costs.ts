import { roundedParts } from '../../../../core/rounded-parts.ts';
import type { DeductionKey } from '../../../../schemas/criteria.ts';
import type { ScorecardRow } from '../../../../schemas/scorecard.ts';
import type { Formatters } from '../../format.ts';

export interface DeductionCosts {
  /** What each deduction that cost money cost, in minor units, as shown. */
  byKey: Map<DeductionKey, number>;
  /**
   * What the lines lack to make the total (minor units): each line is its share of the base
   * rounded to a cent, the payout the base times the coefficient rounded to four places.
   */
  rounding: number;
  /** What was deducted: the base less the payout. */
  total: number;
}

/**
 * The money lines of one operator's deductions with the rounding line that makes them add up to
 * what was deducted, so the payroll explanation and the operator page print a sum that adds up.
 * Null without a variable base.
 */
export function deductionCosts(row: ScorecardRow): DeductionCosts | null {
  const { adjustment } = row.scorecard;
  if (adjustment === null) return null;
  const lines = row.explanation.filter((l) => l.fraction > 0 && l.amount !== null && l.amount > 0);
  const shown = roundedParts(
    lines.map((l) => l.amount as number),
    -adjustment,
  );
  return {
    byKey: new Map(lines.map((l, i) => [l.key, shown.parts[i] as number])),
    rounding: shown.rounding,
    total: shown.total,
  };
}

/** A cost as the deduction columns print it: −12.50 for money taken, +0.50 for money given back. */
export function costText(minor: number, fmt: Pick<Formatters, 'money'>): string {
  if (minor > 0) return `−${fmt.money(minor)}`;
  if (minor < 0) return `+${fmt.money(-minor)}`;
  return fmt.money(0);
}
