import { describe, expect, it } from 'vitest';
import type { ScorecardRow } from '../../schemas/scorecard.ts';
import { defaultMonth } from '../../web/src/components/usePeriodParam.ts';
import { makeFormatters } from '../../web/src/format.ts';
import { costText, deductionCosts } from '../../web/src/pages/payroll/deduction-costs.ts';

const en = makeFormatters('en-GB', 'EUR');
const ro = makeFormatters('ro-RO', 'MDL');
const ru = makeFormatters('ru-RU', 'MDL');

describe('numbers and amounts on screen', () => {
  it('never show a negative zero', () => {
    for (const f of [en, ro, ru]) {
      for (const text of [
        f.money(-0),
        f.money(-0.4),
        f.moneyRounded(-40),
        f.moneyCompact(-0),
        f.moneyCompact(-49),
        f.integer(-0),
        f.integer(-0.3),
        f.decimal(-0.001, 2),
        f.percent(-0.00001, 1),
        f.moneyCompactParts(-0).amount,
        f.moneyParts(-0).amount,
      ]) {
        expect(text).not.toMatch(/[-−‒–]\s*0/u);
      }
    }
    expect(ro.moneyCompactParts(-0)).toEqual({ amount: '0', currency: 'MDL', currencyFirst: false });
    // A real loss keeps its sign.
    expect(en.money(-150)).toBe('-€1.50');
  });

  it('split an amount with its minor part, as money() prints it', () => {
    expect(en.moneyParts(67591)).toEqual({ amount: '675.91', currency: '€', currencyFirst: true });
    expect(en.money(67591)).toBe('€675.91');
  });

  it('give the step a compact amount is shown to', () => {
    expect(en.moneyCompactStep(5_079_800)).toBe(100);
    expect(en.moneyCompactStep(250_000_000)).toBe(10_000_000); // 2.5M: tenths of a million
    expect(en.moneyScale).toBe(100);
  });

  it('name a span of days, its end exclusive as the API gives it', () => {
    expect(en.dayRange('2025-12-01', '2025-12-05')).toMatch(/^1\s?–\s?4 Dec$/u);
    expect(en.dayRange('2025-12-01', '2025-12-02')).toBe('1 Dec');
    expect(ru.dayRange('2025-11-01', '2025-11-05')).toBe('1–4 нояб.');
    expect(ro.dayRange('2025-11-01', '2025-11-05')).toBe('1–4 nov.');
  });
});

describe('the default month', () => {
  const months = ['2025-12', '2025-11', '2025-10'];
  it('is the last complete month in the company zone, not the running one', () => {
    expect(defaultMonth(months, 'Europe/Chisinau', new Date('2025-12-04T10:00:00Z'))).toBe('2025-11');
    // Still 30 November in Los Angeles: November has not ended there.
    expect(defaultMonth(months, 'America/Los_Angeles', new Date('2025-12-01T05:00:00Z'))).toBe('2025-10');
  });
  it('is the running month when it is the only one, and none when there is none', () => {
    expect(defaultMonth(['2025-12'], 'Europe/Chisinau', new Date('2025-12-04T10:00:00Z'))).toBe('2025-12');
    expect(defaultMonth([], 'Europe/Chisinau')).toBeNull();
  });
});

describe('an operator’s cost lines', () => {
  const line = (key: ScorecardRow['explanation'][number]['key'], amount: number, fraction: number) => ({
    key,
    applied: true,
    inputs: {},
    formula: '',
    fraction,
    capped: false,
    amount,
  });
  const row = {
    scorecard: { adjustment: -67591, variableBase: 200000, payout: 132409 },
    explanation: [
      line('tasks', 5423, 0.0271),
      line('quality', 19546, 0.0977),
      line('targets', 42572, 0.2129),
      line('internalClaims', 0, 0),
    ],
  } as unknown as ScorecardRow;

  it('add up to what was deducted, with a rounding line', () => {
    const costs = deductionCosts(row);
    expect(costs?.byKey).toEqual(
      new Map([
        ['tasks', 5423],
        ['quality', 19546],
        ['targets', 42572],
      ]),
    );
    expect(costs?.rounding).toBe(50);
    expect(costs?.total).toBe(67591);
    expect(costText(costs?.rounding ?? 0, en)).toBe('−€0.50');
    expect(costText(-50, en)).toBe('+€0.50');
    expect(costText(0, en)).toBe('€0.00');
  });

  it('are none without a variable base', () => {
    const none = { ...row, scorecard: { ...row.scorecard, adjustment: null } } as ScorecardRow;
    expect(deductionCosts(none)).toBeNull();
  });
});
