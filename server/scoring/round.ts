/**
 * Rounding as docs/scoring.md asks: half up, on the decimal value the user sees. Binary floating point
 * stores 0.545 as 0.54499999…; scaling first and trimming to 15 significant digits puts such a
 * value back on its decimal half before rounding, so 0.545 rounds to 0.55 at 2 places, not 0.54.
 */
export function roundHalfUp(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** places;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.floor(scaled + 0.5) / f;
  return x < 0 ? -r : r;
}

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
