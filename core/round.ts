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
 * Decimals of a share of pay (a deduction, the part of the base deducted) wherever one is printed:
 * the screens, the payroll CSV and the explanation, so 27.80% is 27.80% in all three.
 */
export const PAY_PERCENT_DIGITS = 2;

/** A share of pay rounded as it is printed, half up: 0.27795 → 0.278 (27.80%). */
export const payShare = (fraction: number): number => roundHalfUp(fraction, PAY_PERCENT_DIGITS + 2);
