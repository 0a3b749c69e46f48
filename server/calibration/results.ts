import { fraction } from '../../core/form-score.ts';
import type { AlphaSummary, MonitorResult, QuestionAgreement } from '../../schemas/calibration.ts';
import type { Answers, AnswerValue, FormDefinition } from '../../schemas/forms.ts';
import { mean, round2, sampleSd } from '../evaluations/stats.ts';
import { krippendorffAlpha, type Rating } from './krippendorff.ts';

export interface Scoring {
  monitor: string;
  evaluationId: string;
  score: number;
  criticalFailed: boolean;
  answers: Answers;
}

const same = (a: AnswerValue | undefined, b: AnswerValue | undefined) => a === b;

/** Agreement on one question: the most common answer and the share of monitors who gave it. */
function agreementOf(values: AnswerValue[]): { mostCommon: AnswerValue; agreement: number } {
  let best: AnswerValue = null;
  let bestCount = 0;
  for (const v of values) {
    const n = values.filter((w) => same(v, w)).length;
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return { mostCommon: best, agreement: values.length ? bestCount / values.length : 0 };
}

/** Scores, deviations, per-question agreement and alpha of a closed session's submitted scorings. */
export function calibrationResults(def: FormDefinition, scorings: Scoring[], reference: string | null) {
  const ref = reference ? scorings.find((s) => s.monitor === reference) : undefined;
  const scores = scorings.map((s) => s.score);
  const m = mean(scores);
  const basis: 'reference' | 'mean' = ref ? 'reference' : 'mean';
  const basisScore = ref ? ref.score : m;
  const monitors: MonitorResult[] = scorings.map((s) => ({
    monitor: s.monitor,
    evaluationId: s.evaluationId,
    score: s.score,
    criticalFailed: s.criticalFailed,
    reference: s.monitor === ref?.monitor,
    deviation: basisScore === null ? 0 : round2(s.score - basisScore),
  }));

  const questions: QuestionAgreement[] = [];
  const nominal: (Rating | null)[][] = [];
  const ordinal: (Rating | null)[][] = [];
  for (const section of def.sections) {
    for (const q of section.questions) {
      const answers: Record<string, AnswerValue> = {};
      const given: AnswerValue[] = [];
      for (const s of scorings) {
        if (!Object.hasOwn(s.answers, q.id)) continue;
        const v = s.answers[q.id] as AnswerValue;
        answers[s.monitor] = v;
        given.push(v);
      }
      questions.push({
        questionId: q.id,
        text: q.text,
        type: q.type,
        answers,
        ...agreementOf(given),
        referenceAnswer: ref ? ref.answers[q.id] : undefined,
      });
      // One unit per question, one value per monitor; N/A and no answer are missing values.
      const unit = scorings.map((s): Rating | null => {
        const v = s.answers[q.id];
        if (v === undefined || v === null) return null;
        return q.type === 'scale' ? (fraction(q, v) as number) : typeof v === 'boolean' ? v : String(v);
      });
      (q.type === 'scale' ? ordinal : nominal).push(unit);
    }
  }
  const summary = (r: ReturnType<typeof krippendorffAlpha>): AlphaSummary => ({
    alpha: r.alpha === null ? null : Math.round(r.alpha * 1000) / 1000,
    units: r.units,
    pairable: r.pairable,
  });
  const sd = sampleSd(scores);
  return {
    basis,
    basisScore: basisScore === null ? null : round2(basisScore),
    mean: m === null ? null : round2(m),
    sd: sd === null ? null : round2(sd),
    monitors,
    questions,
    alpha: {
      nominal: summary(krippendorffAlpha(nominal, 'nominal')),
      ordinal: summary(krippendorffAlpha(ordinal, 'ordinal')),
    },
  };
}
