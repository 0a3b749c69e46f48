/**
 * Whole-number axis ticks from 0 with a "nice" step (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten). Two axes
 * given the same number of intervals share their grid lines, so a second axis adds no extra lines.
 */
export function niceTicks(max: number, intervals = 4): number[] {
  const top = Math.max(max, 1);
  const raw = top / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
    .map((f) => f * magnitude)
    .filter((s) => Number.isInteger(s));
  const step = Math.max(1, steps.find((s) => s * intervals >= top) ?? 10 * magnitude);
  return Array.from({ length: intervals + 1 }, (_, i) => i * step);
}

/** Axis ticks from 0 for any positive maximum (ratios, scores, money): 0, step, … ≥ max. */
export function niceScale(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s * intervals >= max) ?? 10 * magnitude;
  return Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
