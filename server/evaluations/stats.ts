/** Small statistics for quality scores: mean, standard deviation, the t interval of the mean. */

export const mean = (xs: readonly number[]): number | null =>
  xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;

/** Sample standard deviation (n − 1); null below two values. */
export function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs) as number;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Two-sided 95% quantiles of Student's t for 1–30 degrees of freedom (standard tables). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const Z95 = 1.959964;

/** t quantile for a 95% interval; past 30 degrees of freedom the Cornish–Fisher expansion is exact to 4 decimals. */
export function t95(df: number): number {
  if (df < 1) throw new Error('t95 needs at least one degree of freedom');
  if (df <= 30) return T95[df - 1] as number;
  const z = Z95;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/** mean ± t·sd/√n; null below two values. */
export function meanInterval95(xs: readonly number[]): { low: number; high: number } | null {
  const sd = sampleSd(xs);
  if (sd === null) return null;
  const m = mean(xs) as number;
  const half = (t95(xs.length - 1) * sd) / Math.sqrt(xs.length);
  return { low: m - half, high: m + half };
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
