import { describe, expect, it } from 'vitest';
import { PAY_PERCENT_DIGITS, payShare } from '../../core/round.ts';
import { roundedParts, roundToStep } from '../../core/rounded-parts.ts';
import { currentMonth, lastCompleteMonth } from '../../core/time.ts';

describe('parts shown beside their total', () => {
  it('yields the rounding line of an operator’s cost lines (in cents)', () => {
    // 54.23 + 195.46 + 425.72 = 675.41, while 675.91 was deducted: the lines lack 0.50.
    const r = roundedParts([5423, 19546, 42572], 67591);
    expect(r).toEqual({ parts: [5423, 19546, 42572], total: 67591, rounding: 50 });
    expect(r.parts.reduce((s, p) => s + p, 0) + r.rounding).toBe(r.total);
  });

  it('rounds parts and total to whole units, then makes them add up (54 + 195 + 426 + 1 = 676)', () => {
    const r = roundedParts([5423, 19546, 42572], 67591, 100);
    expect(r).toEqual({ parts: [5400, 19500, 42600], total: 67600, rounding: 100 });
  });

  it('takes back what rounding each cause up added (causes 50,800 against a total of 50,798)', () => {
    // Five causes of the dashboard, in cents, each ending in .60: shown whole, they sum to 50,800
    // while the deduction is 50,798.
    const parts = [1_000_060, 1_000_060, 1_000_060, 1_000_060, 1_079_560];
    const total = 5_079_800;
    const r = roundedParts(parts, total, 100);
    expect(r.parts).toEqual([1_000_100, 1_000_100, 1_000_100, 1_000_100, 1_079_600]);
    expect(r.parts.reduce((s, p) => s + p, 0)).toBe(5_080_000);
    expect(r.total).toBe(5_079_800);
    expect(r.rounding).toBe(-200);
    expect(r.parts.reduce((s, p) => s + p, 0) + r.rounding).toBe(r.total);
  });

  it('has no rounding line when the parts already add up, and never a negative zero', () => {
    expect(roundedParts([100, 200], 300).rounding).toBe(0);
    expect(Object.is(roundedParts([], 0).rounding, 0)).toBe(true);
    expect(Object.is(roundToStep(-0.4, 1), 0)).toBe(true);
    expect(roundToStep(-0.5, 1)).toBe(-1);
    expect(roundToStep(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(roundToStep(1_234_567_800, 10_000_000)).toBe(1_230_000_000);
  });
});

describe('a share of pay as printed', () => {
  it('is rounded half up to two decimals of a percent, as the CSV, screen and explanation print it', () => {
    expect(PAY_PERCENT_DIGITS).toBe(2);
    expect(payShare(0.27795)).toBe(0.278);
    expect(payShare(0.2779)).toBe(0.2779);
    expect(payShare(0.278)).toBe(0.278);
    expect((payShare(0.277949) * 100).toFixed(PAY_PERCENT_DIGITS)).toBe('27.79');
  });
});

describe('the running month and the last complete one', () => {
  it('are decided in the company zone', () => {
    // 22:30 UTC on 30 November is already 1 December in Chisinau (UTC+2), not in Los Angeles.
    const at = new Date('2025-11-30T22:30:00Z');
    expect(currentMonth(at, 'Europe/Chisinau')).toBe('2025-12');
    expect(lastCompleteMonth(at, 'Europe/Chisinau')).toBe('2025-11');
    expect(currentMonth(at, 'America/Los_Angeles')).toBe('2025-11');
    expect(lastCompleteMonth(at, 'America/Los_Angeles')).toBe('2025-10');
    expect(lastCompleteMonth(new Date('2026-01-10T12:00:00Z'), 'UTC')).toBe('2025-12');
  });
});
