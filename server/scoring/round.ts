import { roundHalfUp } from '../../core/round.ts';

// The rounding rule itself is core's (the web app prints with it too); kept here for scoring.
export { roundHalfUp };

/**
 * `round_half_up(amount * coefficient)` in integer minor units, exactly: the coefficient has four
 * decimals, so amount × coefficient × 10⁴ is an integer product and BigInt keeps it exact at any
 * salary size.
 */
export function applyCoefficient(amountMinor: number, coefficient: number): number {
  const c4 = BigInt(Math.round(coefficient * 10_000));
  const product = BigInt(amountMinor) * c4;
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 5_000n) / 10_000n;
  return Number(negative ? -rounded : rounded);
}
