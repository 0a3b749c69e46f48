import { describe, expect, it } from 'vitest';
import { answerResult } from '../../core/auto-answer.ts';
import { emptyCell, finish, tally } from '../../core/autoqa-accuracy.ts';
import type { CheckResult } from '../../schemas/autoqa.ts';
import type { Question } from '../../schemas/forms.ts';

const pairs = (list: [CheckResult, CheckResult][]) => {
  const cell = emptyCell();
  for (const [auto, human] of list) tally(cell, auto, human);
  return finish(cell);
};

describe("AutoQA's accuracy against people, fail the positive class", () => {
  it('counts the confusion of pass and fail and the N/A apart', () => {
    const cell = pairs([
      ['fail', 'fail'],
      ['fail', 'fail'],
      ['fail', 'pass'],
      ['pass', 'fail'],
      ['pass', 'pass'],
      ['pass', 'pass'],
      ['na', 'pass'],
      ['fail', 'na'],
      ['na', 'na'],
    ]);
    expect(cell).toMatchObject({
      n: 9,
      agree: 5,
      tp: 2,
      fp: 1,
      fn: 1,
      tn: 2,
      autoNa: 1,
      humanNa: 1,
      bothNa: 1,
    });
    expect(cell.agreement).toBeCloseTo(5 / 9);
    expect(cell.precision).toBeCloseTo(2 / 3);
    expect(cell.recall).toBeCloseTo(2 / 3);
  });

  it('gives no ratio without its denominator', () => {
    expect(finish(emptyCell())).toMatchObject({ n: 0, agreement: null, precision: null, recall: null });
    // AutoQA failed nothing and the person failed nothing: neither precision nor recall applies.
    expect(pairs([['pass', 'pass']])).toMatchObject({ agreement: 1, precision: null, recall: null });
    // AutoQA flagged a call the person passed: precision 0, recall still unknown.
    expect(pairs([['fail', 'pass']])).toMatchObject({ agreement: 0, precision: 0, recall: null });
  });

  it("reads a person's answer as a result by the points it earns", () => {
    const scale = {
      id: 'tone',
      text: 'Tone',
      help: null,
      weight: 1,
      allowNa: true,
      critical: 'none',
      type: 'scale',
      min: 1,
      max: 5,
    } as const satisfies Question;
    expect([1, 2, 3, 4, 5].map((v) => answerResult(scale, v))).toEqual([
      'fail',
      'fail',
      'pass',
      'pass',
      'pass',
    ]);
    expect(answerResult(scale, null)).toBe('na');
    expect(answerResult(scale, undefined)).toBeUndefined();
  });
});
