import { DEDUCTION_KEYS, type DeductionKey, FLAGS, type Flag } from '../../schemas/criteria.ts';
import type { PayRule } from '../../schemas/pay-rule.ts';
import type { DeductionLine } from '../../schemas/scorecard.ts';
import { applyCoefficient, clean, roundHalfUp, shareOf } from './round.ts';

/** The criteria a pay rule reads (SCORING.md; null = not applied). */
export interface PaidCriteria {
  tasksCompleted: number;
  tasksNorm: number | null;
  qualityScore: number | null;
  teamAchievement: number | null;
  internalClaims: number;
  clientClaims: number;
  orderErrorRate: number | null;
  negativeAssessments: number;
}

export interface PayResult {
  deductions: Record<DeductionKey, number>;
  explanation: DeductionLine[];
  coefficient: number;
  payout: number | null;
  adjustment: number | null;
  flags: Flag[];
}

const n = (x: number, places = 4) => String(roundHalfUp(x, places));

interface Part {
  applied: boolean;
  raw: number;
  cap: number;
  inputs: Record<string, number | null>;
  /** The formula before the cap, with numbers. */
  expr: string;
  flag?: Flag;
}

function parts(c: PaidCriteria, rule: PayRule): Record<DeductionKey, Part> {
  const r = rule;
  const notApplied = (cap: number, inputs: Part['inputs'], flag: Flag): Part => ({
    applied: false,
    raw: 0,
    cap,
    inputs,
    expr: 'not applied',
    flag,
  });
  return {
    tasks:
      c.tasksNorm === null || c.tasksNorm <= 0
        ? notApplied(r.tasks.cap, { tasksCompleted: c.tasksCompleted, tasksNorm: c.tasksNorm }, FLAGS.noNorm)
        : {
            applied: true,
            raw: r.tasks.weight * Math.max(0, 1 - c.tasksCompleted / c.tasksNorm),
            cap: r.tasks.cap,
            inputs: { tasksCompleted: c.tasksCompleted, tasksNorm: c.tasksNorm, weight: r.tasks.weight },
            expr: `${r.tasks.weight} × max(0, 1 − ${c.tasksCompleted} / ${n(c.tasksNorm, 2)})`,
          },
    quality:
      c.qualityScore === null
        ? notApplied(r.quality.cap, { qualityScore: null }, FLAGS.notEvaluated)
        : {
            applied: true,
            raw: r.quality.perPoint * Math.max(0, r.quality.threshold - c.qualityScore),
            cap: r.quality.cap,
            inputs: {
              qualityScore: c.qualityScore,
              threshold: r.quality.threshold,
              perPoint: r.quality.perPoint,
            },
            expr: `${r.quality.perPoint} × max(0, ${r.quality.threshold} − ${c.qualityScore})`,
          },
    targets:
      c.teamAchievement === null
        ? notApplied(r.targets.cap, { teamAchievement: null }, FLAGS.noTarget)
        : {
            applied: true,
            raw: r.targets.weight * Math.max(0, 1 - c.teamAchievement),
            cap: r.targets.cap,
            inputs: { teamAchievement: c.teamAchievement, weight: r.targets.weight },
            expr: `${r.targets.weight} × max(0, 1 − ${n(c.teamAchievement)})`,
          },
    internalClaims: {
      applied: true,
      raw: r.internalClaims.each * c.internalClaims,
      cap: r.internalClaims.cap,
      inputs: { internalClaims: c.internalClaims, each: r.internalClaims.each },
      expr: `${r.internalClaims.each} × ${c.internalClaims}`,
    },
    clientClaims: {
      applied: true,
      raw: r.clientClaims.each * c.clientClaims,
      cap: r.clientClaims.cap,
      inputs: { clientClaims: c.clientClaims, each: r.clientClaims.each },
      expr: `${r.clientClaims.each} × ${c.clientClaims}`,
    },
    orderErrors:
      c.orderErrorRate === null
        ? notApplied(r.orderErrors.cap, { orderErrorRate: null }, FLAGS.noOrders)
        : {
            applied: true,
            raw: r.orderErrors.weight * Math.max(0, c.orderErrorRate - r.orderErrors.threshold),
            cap: r.orderErrors.cap,
            inputs: {
              orderErrorRate: c.orderErrorRate,
              threshold: r.orderErrors.threshold,
              weight: r.orderErrors.weight,
            },
            expr: `${r.orderErrors.weight} × max(0, ${n(c.orderErrorRate)} − ${r.orderErrors.threshold})`,
          },
    negativeAssessments: {
      applied: true,
      raw: r.negativeAssessments.each * c.negativeAssessments,
      cap: r.negativeAssessments.cap,
      inputs: { negativeAssessments: c.negativeAssessments, each: r.negativeAssessments.each },
      expr: `${r.negativeAssessments.each} × ${c.negativeAssessments}`,
    },
  };
}

/**
 * The variable-pay rule of SCORING.md: each deduction `d_i = min(cap_i, …)`, the coefficient
 * `round_half_up_4dp(clamp(1 − Σ d_i, floor, ceiling))`, the payout `round_half_up(base × coefficient)`
 * in minor units. `variableBase` null: no money, only the coefficient.
 */
export function applyPayRule(c: PaidCriteria, rule: PayRule, variableBase: number | null): PayResult {
  const all = parts(c, rule);
  const deductions = {} as Record<DeductionKey, number>;
  const explanation: DeductionLine[] = [];
  const flags: Flag[] = [];
  let sum = 0;
  for (const key of DEDUCTION_KEYS) {
    const p = all[key];
    const fraction = clean(Math.min(p.cap, Math.max(0, p.raw)));
    deductions[key] = fraction;
    sum += fraction;
    if (p.flag) flags.push(p.flag);
    explanation.push({
      key,
      applied: p.applied,
      inputs: { ...p.inputs, cap: p.cap },
      formula: p.applied ? `min(${p.cap}, ${p.expr}) = ${n(fraction, 6)}` : `${p.expr}: 0`,
      fraction,
      capped: p.applied && p.raw > p.cap,
      amount: variableBase === null ? null : shareOf(variableBase, fraction),
    });
  }
  const coefficient = roundHalfUp(Math.min(rule.ceiling, Math.max(rule.floor, clean(1 - sum))), 4);
  if (variableBase === null) flags.push(FLAGS.noVariableBase);
  const payout = variableBase === null ? null : applyCoefficient(variableBase, coefficient);
  return {
    deductions,
    explanation,
    coefficient,
    payout,
    adjustment: payout === null || variableBase === null ? null : payout - variableBase,
    flags,
  };
}
