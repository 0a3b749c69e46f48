import { DEDUCTION_KEYS, type DeductionKey, FLAGS, type Flag } from '../../schemas/criteria.ts';
import type { PayRule, QualitySource } from '../../schemas/pay-rule.ts';
import type { DeductionLine } from '../../schemas/scorecard.ts';
import {
  add,
  cmp,
  decimalText,
  div,
  type Exact,
  exact,
  fromDecimal,
  max,
  min,
  mul,
  ONE,
  type Ratio,
  ratio,
  roundRatio,
  sub,
  toNumber,
  ZERO,
} from './exact.ts';
import { applyCoefficient, roundHalfUp } from './round.ts';

/**
 * The criteria a pay rule reads (docs/scoring.md; null = not applied), as they are: a ratio such as
 * the error rate 1/12 is given exactly, not as the 0.0833 a scorecard shows (a plain number is
 * read as the decimal it is written as).
 */
export interface PaidCriteria {
  tasksCompleted: number;
  tasksNorm: Exact | null;
  qualityScore: Exact | null;
  /** AutoQA's mean auto score (the rule's quality source `auto`). */
  autoQualityScore?: Exact | null;
  /** Per call the monitors' score where evaluated, else AutoQA's, averaged (source `blend`). */
  blendedQualityScore?: Exact | null;
  teamAchievement: Exact | null;
  internalClaims: number;
  clientClaims: number;
  orderErrorRate: Exact | null;
  negativeAssessments: number;
}

export interface PayResult {
  deductions: Record<DeductionKey, number>;
  explanation: DeductionLine[];
  /** `1 − Σ d_i`, clamped and rounded, with the numbers: the last line of an explanation. */
  coefficientFormula: string;
  coefficient: number;
  payout: number | null;
  adjustment: number | null;
  flags: Flag[];
}

const n = (x: number, places = 4) => String(roundHalfUp(x, places));
const q = (x: number) => fromDecimal(x);
/** A criterion in a formula: exact when it ends within 8 decimals, else cut there and marked `…`. */
const shown = (x: Ratio) => decimalText(x);

interface Part {
  applied: boolean;
  raw: Ratio;
  cap: number;
  inputs: Record<string, number | null>;
  /** The formula before the cap, with numbers. */
  expr: string;
  flag?: Flag;
  /** The quality deduction's: which score it read. */
  source?: QualitySource;
}

/** The input a quality line names, by the score it read. */
const QUALITY_INPUTS: Record<QualitySource, string> = {
  human: 'qualityScore',
  auto: 'autoQualityScore',
  blend: 'blendedQualityScore',
};

function parts(c: PaidCriteria, rule: PayRule): Record<DeductionKey, Part> {
  const r = rule;
  const notApplied = (cap: number, inputs: Part['inputs'], flag: Flag): Part => ({
    applied: false,
    raw: ZERO,
    cap,
    inputs,
    expr: 'not applied',
    flag,
  });
  const norm = c.tasksNorm === null ? null : exact(c.tasksNorm);
  const source = r.quality.source;
  const read =
    source === 'human' ? c.qualityScore : source === 'auto' ? c.autoQualityScore : c.blendedQualityScore;
  const quality = read == null ? null : exact(read);
  // The input is named for the score read, and the formula says which one when it is not the monitors'.
  const qualityInput = QUALITY_INPUTS[source];
  const qualityShown = (x: Ratio) => (source === 'human' ? shown(x) : `${shown(x)} (${source})`);
  const achievement = c.teamAchievement === null ? null : exact(c.teamAchievement);
  const errorRate = c.orderErrorRate === null ? null : exact(c.orderErrorRate);
  const each = (per: number, count: number) => mul(q(per), ratio(count));
  return {
    tasks:
      norm === null || cmp(norm, ZERO) <= 0
        ? notApplied(
            r.tasks.cap,
            { tasksCompleted: c.tasksCompleted, tasksNorm: norm && toNumber(norm) },
            FLAGS.noNorm,
          )
        : {
            applied: true,
            raw: mul(q(r.tasks.weight), max(ZERO, sub(ONE, div(ratio(c.tasksCompleted), norm)))),
            cap: r.tasks.cap,
            inputs: { tasksCompleted: c.tasksCompleted, tasksNorm: toNumber(norm), weight: r.tasks.weight },
            expr: `${r.tasks.weight} × max(0, 1 − ${c.tasksCompleted} / ${n(toNumber(norm), 2)})`,
          },
    quality:
      quality === null
        ? { ...notApplied(r.quality.cap, { [qualityInput]: null }, FLAGS.notEvaluated), source }
        : {
            applied: true,
            raw: mul(q(r.quality.perPoint), max(ZERO, sub(q(r.quality.threshold), quality))),
            cap: r.quality.cap,
            inputs: {
              [qualityInput]: toNumber(quality),
              threshold: r.quality.threshold,
              perPoint: r.quality.perPoint,
            },
            expr: `${r.quality.perPoint} × max(0, ${r.quality.threshold} − ${qualityShown(quality)})`,
            source,
          },
    targets:
      achievement === null
        ? notApplied(r.targets.cap, { teamAchievement: null }, FLAGS.noTarget)
        : {
            applied: true,
            raw: mul(q(r.targets.weight), max(ZERO, sub(ONE, achievement))),
            cap: r.targets.cap,
            inputs: { teamAchievement: toNumber(achievement), weight: r.targets.weight },
            expr: `${r.targets.weight} × max(0, 1 − ${shown(achievement)})`,
          },
    internalClaims: {
      applied: true,
      raw: each(r.internalClaims.each, c.internalClaims),
      cap: r.internalClaims.cap,
      inputs: { internalClaims: c.internalClaims, each: r.internalClaims.each },
      expr: `${r.internalClaims.each} × ${c.internalClaims}`,
    },
    clientClaims: {
      applied: true,
      raw: each(r.clientClaims.each, c.clientClaims),
      cap: r.clientClaims.cap,
      inputs: { clientClaims: c.clientClaims, each: r.clientClaims.each },
      expr: `${r.clientClaims.each} × ${c.clientClaims}`,
    },
    orderErrors:
      errorRate === null
        ? notApplied(r.orderErrors.cap, { orderErrorRate: null }, FLAGS.noOrders)
        : {
            applied: true,
            raw: mul(q(r.orderErrors.weight), max(ZERO, sub(errorRate, q(r.orderErrors.threshold)))),
            cap: r.orderErrors.cap,
            inputs: {
              orderErrorRate: toNumber(errorRate),
              threshold: r.orderErrors.threshold,
              weight: r.orderErrors.weight,
            },
            expr: `${r.orderErrors.weight} × max(0, ${shown(errorRate)} − ${r.orderErrors.threshold})`,
          },
    negativeAssessments: {
      applied: true,
      raw: each(r.negativeAssessments.each, c.negativeAssessments),
      cap: r.negativeAssessments.cap,
      inputs: { negativeAssessments: c.negativeAssessments, each: r.negativeAssessments.each },
      expr: `${r.negativeAssessments.each} × ${c.negativeAssessments}`,
    },
  };
}

/**
 * The variable-pay rule of docs/scoring.md: each deduction `d_i = min(cap_i, …)` over the exact
 * criteria, the coefficient `round_half_up_4dp(clamp(1 − Σ d_i, floor, ceiling))` decided on the
 * exact sum, the payout `round_half_up(base × coefficient)` in minor units. Nothing is rounded
 * before the coefficient; the figures shown are rounded from the exact ones. `variableBase` null:
 * no money, only the coefficient.
 */
export function applyPayRule(c: PaidCriteria, rule: PayRule, variableBase: number | null): PayResult {
  const all = parts(c, rule);
  const deductions = {} as Record<DeductionKey, number>;
  const explanation: DeductionLine[] = [];
  const flags: Flag[] = [];
  let sum = ZERO;
  for (const key of DEDUCTION_KEYS) {
    const p = all[key];
    const d = min(q(p.cap), max(ZERO, p.raw));
    deductions[key] = toNumber(d);
    sum = add(sum, d);
    if (p.flag) flags.push(p.flag);
    explanation.push({
      key,
      applied: p.applied,
      inputs: { ...p.inputs, cap: p.cap },
      formula: p.applied ? `min(${p.cap}, ${p.expr}) = ${shown(d)}` : `${p.expr}: 0`,
      fraction: toNumber(d),
      capped: p.applied && cmp(p.raw, q(p.cap)) > 0,
      amount: variableBase === null ? null : roundRatio(mul(ratio(variableBase), d), 0),
      ...(p.source ? { source: p.source } : {}),
    });
  }
  const unclamped = sub(ONE, sum);
  const clamped = min(q(rule.ceiling), max(q(rule.floor), unclamped));
  const coefficient = roundRatio(clamped, 4);
  const coefficientFormula =
    cmp(clamped, unclamped) === 0
      ? `1 − ${shown(sum)} = ${shown(unclamped)} → ${coefficient.toFixed(4)}`
      : `clamp(1 − ${shown(sum)}, ${rule.floor}, ${rule.ceiling}) = ${shown(clamped)} → ${coefficient.toFixed(4)}`;
  if (variableBase === null) flags.push(FLAGS.noVariableBase);
  const payout = variableBase === null ? null : applyCoefficient(variableBase, coefficient);
  return {
    deductions,
    explanation,
    coefficientFormula,
    coefficient,
    payout,
    adjustment: payout === null || variableBase === null ? null : payout - variableBase,
    flags,
  };
}
