import { z } from 'zod';
import type { CallCheckView } from './autoqa.ts';
import { ruleSetRequest } from './autoqa.ts';
import { localDate } from './period.ts';
import { CLIENT_TYPES } from './records.ts';

/**
 * The rule test: a draft rule set (unsaved, as the QA lead is editing it) run on one transcript,
 * pasted or stored, with the real checks. Nothing of it is stored.
 */

const language = z.string().regex(/^[a-z]{2}$/, 'is not an ISO 639-1 language code');

/** The longest transcript the box takes: a long call is a few hundred segments. */
export const MAX_PASTED_CHARS = 200_000;

export const ruleTestSource = z.discriminatedUnion('from', [
  // A stored transcript: the call's own client, debts and date are used.
  z.object({
    from: z.literal('call'),
    callId: z.string().trim().min(1).max(200),
    /** Read the transcript as this language instead of the one it was stored with. */
    language: language.optional(),
  }),
  // A pasted transcript: one segment a line (`agent: …`, `customer: …`, optionally timed), or a
  // canonical JSON transcript. What the call would know beside the words is given here.
  z.object({
    from: z.literal('text'),
    text: z.string().min(1, 'is empty').max(MAX_PASTED_CHARS),
    language,
    clientType: z.enum(CLIENT_TYPES).optional(),
    /** The client owed (overdue) at the call's time. */
    debt: z.boolean().optional(),
    /** The call's local date (promotions); default today. */
    date: localDate.optional(),
  }),
]);
export type RuleTestSource = z.infer<typeof ruleTestSource>;

/** `POST /api/autoqa/rules/test`. */
export const ruleTestRequest = z.object({
  checks: ruleSetRequest.shape.checks,
  source: ruleTestSource,
});
export type RuleTestRequest = z.infer<typeof ruleTestRequest>;

export interface RuleTestSegment {
  seq: number;
  speaker: 'agent' | 'customer' | 'unknown';
  startS: number;
  endS: number;
  text: string;
}

export interface RuleTestResponse {
  /** The stored call tested, or null for a pasted transcript. */
  callId: string | null;
  language: string;
  /** The call's local date the checks saw. */
  date: string;
  segments: RuleTestSegment[];
  checks: CallCheckView[];
  /** Milliseconds the test took on the server. */
  ms: number;
}
