import type { Answers, FormDefinition } from '../../../../schemas/forms.ts';

/**
 * What the preview can show while the form is half built: the questions that can be answered
 * (a positive weight, a scale of 2 to 21 whole steps, a choice with an option worth points), and
 * `untitled` for a title not written yet.
 */
export function previewable(def: FormDefinition, untitled: string): FormDefinition {
  return {
    sections: def.sections
      .map((s) => ({
        ...s,
        title: s.title || untitled,
        questions: s.questions
          .filter((q) => Number.isFinite(q.weight) && q.weight > 0)
          .filter(
            (q) =>
              q.type !== 'scale' ||
              (Number.isInteger(q.min) && Number.isInteger(q.max) && q.max > q.min && q.max - q.min <= 20),
          )
          .map((q) =>
            q.type === 'choice'
              ? { ...q, options: q.options.filter((o) => o.label && Number.isFinite(o.points)) }
              : q,
          )
          .filter((q) => q.type !== 'choice' || q.options.some((o) => o.points > 0))
          .map((q) => ({ ...q, text: q.text || untitled })),
      }))
      .filter((s) => s.questions.length > 0),
  };
}

/**
 * The preview's answers that still fit its questions: an answer of a removed question, or of a
 * question whose type or range changed, goes. The same object when every answer fits.
 */
export function fittingAnswers(preview: FormDefinition, answers: Answers): Answers {
  const known = new Map(preview.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const kept = Object.fromEntries(
    Object.entries(answers).filter(([k, v]) => {
      const q = known.get(k);
      if (!q) return false;
      if (v === null) return q.allowNa;
      if (q.type === 'yes_no') return typeof v === 'boolean';
      if (q.type === 'scale') return typeof v === 'number' && v >= q.min && v <= q.max;
      return q.options.some((o) => o.label === v);
    }),
  );
  return Object.keys(kept).length === Object.keys(answers).length ? answers : kept;
}
