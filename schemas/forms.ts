import { z } from 'zod';

/**
 * Monitoring forms (docs/scoring.md, "Evaluation forms"): sections of weighted questions, the answers
 * a monitor gives, and the score they earn. The form definition is stored as JSON in
 * `forms.definition`; these schemas are its contract and the API's.
 */

export const QUESTION_TYPES = ['yes_no', 'scale', 'choice'] as const;
export const CRITICAL_LEVELS = ['none', 'section', 'form'] as const;
export const FORM_STATUSES = ['published', 'archived'] as const;

const slug = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'must be 1–64 letters, digits, dash or underscore');

export const autoBinding = z
  .object({
    check: slug,
    pass: z.union([z.number(), z.string().trim().min(1).max(200)]).optional(),
    fail: z.union([z.number(), z.string().trim().min(1).max(200)]).optional(),
  })
  .strict();
export type AutoBinding = z.infer<typeof autoBinding>;

const questionBase = {
  id: slug,
  text: z.string({ error: 'is required' }).trim().min(1, 'is required').max(500),
  help: z.string().trim().max(2000).nullable().default(null),
  weight: z.number({ error: 'must be a number' }).positive('must be greater than 0').max(1000),
  allowNa: z.boolean().default(false),
  critical: z
    .enum(CRITICAL_LEVELS, { error: `must be one of ${CRITICAL_LEVELS.join(', ')}` })
    .default('none'),
  /**
   * The AutoQA check that answers this question (docs/autoqa.md, "Auto evaluations"). A yes/no
   * question is yes on pass, no on fail; a scale question takes `pass` / `fail` (default its max /
   * min), a choice question the option labels `pass` / `fail` (default the options earning most /
   * least). A check's `na` is N/A where the question allows it, else the question stays
   * unanswered (out of the score either way).
   */
  auto: autoBinding.optional(),
};

export const choiceOption = z.object({
  label: z.string().trim().min(1, 'is required').max(200),
  points: z.number().min(0, 'must not be negative').max(1000),
});

export const question = z.discriminatedUnion(
  'type',
  [
    z.object({ ...questionBase, type: z.literal('yes_no') }),
    z
      .object({ ...questionBase, type: z.literal('scale'), min: z.number().int(), max: z.number().int() })
      .refine((q) => q.max > q.min, { message: 'max must be greater than min', path: ['max'] }),
    z
      .object({
        ...questionBase,
        type: z.literal('choice'),
        options: z.array(choiceOption).min(2, 'needs at least two options').max(20),
      })
      .refine((q) => q.options.some((o) => o.points > 0), {
        message: 'at least one option must earn points',
        path: ['options'],
      })
      .refine((q) => new Set(q.options.map((o) => o.label)).size === q.options.length, {
        message: 'option labels must differ',
        path: ['options'],
      }),
  ],
  { error: `type must be one of ${QUESTION_TYPES.join(', ')}` },
);
export type Question = z.infer<typeof question>;

export const section = z.object({
  id: slug,
  title: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  questions: z.array(question).min(1, 'a section needs at least one question').max(100),
});
export type Section = z.infer<typeof section>;

/** Which calls get an auto evaluation on this form: none, or calls of this direction. */
export const AUTO_FOR = ['none', 'inbound', 'outbound', 'all'] as const;
export type AutoFor = (typeof AUTO_FOR)[number];

export const formDefinition = z
  .object({
    sections: z.array(section).min(1, 'a form needs at least one section').max(50),
    /**
     * The calls AutoQA scores on this form (its auto evaluations); absent is `none`. A form with
     * questions bound to checks still comes pre-answered to a monitor whatever this says.
     */
    autoFor: z.enum(AUTO_FOR, { error: `must be one of ${AUTO_FOR.join(', ')}` }).optional(),
  })
  .superRefine((d, ctx) => {
    const sections = new Set<string>();
    const questions = new Set<string>();
    d.sections.forEach((s, i) => {
      if (sections.has(s.id))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'id'],
          message: `duplicate section id "${s.id}"`,
        });
      sections.add(s.id);
      s.questions.forEach((q, j) => {
        if (questions.has(q.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', i, 'questions', j, 'id'],
            message: `duplicate question id "${q.id}"`,
          });
        }
        questions.add(q.id);
        if (q.auto) {
          for (const problem of autoBindingProblems(q))
            ctx.addIssue({
              code: 'custom',
              path: ['sections', i, 'questions', j, 'auto'],
              message: problem,
            });
        }
      });
    });
  });
export type FormDefinition = z.infer<typeof formDefinition>;

/** What is wrong with a question's `auto` binding's pass / fail values for its type. */
function autoBindingProblems(q: Question): string[] {
  const a = q.auto;
  if (!a) return [];
  const values = [
    ['pass', a.pass],
    ['fail', a.fail],
  ] as const;
  const problems: string[] = [];
  for (const [name, v] of values) {
    if (v === undefined) continue;
    if (q.type === 'yes_no') problems.push(`${name}: a yes/no question takes no ${name} value`);
    else if (q.type === 'scale' && (typeof v !== 'number' || !Number.isInteger(v) || v < q.min || v > q.max))
      problems.push(`${name}: must be a whole number from ${q.min} to ${q.max}`);
    else if (q.type === 'choice' && !q.options.some((o) => o.label === v))
      problems.push(`${name}: must be one of the options' labels`);
  }
  return problems;
}

/**
 * One answer: `true`/`false` for yes_no, a whole number in `min..max` for scale, an option's
 * label for choice, and `null` for N/A (only where the question allows it). A question without a
 * key is not answered yet (a draft may have those; a submitted evaluation may not).
 */
export const answerValue = z.union([z.boolean(), z.number(), z.string().max(200), z.null()]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answers = z.record(z.string().max(64), answerValue);
export type Answers = z.infer<typeof answers>;

export interface SectionScore {
  sectionId: string;
  /** 0–100 over the section's answered non-N/A questions; null when it has none. */
  score: number | null;
  criticalFailed: boolean;
}

/** What a set of answers earns on a form (core/form-score.ts). */
export interface ScoreResult {
  /** 0–100 rounded half-up to 2 decimals; null when no question was answered other than N/A. */
  score: number | null;
  /** A critical question (section or form level) failed. */
  criticalFailed: boolean;
  /** Ids of the critical questions that failed. */
  failedCriticals: string[];
  sections: SectionScore[];
  /** Questions that earned something (not N/A, answered). */
  answered: number;
  notApplicable: number;
  unanswered: number;
}

// ---- API ----

const formName = z.string({ error: 'is required' }).trim().min(1, 'is required').max(200);

export const newFormRequest = z.object({
  name: formName,
  description: z.string().trim().max(2000).nullable().default(null),
  definition: formDefinition,
});
export type NewFormRequest = z.infer<typeof newFormRequest>;

export const updateFormRequest = z.object({
  name: formName.optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  definition: formDefinition.optional(),
});
export type UpdateFormRequest = z.infer<typeof updateFormRequest>;

export const scoreRequest = z.object({ answers });

export interface FormView {
  /** Id of this version; evaluations point at it. */
  id: number;
  /** Stable across versions. */
  formKey: string;
  version: number;
  name: string;
  description: string | null;
  status: (typeof FORM_STATUSES)[number];
  /** The newest version of its form. */
  latest: boolean;
  definition: FormDefinition;
  createdAt: string;
  createdBy: string | null;
  /** Evaluations made on this version. */
  evaluations: number;
}
export interface FormSummary extends Omit<FormView, 'definition'> {
  questions: number;
}
export interface FormsResponse {
  forms: FormSummary[];
}
export interface FormResponse {
  form: FormView;
}
