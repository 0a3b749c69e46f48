import { z } from 'zod';
import { localDate } from './period.ts';

/**
 * A pay rule (docs/scoring.md, Variable pay): how the criteria become deductions from the variable
 * part of the salary. Stored as versioned JSON; this schema is its contract.
 */
const fraction = z.number().min(0).max(1);

/**
 * Which score the quality deduction reads (docs/scoring.md, "Quality source"): the monitors'
 * (qualityScore), AutoQA's (autoQualityScore), or per call the monitors' where they evaluated it,
 * else AutoQA's.
 */
export const QUALITY_SOURCES = ['human', 'auto', 'blend'] as const;
export type QualitySource = (typeof QUALITY_SOURCES)[number];
const cap = fraction;
const nonNegative = z.number().min(0).max(1000);

export const payRule = z
  .object({
    tasks: z.object({ weight: nonNegative, cap }).strict(),
    quality: z
      .object({
        threshold: z.number().min(0).max(100),
        perPoint: nonNegative,
        cap,
        // Absent in rules stored before there was a choice: they read the monitors' scores.
        source: z
          .enum(QUALITY_SOURCES, { error: `must be one of ${QUALITY_SOURCES.join(', ')}` })
          .default('human'),
      })
      .strict(),
    targets: z.object({ weight: nonNegative, cap }).strict(),
    internalClaims: z.object({ each: nonNegative, cap }).strict(),
    clientClaims: z.object({ each: nonNegative, cap }).strict(),
    orderErrors: z.object({ threshold: fraction, weight: nonNegative, cap }).strict(),
    negativeAssessments: z.object({ each: nonNegative, cap }).strict(),
    orderRules: z.object({ debt: z.boolean(), routing: z.boolean() }).strict(),
    floor: z.number().min(0).max(10),
    ceiling: z.number().min(0).max(10),
  })
  .strict()
  .refine((r) => r.floor <= r.ceiling, { message: 'floor must not be above ceiling', path: ['floor'] });
export type PayRule = z.infer<typeof payRule>;

/** The default rule, version 1, exactly as docs/scoring.md gives it. */
export const DEFAULT_PAY_RULE: PayRule = {
  tasks: { weight: 0.3, cap: 0.3 },
  quality: { threshold: 80, perPoint: 0.015, cap: 0.3, source: 'human' },
  targets: { weight: 0.5, cap: 0.25 },
  internalClaims: { each: 0.05, cap: 0.25 },
  clientClaims: { each: 0.1, cap: 0.3 },
  orderErrors: { threshold: 0.02, weight: 2.0, cap: 0.2 },
  negativeAssessments: { each: 0.1, cap: 0.3 },
  orderRules: { debt: true, routing: true },
  floor: 0,
  ceiling: 1,
};

export const newPayRuleRequest = z.object({
  /** null: the rule for every department that has none of its own. */
  department: z.string().trim().min(1).max(200).nullable(),
  /** First local date the rule applies to (a period is scored with the rule in force on its first day). */
  validFrom: localDate,
  rule: payRule,
  note: z.string().trim().max(1000).optional(),
});
export type NewPayRuleRequest = z.infer<typeof newPayRuleRequest>;

export interface PayRuleVersion {
  id: number;
  department: string | null;
  version: number;
  validFrom: string;
  rule: PayRule;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}
/** `GET /api/pay-rules`. */
export interface PayRulesResponse {
  rules: PayRuleVersion[];
}
/** One rule: the one in force (`GET /api/pay-rules/in-force`) or the one saved (`POST /api/pay-rules`). */
export interface PayRuleResponse {
  rule: PayRuleVersion;
}

/** What a rule would change in a month, before it is saved (POST /api/pay-rules/preview). */
export interface RulePreview {
  period: string;
  department: string | null;
  operators: number;
  current: { payout: number; adjustment: number; meanCoefficient: number | null };
  proposed: { payout: number; adjustment: number; meanCoefficient: number | null };
  /** Per operator of the department, the coefficient and payout now and under the proposed rule. */
  changes: {
    operatorId: string;
    name: string;
    coefficient: { current: number; proposed: number };
    payout: { current: number | null; proposed: number | null };
  }[];
}

/** The built-in rule, for a store whose rules were all removed by hand. */
const BUILT_IN: PayRuleVersion = {
  id: 0,
  department: null,
  version: 1,
  validFrom: '2000-01-01',
  rule: DEFAULT_PAY_RULE,
  note: 'built in',
  createdAt: '2000-01-01T00:00:00.000Z',
  createdBy: null,
};

/**
 * The rule that scores a department's period: the department's own rule in force on the
 * period's first day, else the general one (department null) in force that day.
 */
export function ruleInForce(
  rules: readonly PayRuleVersion[],
  department: string | null,
  firstDay: string,
): PayRuleVersion {
  const inForce = (dept: string | null) =>
    rules
      .filter((r) => r.department === dept && r.validFrom <= firstDay)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.version - a.version)[0];
  return (department !== null ? inForce(department) : undefined) ?? inForce(null) ?? BUILT_IN;
}
