import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../server/calibration/krippendorff.ts';

/**
 * Reliability data of K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
 * section C: 4 observers × 12 units with missing values. The paper gives α = 0.743 (nominal),
 * 0.815 (ordinal), 0.849 (interval), 0.797 (ratio); unit 12 has one value and is not pairable.
 */
const _ = null;
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3];
const C = [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _];
const UNITS = A.map((a, i) => [a, B[i] ?? null, C[i] ?? null, D[i] ?? null]);

describe("Krippendorff's alpha: the paper's worked examples", () => {
  it('4 observers, 12 units, missing values: every level of measurement', () => {
    const nominal = krippendorffAlpha(UNITS, 'nominal');
    expect(nominal.pairable).toBe(40);
    expect(nominal.units).toBe(11);
    // 1 − (n − 1)·Σo_ck≠ / Σn_c·n_k≠ = 1 − 39·4 / 608
    expect(nominal.alpha).toBeCloseTo(1 - (39 * 4) / 608, 12);
    expect(nominal.alpha?.toFixed(3)).toBe('0.743');
    expect(krippendorffAlpha(UNITS, 'ordinal').alpha?.toFixed(3)).toBe('0.815');
    expect(krippendorffAlpha(UNITS, 'interval').alpha?.toFixed(3)).toBe('0.849');
    expect(krippendorffAlpha(UNITS, 'ratio').alpha?.toFixed(3)).toBe('0.797');
  });

  it('two observers, binary data, 10 units (section A): α = 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = krippendorffAlpha(
      a.map((x, i) => [x, b[i] ?? null]),
      'nominal',
    );
    // n = 20, o_01 = 4, n_0 = 14, n_1 = 6: 1 − 19·4 / (14·6)
    expect(r.alpha).toBeCloseTo(1 - 76 / 84, 12);
    expect(r.alpha?.toFixed(3)).toBe('0.095');
  });

  it('takes labels and booleans at the nominal level, in any coder order', () => {
    const labels = UNITS.map((u) => u.map((v) => (v === null ? null : `v${v}`)));
    expect(krippendorffAlpha(labels, 'nominal').alpha).toBeCloseTo(
      krippendorffAlpha(UNITS, 'nominal').alpha as number,
      12,
    );
    const reversed = UNITS.map((u) => [...u].reverse());
    expect(krippendorffAlpha(reversed, 'ordinal').alpha).toBeCloseTo(
      krippendorffAlpha(UNITS, 'ordinal').alpha as number,
      12,
    );
    expect(
      krippendorffAlpha(
        [
          [true, true],
          [false, false],
          [true, false],
        ],
        'nominal',
      ).alpha,
    ).toBeCloseTo(1 - (5 * 2) / (3 * 3 * 2), 12);
  });

  it('is 1 for perfect agreement and undefined without variation or pairs', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2, null],
        ],
        'ordinal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ).alpha,
    ).toBeNull();
    expect(krippendorffAlpha([[1], [2, null]], 'nominal')).toEqual({ alpha: null, pairable: 0, units: 0 });
    expect(() => krippendorffAlpha([['a', 'b']], 'ordinal')).toThrow(/numeric/);
  });
});
