import type { CheckResult } from '../schemas/autoqa.ts';
import type { Answers, AnswerValue, FormDefinition, Question } from '../schemas/forms.ts';
import { fraction } from './form-score.ts';

/**
 * How AutoQA's check results become answers on a form, and how a person's answer reads as a
 * check result (docs/autoqa.md, "Auto evaluations" and "Accuracy"). The auto evaluations, the
 * pre-answered questions of the evaluation page and the accuracy figures all go through here.
 */

/** The questions of a form that name a check, in form order. */
export const boundQuestions = (def: FormDefinition): Question[] =>
  def.sections.flatMap((s) => s.questions.filter((q) => q.auto !== undefined));

/** Whether any question of the form names a check. */
export const bindsChecks = (def: FormDefinition): boolean => boundQuestions(def).length > 0;

/**
 * The answer a check's result gives a question: undefined when the question names no check, the
 * check has no result, or the result is `na` on a question that does not allow N/A (it stays
 * unanswered, out of the score, as N/A would be).
 */
export function autoAnswer(q: Question, result: CheckResult | undefined): AnswerValue | undefined {
  if (!q.auto || result === undefined) return undefined;
  if (result === 'na') return q.allowNa ? null : undefined;
  const pass = result === 'pass';
  switch (q.type) {
    case 'yes_no':
      return pass;
    case 'scale': {
      const v = pass ? q.auto.pass : q.auto.fail;
      return typeof v === 'number' ? v : pass ? q.max : q.min;
    }
    case 'choice': {
      const v = pass ? q.auto.pass : q.auto.fail;
      if (typeof v === 'string') return v;
      const sorted = [...q.options].sort((a, b) => a.points - b.points);
      return (pass ? sorted[sorted.length - 1] : sorted[0])?.label;
    }
  }
}

/** The answers a call's check results give a form: only the bound questions with an answer. */
export function autoAnswers(def: FormDefinition, results: Readonly<Record<string, CheckResult>>): Answers {
  const out: Answers = {};
  for (const q of boundQuestions(def)) {
    const v = autoAnswer(q, results[q.auto?.check ?? '']);
    if (v !== undefined) out[q.id] = v;
  }
  return out;
}

/**
 * A person's answer read as a check result: N/A is `na`; an answer earning at least half the
 * question's points is `pass` (yes; the upper half of a scale; an option worth at least half of
 * the best one), less is `fail`; undefined when unanswered.
 */
export function answerResult(q: Question, v: AnswerValue | undefined): CheckResult | undefined {
  if (v === undefined) return undefined;
  if (v === null) return 'na';
  const f = fraction(q, v);
  if (f === undefined) return undefined;
  return f >= 0.5 ? 'pass' : 'fail';
}
