import { DEDUCTION_KEYS, type DeductionKey } from '../../schemas/criteria.ts';
import type { Aggregate } from '../../schemas/dashboard.ts';
import type { KpiRow, ScorecardRow } from '../../schemas/scorecard.ts';
import { roundHalfUp } from '../scoring/round.ts';

const ratio = (a: number, b: number, places = 4): number | null =>
  b > 0 ? roundHalfUp(a / b, places) : null;
const mean = (xs: readonly number[], places: number): number | null =>
  xs.length ? roundHalfUp(xs.reduce((s, x) => s + x, 0) / xs.length, places) : null;

/** The contact-center KPIs that cannot be rebuilt from scorecards (they need the queues). */
export type QueueKpis = Pick<KpiRow, 'asa' | 'serviceLevel' | 'abandonmentRate'>;
export const NO_QUEUE_KPIS: QueueKpis = { asa: null, serviceLevel: null, abandonmentRate: null };

/**
 * Rolls the scorecards of a set of operators up into one Aggregate. Nothing here scores: every
 * figure is a sum or a weighted mean of what scoreRange gave each operator.
 */
export function aggregate(rows: readonly ScorecardRow[], kpis: QueueKpis): Aggregate {
  let handledCalls = 0;
  let tasksCompleted = 0;
  let tasksNorm = 0;
  let withNorm = 0;
  let tasksCompletedWithNorm = 0;
  let qualityWeighted = 0;
  let evaluations = 0;
  let criticalFailures = 0;
  let internalClaims = 0;
  let clientClaims = 0;
  let ordersAccepted = 0;
  let ordersWithErrors = 0;
  let negativeAssessments = 0;
  let ahtWeighted = 0;
  let active = 0;
  let variableBase = 0;
  let payout = 0;
  let adjustment = 0;
  let withBase = 0;
  const upsell: number[] = [];
  const coefficients: number[] = [];
  const deductions = Object.fromEntries(
    DEDUCTION_KEYS.map((k) => [k, { amount: 0, operators: 0 }]),
  ) as Record<DeductionKey, { amount: number; operators: number }>;
  // Targets belong to teams: each team's targets count once, however many operators it has.
  const teamTargets = new Map<string, ScorecardRow['targets']>();

  for (const r of rows) {
    const s = r.scorecard;
    handledCalls += s.handledCalls;
    tasksCompleted += s.tasksCompleted;
    if (s.tasksNorm !== null) {
      tasksNorm += s.tasksNorm;
      withNorm++;
      tasksCompletedWithNorm += s.tasksCompleted;
    }
    if (s.qualityScore !== null && r.evaluations > 0) {
      qualityWeighted += s.qualityScore * r.evaluations;
      evaluations += r.evaluations;
    }
    criticalFailures += s.criticalFailures;
    internalClaims += s.internalClaims;
    clientClaims += s.clientClaims;
    ordersAccepted += s.ordersAccepted;
    ordersWithErrors += s.ordersWithErrors;
    negativeAssessments += s.negativeAssessments;
    if (s.upsellRate !== null) upsell.push(s.upsellRate);
    if (s.aht !== null) ahtWeighted += s.aht * s.handledCalls;
    if (s.handledCalls > 0 || s.ordersAccepted > 0) active++;
    coefficients.push(s.coefficient);
    if (s.variableBase !== null && s.payout !== null && s.adjustment !== null) {
      withBase++;
      variableBase += s.variableBase;
      payout += s.payout;
      adjustment += s.adjustment;
    }
    for (const line of r.explanation) {
      if (line.fraction <= 0) continue;
      deductions[line.key].operators++;
      deductions[line.key].amount += line.amount ?? 0;
    }
    if (!teamTargets.has(r.teamId)) teamTargets.set(r.teamId, r.targets);
  }
  const targets = [...teamTargets.values()].flat();

  return {
    operators: rows.length,
    activeOperators: active,
    handledCalls,
    tasksCompleted,
    tasksNorm: withNorm ? roundHalfUp(tasksNorm, 2) : null,
    tasksCompletedWithNorm,
    tasksVsNorm: ratio(tasksCompletedWithNorm, tasksNorm),
    qualityScore: ratio(qualityWeighted, evaluations, 2),
    evaluations,
    criticalFailures,
    targets: targets.length,
    targetsMet: targets.filter((t) => t.achievement >= 1).length,
    teamAchievement: mean(
      targets.map((t) => t.achievement),
      4,
    ),
    internalClaims,
    clientClaims,
    ordersAccepted,
    ordersWithErrors,
    orderErrorRate: ratio(ordersWithErrors, ordersAccepted),
    negativeAssessments,
    upsellRate: mean(upsell, 4),
    aht: ratio(ahtWeighted, handledCalls, 1),
    asa: kpis.asa,
    serviceLevel: kpis.serviceLevel,
    abandonmentRate: kpis.abandonmentRate,
    variableBase: withBase ? variableBase : null,
    payout: withBase ? payout : null,
    adjustment: withBase ? adjustment : null,
    coefficient: mean(coefficients, 4),
    deductions,
  };
}
