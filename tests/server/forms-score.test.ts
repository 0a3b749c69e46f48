import { describe, expect, it } from 'vitest';
import { answerProblems, roundScore, scoreAnswers } from '../../core/form-score.ts';
import { type FormDefinition, formDefinition } from '../../schemas/forms.ts';

/** Weights: greet 2, ident 1 (section critical), tone 2 (scale 1..5, N/A), debt 3 (form critical), upsell 2, readback 1 (N/A). Σw = 11. */
const FORM: FormDefinition = formDefinition.parse({
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      questions: [
        { id: 'greet', text: 'Greeted by the script', type: 'yes_no', weight: 2 },
        { id: 'ident', text: 'Identified the client', type: 'yes_no', weight: 1, critical: 'section' },
        { id: 'tone', text: 'Tone', type: 'scale', min: 1, max: 5, weight: 2, allowNa: true },
      ],
    },
    {
      id: 'order',
      title: 'Order',
      questions: [
        { id: 'debt', text: 'Checked the debt', type: 'yes_no', weight: 3, critical: 'form' },
        {
          id: 'upsell',
          text: 'Offered more positions',
          type: 'choice',
          weight: 2,
          options: [
            { label: 'none', points: 0 },
            { label: '1-2', points: 1 },
            { label: '3+', points: 2 },
          ],
        },
        { id: 'readback', text: 'Read the order back', type: 'yes_no', weight: 1, allowNa: true },
      ],
    },
  ],
});

const PERFECT = { greet: true, ident: true, tone: 5, debt: true, upsell: '3+', readback: true };

describe('scoreAnswers: docs/scoring.md by hand', () => {
  it('all right is 100', () => {
    const r = scoreAnswers(FORM, PERFECT);
    expect(r).toMatchObject({ score: 100, criticalFailed: false, failedCriticals: [], answered: 6 });
    expect(r.sections).toEqual([
      { sectionId: 'opening', score: 100, criticalFailed: false },
      { sectionId: 'order', score: 100, criticalFailed: false },
    ]);
  });

  it('weights f per type: no greeting and tone 4 of 1..5', () => {
    // Σwf = 0 + 1 + 2·0.75 + 3 + 2 + 1 = 8.5; 100·8.5/11 = 77.2727… → 77.27
    const r = scoreAnswers(FORM, { ...PERFECT, greet: false, tone: 4 });
    expect(r.score).toBe(77.27);
    // opening: (0 + 1 + 1.5) / 5 = 50
    expect(r.sections[0]?.score).toBe(50);
  });

  it('choice earns points / max points', () => {
    // upsell 1 of 2 points: Σwf = 11 - 1 = 10 → 90.909… → 90.91
    expect(scoreAnswers(FORM, { ...PERFECT, upsell: '1-2' }).score).toBe(90.91);
    expect(scoreAnswers(FORM, { ...PERFECT, upsell: 'none' }).score).toBe(81.82);
  });

  it('a failed section critical zeroes its whole section, weights still counted', () => {
    // opening counts 0 of 5; order 6 of 6: 100·6/11 = 54.5454… → 54.55
    const r = scoreAnswers(FORM, { ...PERFECT, ident: false });
    expect(r).toMatchObject({ score: 54.55, criticalFailed: true, failedCriticals: ['ident'] });
    expect(r.sections[0]).toEqual({ sectionId: 'opening', score: 0, criticalFailed: true });
  });

  it('a failed form critical makes the score 0', () => {
    const r = scoreAnswers(FORM, { ...PERFECT, debt: false });
    expect(r).toMatchObject({ score: 0, criticalFailed: true, failedCriticals: ['debt'] });
  });

  it('leaves N/A out of both sums', () => {
    // tone and readback N/A: Σw = 2 + 1 + 3 + 2 = 8; Σwf = 2 + 1 + 3 + 1 = 7 → 87.5
    const r = scoreAnswers(FORM, { ...PERFECT, tone: null, readback: null, upsell: '1-2' });
    expect(r).toMatchObject({ score: 87.5, answered: 4, notApplicable: 2, unanswered: 0 });
  });

  it('has no score when every question is N/A or unanswered', () => {
    const allNa = formDefinition.parse({
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'a', text: 'A', type: 'yes_no', weight: 1, allowNa: true },
            { id: 'b', text: 'B', type: 'scale', min: 0, max: 10, weight: 1, allowNa: true },
          ],
        },
      ],
    });
    expect(scoreAnswers(allNa, { a: null, b: null })).toMatchObject({ score: null, notApplicable: 2 });
    expect(scoreAnswers(allNa, {}).score).toBeNull();
  });

  it('rounds half-up on the decimal value, not on its binary neighbour', () => {
    // 100·64.1/80 is 80.125 exactly, computed as 80.12499999999999; Math.round would give 80.12.
    const def = formDefinition.parse({
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'a', text: 'A', type: 'yes_no', weight: 64.1 },
            { id: 'b', text: 'B', type: 'yes_no', weight: 15.9 },
          ],
        },
      ],
    });
    expect(Math.round(((100 * 64.1) / 80) * 100) / 100).toBe(80.12);
    expect(scoreAnswers(def, { a: true, b: false }).score).toBe(80.13);
    expect(roundScore(80.125)).toBe(80.13);
    expect(roundScore(80.12499999999999)).toBe(80.13);
    expect(roundScore(3.1249999999999996)).toBe(3.13);
    expect(roundScore(80.1249)).toBe(80.12);
    expect(roundScore(2 / 3)).toBe(0.67);
    expect(roundScore(100)).toBe(100);
  });
});

describe('answerProblems', () => {
  it('accepts a complete, well-typed set', () => {
    expect(answerProblems(FORM, PERFECT, true)).toEqual([]);
    expect(answerProblems(FORM, { greet: true }, false)).toEqual([]);
  });

  it('names every wrong answer', () => {
    const problems = answerProblems(
      FORM,
      { greet: 'yes', ident: null, tone: 7, debt: true, upsell: 'lots', nope: true },
      true,
    );
    expect(problems).toEqual([
      'nope: no such question',
      'greet: answer true or false',
      'ident: N/A is not allowed',
      'tone: answer a whole number from 1 to 5',
      'upsell: answer one of "none", "1-2", "3+"',
      'readback: not answered',
    ]);
  });
});

describe('formDefinition', () => {
  it('refuses duplicate ids, a zero weight, an empty scale and a choice worth nothing', () => {
    const bad = formDefinition.safeParse({
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'a', text: 'A', type: 'yes_no', weight: 0 },
            { id: 'a', text: 'A2', type: 'scale', min: 3, max: 3, weight: 1 },
            {
              id: 'c',
              text: 'C',
              type: 'choice',
              weight: 1,
              options: [
                { label: 'x', points: 0 },
                { label: 'y', points: 0 },
              ],
            },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'must be greater than 0',
        'max must be greater than min',
        'at least one option must earn points',
      ]),
    );
  });
});
