/**
 * Parts shown beside their total. Each part and the total are rounded to the step shown (a cent,
 * a whole unit), so the parts as printed need not add up to the total as printed: 54.23 + 195.46
 * + 425.72 is 675.41, the deduction itself 675.91. The difference becomes a line of its own,
 * "rounding", so what a reader adds up on the screen or in a file is the total beside it.
 */
export interface RoundedParts {
  /** Each part rounded to the step, in the parts' unit. */
  parts: number[];
  /** The total rounded to the step. */
  total: number;
  /** What the rounded parts lack to make the rounded total (0 when they already do). */
  rounding: number;
}

/** `x` to the nearest multiple of `step`, halves away from zero, never -0. */
export function roundToStep(x: number, step: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x) / step) * step;
  // Scaling back can leave binary noise (0.1 × 3): trim it to the step's own decimals.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  const clean = Number(r.toFixed(Math.min(digits, 20)));
  return clean === 0 ? 0 : clean;
}

/**
 * Rounds `parts` and `total` to `step` and yields the rounding line that makes the shown parts add
 * up to the shown total. `step` 1 for cents kept in minor units, 100 for whole units of them.
 */
export function roundedParts(parts: readonly number[], total: number, step = 1): RoundedParts {
  const shown = parts.map((p) => roundToStep(p, step));
  const shownTotal = roundToStep(total, step);
  const rounding = roundToStep(shownTotal - shown.reduce((s, p) => s + p, 0), step);
  return { parts: shown, total: shownTotal, rounding };
}
