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

const questionBase = {
  id: slug,
  text: z.string({ error: 'is required' }).trim().min(1, 'is required').max(500),
  help: z.string().trim().max(2000).nullable().default(null),
  weight: z.number({ error: 'must be a number' }).positive('must be greater than 0').max(1000),
  allowNa: z.boolean().default(false),
  critical: z
    .enum(CRITICAL_LEVELS, { error: `must be one of ${CRITICAL_LEVELS.join(', ')}` })
    .default('none'),
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

export const formDefinition = z
  .object({
    sections: z.array(section).min(1, 'a form needs at least one section').max(50),
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
      });
    });
  });
export type FormDefinition = z.infer<typeof formDefinition>;

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
