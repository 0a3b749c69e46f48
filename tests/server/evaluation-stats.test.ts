import { describe, expect, it } from 'vitest';
import { mean, meanInterval95, sampleSd, t95 } from '../../server/evaluations/stats.ts';

describe('quality statistics', () => {
  it('t quantiles: the table to 30 degrees of freedom, Cornish–Fisher beyond', () => {
    expect(t95(1)).toBe(12.706);
    expect(t95(30)).toBe(2.042);
    // Published two-sided 95% values: 40 → 2.021, 60 → 2.000, 120 → 1.980
    expect(t95(40)).toBeCloseTo(2.021, 3);
    expect(t95(60)).toBeCloseTo(2.0, 3);
    expect(t95(120)).toBeCloseTo(1.98, 3);
    expect(t95(1e9)).toBeCloseTo(1.96, 3);
    expect(() => t95(0)).toThrow();
  });

  it('mean, sample sd and the interval of the mean by hand', () => {
    const xs = [70, 80, 90];
    expect(mean(xs)).toBe(80);
    expect(sampleSd(xs)).toBe(10);
    // 80 ± 4.303 · 10 / √3
    const ci = meanInterval95(xs);
    expect(ci?.low).toBeCloseTo(80 - (4.303 * 10) / Math.sqrt(3), 10);
    expect(ci?.high).toBeCloseTo(80 + (4.303 * 10) / Math.sqrt(3), 10);
    expect(meanInterval95([80])).toBeNull();
    expect(mean([])).toBeNull();
  });
});
