import type {
  Answers,
  AnswerValue,
  FormDefinition,
  Question,
  ScoreResult,
  SectionScore,
} from '../schemas/forms.ts';

/**
 * The one score function of docs/scoring.md ("Evaluation forms"). The evaluation API, the form
 * preview, the demo data and calibration all call this, so a form scores the same everywhere.
 */

/**
 * Half-up to 2 decimals. A ratio of sums carries binary error (80.125 comes out as
 * 80.12499999999999), so the value is first cut to 12 significant digits, far above the
 * precision of any score yet far below that error, and only then rounded.
 */
export function roundScore(x: number): number {
  const cents = Number((x * 100).toPrecision(12));
  return Math.floor(cents + 0.5) / 100;
}

/** Whether the answer is N/A. */
export const isNa = (v: AnswerValue | undefined): v is null => v === null;

/**
 * The fraction `f` an answer earns, in [0, 1]; undefined for N/A or no answer. Values that do
 * not fit the question are rejected by answerProblems() before scoring; here they earn nothing.
 */
export function fraction(q: Question, v: AnswerValue | undefined): number | undefined {
  if (v === undefined || v === null) return undefined;
  switch (q.type) {
    case 'yes_no':
      return v === true ? 1 : 0;
    case 'scale': {
      if (typeof v !== 'number') return 0;
      const clamped = Math.min(q.max, Math.max(q.min, v));
      return (clamped - q.min) / (q.max - q.min);
    }
    case 'choice': {
      const best = Math.max(...q.options.map((o) => o.points));
      const option = q.options.find((o) => o.label === v);
      return option ? option.points / best : 0;
    }
  }
}

/**
 * What the answers say is wrong with them: unknown questions, values of the wrong kind, N/A where
 * it is not allowed, and (when `complete`) questions left unanswered. Empty when they are fine.
 */
export function answerProblems(def: FormDefinition, answers: Answers, complete: boolean): string[] {
  const problems: string[] = [];
  const byId = new Map(def.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  for (const id of Object.keys(answers)) if (!byId.has(id)) problems.push(`${id}: no such question`);
  for (const q of byId.values()) {
    if (!Object.hasOwn(answers, q.id)) {
      if (complete) problems.push(`${q.id}: not answered`);
      continue;
    }
    const v = answers[q.id] as AnswerValue;
    if (v === null) {
      if (!q.allowNa) problems.push(`${q.id}: N/A is not allowed`);
      continue;
    }
    if (q.type === 'yes_no' && typeof v !== 'boolean') problems.push(`${q.id}: answer true or false`);
    if (q.type === 'scale' && (typeof v !== 'number' || !Number.isInteger(v) || v < q.min || v > q.max))
      problems.push(`${q.id}: answer a whole number from ${q.min} to ${q.max}`);
    if (q.type === 'choice' && !q.options.some((o) => o.label === v))
      problems.push(`${q.id}: answer one of ${q.options.map((o) => `"${o.label}"`).join(', ')}`);
  }
  return problems;
}

/**
 * Score = 100·Σ(w·f)/Σw over the answered, non-N/A questions of the whole form. A failed critical
 * question (f < 1) of level `section` makes every question of its section count with f = 0; one
 * of level `form` makes the score 0. No countable question: no score.
 */
export function scoreAnswers(def: FormDefinition, answers: Answers): ScoreResult {
  let sumWf = 0;
  let sumW = 0;
  let formFailed = false;
  let answered = 0;
  let notApplicable = 0;
  let unanswered = 0;
  const failedCriticals: string[] = [];
  const sections: SectionScore[] = [];

  for (const s of def.sections) {
    const counted: { w: number; f: number }[] = [];
    let sectionFailed = false;
    for (const q of s.questions) {
      const v = answers[q.id];
      if (v === undefined) {
        unanswered++;
        continue;
      }
      if (isNa(v)) {
        notApplicable++;
        continue;
      }
      const f = fraction(q, v) ?? 0;
      answered++;
      counted.push({ w: q.weight, f });
      if (q.critical !== 'none' && f < 1) {
        failedCriticals.push(q.id);
        if (q.critical === 'section') sectionFailed = true;
        else formFailed = true;
      }
    }
    let sWf = 0;
    let sW = 0;
    for (const { w, f } of counted) {
      sWf += sectionFailed ? 0 : w * f;
      sW += w;
    }
    sumWf += sWf;
    sumW += sW;
    sections.push({
      sectionId: s.id,
      score: sW === 0 ? null : roundScore((100 * sWf) / sW),
      criticalFailed: sectionFailed,
    });
  }

  const score = sumW === 0 ? null : formFailed ? 0 : roundScore((100 * sumWf) / sumW);
  return {
    score,
    criticalFailed: failedCriticals.length > 0,
    failedCriticals,
    sections,
    answered,
    notApplicable,
    unanswered,
  };
}
