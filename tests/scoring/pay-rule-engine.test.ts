import { describe, expect, it } from 'vitest';
import { DEFAULT_PAY_RULE, payRule } from '../../schemas/pay-rule.ts';
import { ratio } from '../../server/scoring/exact.ts';
import { applyPayRule, type PaidCriteria } from '../../server/scoring/pay-rule-engine.ts';
import { applyCoefficient, roundHalfUp } from '../../server/scoring/round.ts';

const none: PaidCriteria = {
  tasksCompleted: 0,
  tasksNorm: null,
  qualityScore: null,
  teamAchievement: null,
  internalClaims: 0,
  clientClaims: 0,
  orderErrorRate: null,
  negativeAssessments: 0,
};

describe('the pay rule', () => {
  it('gives the worked example of docs/scoring.md', () => {
    const r = applyPayRule(
      {
        tasksCompleted: 450,
        tasksNorm: 500,
        qualityScore: 74,
        teamAchievement: 0.95,
        internalClaims: 1,
        clientClaims: 2,
        orderErrorRate: 0.05,
        negativeAssessments: 0,
      },
      DEFAULT_PAY_RULE,
      2_000_000,
    );
    expect(r.deductions).toEqual({
      tasks: 0.03,
      quality: 0.09,
      targets: 0.025,
      internalClaims: 0.05,
      clientClaims: 0.2,
      orderErrors: 0.06,
      negativeAssessments: 0,
    });
    expect(r.coefficient).toBe(0.545);
    expect(r.payout).toBe(1_090_000);
    expect(r.adjustment).toBe(-910_000);
    expect(r.flags).toEqual([]);
    const tasks = r.explanation.find((l) => l.key === 'tasks');
    expect(tasks?.formula).toBe('min(0.3, 0.3 × max(0, 1 − 450 / 500)) = 0.03');
    expect(tasks?.amount).toBe(60_000);
    expect(r.explanation.find((l) => l.key === 'clientClaims')?.amount).toBe(400_000);
  });

  it('caps each deduction and floors the coefficient', () => {
    const r = applyPayRule(
      {
        tasksCompleted: 0,
        tasksNorm: 100,
        qualityScore: 0,
        teamAchievement: 0,
        internalClaims: 10,
        clientClaims: 10,
        orderErrorRate: 1,
        negativeAssessments: 10,
      },
      DEFAULT_PAY_RULE,
      1_000_001,
    );
    expect(r.deductions).toEqual({
      tasks: 0.3,
      quality: 0.3,
      targets: 0.25,
      internalClaims: 0.25,
      clientClaims: 0.3,
      orderErrors: 0.2,
      negativeAssessments: 0.3,
    });
    // tasks lands exactly on its cap (0.3 × 1); every other one is above it
    expect(r.explanation.filter((l) => !l.capped).map((l) => l.key)).toEqual(['tasks']);
    expect(r.coefficient).toBe(0);
    expect(r.payout).toBe(0);
    expect(r.adjustment).toBe(-1_000_001);
  });

  it('applies the floor and ceiling of a rule', () => {
    const rule = payRule.parse({ ...DEFAULT_PAY_RULE, floor: 0.6, ceiling: 1.2 });
    const low = applyPayRule(
      { ...none, clientClaims: 3, internalClaims: 5, negativeAssessments: 3 },
      rule,
      1000,
    );
    expect(low.coefficient).toBe(0.6);
    expect(low.payout).toBe(600);
    const full = applyPayRule(none, rule, 1000);
    expect(full.coefficient).toBe(1);
  });

  it('deducts nothing for criteria not applied, and flags them', () => {
    const r = applyPayRule(none, DEFAULT_PAY_RULE, null);
    expect(Object.values(r.deductions).every((d) => d === 0)).toBe(true);
    expect(r.coefficient).toBe(1);
    expect(r.payout).toBeNull();
    expect(r.adjustment).toBeNull();
    expect(r.flags).toEqual(['no-norm', 'not-evaluated', 'no-target', 'no-orders', 'no-variable-base']);
    expect(r.explanation.filter((l) => !l.applied).map((l) => l.key)).toEqual([
      'tasks',
      'quality',
      'targets',
      'orderErrors',
    ]);
  });

  it('does not deduct above the norm or threshold', () => {
    const r = applyPayRule(
      {
        ...none,
        tasksCompleted: 600,
        tasksNorm: 500,
        qualityScore: 95,
        teamAchievement: 1,
        orderErrorRate: 0.01,
      },
      DEFAULT_PAY_RULE,
      500,
    );
    expect(r.coefficient).toBe(1);
    expect(r.payout).toBe(500);
    expect(r.adjustment).toBe(0);
  });

  it('rounds the coefficient to 4 places and money to the minor unit, half up', () => {
    // 0.015 × (80 − 79.99) = 0.00015 → 1 − 0.00015 = 0.99985 → 0.9999 (half up, not to even)
    const r = applyPayRule({ ...none, qualityScore: 79.99 }, DEFAULT_PAY_RULE, 10_001);
    expect(r.coefficient).toBe(0.9999);
    // 10001 × 0.9999 = 9999.9999 → 10000
    expect(r.payout).toBe(10_000);
    expect(applyCoefficient(5, 0.5)).toBe(3); // 2.5 → 3
    expect(applyCoefficient(3, 0.5)).toBe(2); // 1.5 → 2
    expect(applyCoefficient(9_007_199_254_740_991, 0.5)).toBe(4_503_599_627_370_496);
    expect(roundHalfUp(0.545, 2)).toBe(0.55);
    expect(roundHalfUp(80.125, 2)).toBe(80.13);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.00005, 4)).toBe(0.0001);
  });

  it('rejects a rule that is not one', () => {
    expect(payRule.safeParse({ ...DEFAULT_PAY_RULE, floor: 2, ceiling: 1 }).success).toBe(false);
    expect(payRule.safeParse({ ...DEFAULT_PAY_RULE, tasks: { weight: 0.3 } }).success).toBe(false);
    expect(payRule.safeParse({ ...DEFAULT_PAY_RULE, extra: 1 }).success).toBe(false);
  });
});

describe('the quality source', () => {
  const scores: PaidCriteria = {
    ...none,
    qualityScore: 90,
    autoQualityScore: 74,
    blendedQualityScore: ratio(233, 3),
  };
  const withSource = (source: 'human' | 'auto' | 'blend') =>
    payRule.parse({ ...DEFAULT_PAY_RULE, quality: { ...DEFAULT_PAY_RULE.quality, source } });
  const line = (r: ReturnType<typeof applyPayRule>) => r.explanation.find((l) => l.key === 'quality');

  it('human reads qualityScore, as the rule always did', () => {
    const r = applyPayRule(scores, withSource('human'), 1_000_000);
    expect(r.deductions.quality).toBe(0);
    expect(line(r)).toMatchObject({
      source: 'human',
      inputs: { qualityScore: 90 },
      formula: 'min(0.3, 0.015 × max(0, 80 − 90)) = 0',
    });
  });

  it('auto reads autoQualityScore and names it', () => {
    const r = applyPayRule(scores, withSource('auto'), 1_000_000);
    expect(r.deductions.quality).toBe(0.09);
    expect(line(r)).toMatchObject({
      source: 'auto',
      inputs: { autoQualityScore: 74 },
      formula: 'min(0.3, 0.015 × max(0, 80 − 74 (auto))) = 0.09',
    });
  });

  it('blend reads the blended score exactly: 233/3 is 77.666…, not 77.67', () => {
    const r = applyPayRule(scores, withSource('blend'), 1_000_000);
    // 0.015 × (80 − 233/3) = 0.015 × 7/3 = 0.035 exactly.
    expect(r.deductions.quality).toBe(0.035);
    expect(line(r)).toMatchObject({
      source: 'blend',
      formula: 'min(0.3, 0.015 × max(0, 80 − 77.66666667… (blend))) = 0.035',
    });
  });

  it('a source without a score is not applied, flagged not evaluated', () => {
    const r = applyPayRule({ ...scores, autoQualityScore: null }, withSource('auto'), 1_000_000);
    expect(r.deductions.quality).toBe(0);
    expect(line(r)).toMatchObject({ applied: false, source: 'auto', inputs: { autoQualityScore: null } });
    expect(r.flags).toContain('not-evaluated');
  });
});
