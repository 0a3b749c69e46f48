import { z } from 'zod';
import { period } from './period.ts';

/**
 * AutoQA: checks of what the operator says on every transcribed call, declared as data (the rule
 * set) and versioned: a company edits the phrase lists and the parameters, and every edit is a new
 * version. The engine (server/autoqa) runs each check by its `kind`; the default rule set, one
 * check per rule of the job description, is in autoqa-rules.ts.
 */

/** The languages the default rule set has phrase lists for (Snowball stemmers exist for them). */
export const AUTOQA_LANGUAGES = ['en', 'ru', 'ro'] as const;
export type AutoqaLanguage = (typeof AUTOQA_LANGUAGES)[number];

export const CHECK_RESULTS = ['pass', 'fail', 'na'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

const checkKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'is not a check key (lowercase letters, digits and dashes)');

const language = z.string().regex(/^[a-z]{2}$/, 'is not an ISO 639-1 language code');

/**
 * A phrase: words spoken in a row, matched on their stems, case, punctuation and diacritics
 * ignored. `*` stands for any one word ("this is * speaking"), `#` for any number, in digits or
 * in words ("at #", "# o'clock").
 */
const phrase = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((p) => /[\p{L}\p{N}#]/u.test(p.replaceAll('*', '')), 'must hold at least one word');

/** Phrases per language: `{en: [...], ru: [...], ro: [...]}`. */
export const phraseList = z.record(language, z.array(phrase).max(500));
export type PhraseList = z.infer<typeof phraseList>;

const labels = z.object({
  en: z.string().trim().min(1).max(120),
  ru: z.string().trim().min(1).max(120),
  ro: z.string().trim().min(1).max(120),
});

const seconds = z.number().positive().max(3600);
const atLeastOne = z.number().int().min(1).max(100);

const base = { key: checkKey, labels };

/**
 * The kinds of check the engine knows, each with its parameters and the phrase lists it reads.
 * Windows are on the recording's clock (seconds from the agent's first word, or to his last).
 */
export const checkDef = z.discriminatedUnion('kind', [
  // The agent says one of the phrases in his first `windowSeconds` of speech (greeting,
  // introduction). `companyNames` (any language) and the company's name from the settings count
  // as phrases too where `includeCompanyName` is set.
  z.object({
    ...base,
    kind: z.literal('opening-phrase'),
    params: z.object({ windowSeconds: seconds, includeCompanyName: z.boolean().default(false) }),
    companyNames: z.array(phrase).max(50).default([]),
    phrases: z.object({ phrases: phraseList }),
  }),
  // The agent says one of the phrases in his last `windowSeconds` of speech (farewell).
  z.object({
    ...base,
    kind: z.literal('closing-phrase'),
    params: z.object({ windowSeconds: seconds }),
    phrases: z.object({ phrases: phraseList }),
  }),
  // The agent never says a phrase of the list (courtesy).
  z.object({
    ...base,
    kind: z.literal('forbidden-phrase'),
    params: z.object({}).default({}),
    phrases: z.object({ phrases: phraseList }),
  }),
  // The agent names, on his own, a catalogue product of the chosen set: new or on promotion on
  // the call's date, or traditional for the client's type.
  z.object({
    ...base,
    kind: z.literal('product-offer'),
    params: z.object({ products: z.enum(['new-or-promotion', 'traditional']) }),
  }),
  // After the client's first request, the agent names at least `minProducts` distinct products
  // the client had not named.
  z.object({
    ...base,
    kind: z.literal('upsell'),
    params: z.object({ minProducts: atLeastOne }),
  }),
  // The agent states a day or time (`when`) while speaking of the delivery (`delivery`, in his
  // segment or in the client's question just before it).
  z.object({
    ...base,
    kind: z.literal('delivery'),
    params: z.object({}).default({}),
    phrases: z.object({ delivery: phraseList, when: phraseList }),
  }),
  // The agent names back at least `minProducts` of the products the client ordered. A product the
  // client names next to a refusal (`negation` within `declineWords` words) or in a question about
  // it (`question`) is not ordered by that mention.
  z.object({
    ...base,
    kind: z.literal('read-back'),
    params: z.object({ minProducts: atLeastOne, declineWords: z.number().int().min(0).max(10) }),
    phrases: z.object({ negation: phraseList, question: phraseList }),
  }),
  // The client had overdue or excess debt at the call's time and the agent speaks of it.
  z.object({
    ...base,
    kind: z.literal('debt'),
    params: z.object({}).default({}),
    phrases: z.object({ phrases: phraseList }),
  }),
  // No silence longer than `maxSilenceSeconds` that no segment of either side covers.
  z.object({
    ...base,
    kind: z.literal('dead-air'),
    params: z.object({ maxSilenceSeconds: seconds }),
  }),
  // The agent starts speaking inside a client's segment at most `maxInterruptions` times.
  z.object({
    ...base,
    kind: z.literal('talk-over'),
    params: z.object({ maxInterruptions: z.number().int().min(0).max(100) }),
  }),
]);
export type CheckDef = z.infer<typeof checkDef>;
export type CheckKind = CheckDef['kind'];

/** A rule set as edited: its checks, keys unique. */
export const ruleSetRequest = z.object({
  checks: z
    .array(checkDef)
    .min(1)
    .max(50)
    .superRefine((checks, ctx) => {
      const seen = new Set<string>();
      for (const [i, c] of checks.entries()) {
        if (seen.has(c.key))
          ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `"${c.key}" is used twice` });
        seen.add(c.key);
      }
    }),
});
export type RuleSetRequest = z.infer<typeof ruleSetRequest>;

/** A stored version of the rule set. */
export interface RuleSetView {
  version: number;
  createdAt: string;
  createdBy: string;
  checks: CheckDef[];
}

/** `GET /api/autoqa/rules`, and `PUT` with the new version. */
export interface RuleSetResponse {
  ruleSet: RuleSetView;
}

/** What decided a result: the segments (seq, times, the phrase or product heard) or the window searched. */
export const evidenceSchema = z.object({
  reason: z.string().optional(),
  segments: z
    .array(
      z.object({
        seq: z.number(),
        startS: z.number(),
        endS: z.number(),
        phrase: z.string().optional(),
        productId: z.string().optional(),
      }),
    )
    .optional(),
  window: z.object({ fromS: z.number(), toS: z.number() }).optional(),
  count: z.number().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** One call's checks as `callscore autoqa --format json` prints them. */
export interface AutoqaCallRow {
  callId: string;
  operatorId: string | null;
  language: string;
  checks: Record<string, CheckResult>;
  /**
   * The score of the call's auto evaluation (a form whose questions name checks), on the 0–100
   * scale of human evaluations; null when no form scores the call (autoFor) or nothing on it was answered.
   */
  autoScore: number | null;
}

export const autoqaRunQuery = z.object({ period });

/** `GET /api/autoqa/results?period=`: the period's transcribed calls the caller may see. */
export interface AutoqaResultsResponse {
  calls: AutoqaCallRow[];
}

/** `POST /api/autoqa/run?period=`: what the run did. */
export interface AutoqaRunResponse {
  period: string;
  rulesVersion: number;
  /** Transcribed calls of the period. */
  transcribed: number;
  /** Calls checked by this run (the others already had results of this rule-set version). */
  checked: number;
}

export interface CallCheckView {
  key: string;
  labels: { en: string; ru: string; ro: string };
  result: CheckResult;
  evidence: Evidence;
}

/** `GET /api/autoqa/calls/:id`: the call's results under the current rule set, with evidence. */
export interface CallAutoqaResponse {
  callId: string;
  rulesVersion: number;
  language: string | null;
  checkedAt: string | null;
  checks: CallCheckView[];
}

export const SPEAKERS = ['agent', 'customer', 'unknown'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export interface TranscriptSegmentView {
  seq: number;
  speaker: Speaker;
  /** Seconds from the start of the recording. */
  startS: number;
  endS: number;
  text: string;
}

/** `GET /api/calls/:id/transcript`: the call's transcript, its segments in order. */
export interface TranscriptResponse {
  callId: string;
  language: string;
  engine: string | null;
  /** False when every segment's speaker is `unknown` (a mono recording, no diarization). */
  speakersKnown: boolean;
  segments: TranscriptSegmentView[];
}

export const accuracyQuery = z.object({ period });

/**
 * AutoQA against people on one check (and one language, or all): the calls both scored, how many
 * agree, and the confusion counts with "fail" as the positive class (AutoQA flags a failure).
 */
export interface AccuracyCell {
  /** Pairs compared: a person's answer and AutoQA's result on the same call and check. */
  n: number;
  agree: number;
  /** agree / n; null when n is 0. */
  agreement: number | null;
  /** Both fail. */
  tp: number;
  /** AutoQA fail, the person pass. */
  fp: number;
  /** AutoQA pass, the person fail. */
  fn: number;
  /** Both pass. */
  tn: number;
  /** AutoQA `na` where the person answered pass or fail. */
  autoNa: number;
  /** The person N/A where AutoQA said pass or fail. */
  humanNa: number;
  /** Both N/A (an agreement). */
  bothNa: number;
  /** tp / (tp + fp): of AutoQA's failures, the share the person also failed; null without any. */
  precision: number | null;
  /** tp / (tp + fn): of the person's failures, the share AutoQA also flagged; null without any. */
  recall: number | null;
}

export interface AccuracyCheckRow {
  key: string;
  labels: { en: string; ru: string; ro: string };
  /** Every language together. */
  all: AccuracyCell;
  /** Per language of the transcripts (`en`, `ru`, `ro`, …). */
  byLanguage: Record<string, AccuracyCell>;
}

export interface AccuracyDisagreement {
  callId: string;
  operatorId: string | null;
  language: string;
  checkKey: string;
  questionId: string;
  autoResult: CheckResult;
  humanResult: CheckResult;
  evaluationId: string;
  evaluator: string;
}

/** `GET /api/autoqa/accuracy?period=`: per check and language, on the caller's operators' calls. */
export interface AccuracyResponse {
  period: string;
  rulesVersion: number;
  /** Counted evaluations compared (on a form with questions naming checks, of a checked call). */
  evaluations: number;
  languages: string[];
  checks: AccuracyCheckRow[];
  disagreements: AccuracyDisagreement[];
}
