/**
 * Krippendorff's alpha, after K. Krippendorff, "Computing Krippendorff's Alpha-Reliability"
 * (2011): a coincidence matrix over all pairable values, then α = 1 − D_o / D_e. It takes any
 * number of coders, missing values, and a metric for the level of measurement, which is why
 * calibration uses it rather than a pairwise kappa.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type Rating = string | number | boolean;

export interface AlphaResult {
  /** null when it is undefined: fewer than two pairable values, or no variation at all. */
  alpha: number | null;
  /** Pairable values n (values in units that have at least two). */
  pairable: number;
  /** Units with at least two values. */
  units: number;
}

/**
 * `data[u]` holds the values the coders gave unit `u`, null where one gave none. Ordinal,
 * interval and ratio levels need numbers.
 */
export function krippendorffAlpha(
  data: readonly (readonly (Rating | null)[])[],
  level: AlphaLevel,
): AlphaResult {
  const units = data
    .map((u) => u.filter((v): v is Rating => v !== null))
    // A value alone in its unit has nothing to be compared with: it is not pairable.
    .filter((u) => u.length >= 2);

  const keyOf = (v: Rating) => `${typeof v}:${String(v)}`;
  const distinct = new Map<string, Rating>();
  for (const u of units) for (const v of u) distinct.set(keyOf(v), v);
  let values = [...distinct.values()];
  if (level !== 'nominal') {
    if (values.some((v) => typeof v !== 'number')) throw new Error(`${level} alpha needs numeric values`);
    values = (values as number[]).sort((a, b) => a - b);
  }
  const index = new Map(values.map((v, i) => [keyOf(v), i]));
  const k = values.length;

  // Coincidences: each ordered pair of values within a unit, weighted 1 / (m_u − 1).
  const o: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const u of units) {
    const w = 1 / (u.length - 1);
    for (let i = 0; i < u.length; i++) {
      for (let j = 0; j < u.length; j++) {
        if (i === j) continue;
        const a = index.get(keyOf(u[i] as Rating)) as number;
        const b = index.get(keyOf(u[j] as Rating)) as number;
        (o[a] as number[])[b] = ((o[a] as number[])[b] as number) + w;
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const result = { pairable: Math.round(n), units: units.length };
  if (n < 2) return { alpha: null, ...result };

  const delta2 = (c: number, d: number): number => {
    if (c === d) return 0;
    const vc = values[c] as number;
    const vd = values[d] as number;
    switch (level) {
      case 'nominal':
        return 1;
      case 'ordinal': {
        const [lo, hi] = c < d ? [c, d] : [d, c];
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g] as number;
        return (s - ((nc[c] as number) + (nc[d] as number)) / 2) ** 2;
      }
      case 'interval':
        return (vc - vd) ** 2;
      case 'ratio':
        return vc + vd === 0 ? 0 : ((vc - vd) / (vc + vd)) ** 2;
    }
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const d2 = delta2(c, d);
      observed += ((o[c] as number[])[d] as number) * d2;
      expected += (nc[c] as number) * (nc[d] as number) * d2;
    }
  }
  // Nothing to disagree about (every pairable value the same): alpha is undefined, not 1.
  if (expected === 0) return { alpha: null, ...result };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...result };
}
