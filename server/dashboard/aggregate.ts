import { figure, metricValue } from '../../core/metric-values.ts';
import {
  DEDUCTION_KEYS,
  type DeductionKey,
  METRICS,
  type MetricDef,
  type QueueMetrics,
} from '../../schemas/criteria.ts';
import type { Aggregate } from '../../schemas/dashboard.ts';
import type { ScorecardRow } from '../../schemas/scorecard.ts';
import { roundHalfUp } from '../scoring/round.ts';

const ratio = (a: number, b: number, places: number): number | null =>
  b > 0 ? roundHalfUp(a / b, places) : null;
const mean = (xs: readonly number[], places: number): number | null =>
  xs.length ? roundHalfUp(xs.reduce((s, x) => s + x, 0) / xs.length, places) : null;

/** The contact-center KPIs that cannot be rebuilt from scorecards (they need the queues). */
export type QueueKpis = QueueMetrics;
export const NO_QUEUE_KPIS = Object.fromEntries(
  METRICS.filter((m) => m.rollup.kind === 'queue').map((m) => [m.key, null]),
) as QueueKpis;

/** Targets belong to teams: each team's targets count once, however many operators it has. */
function teamTargets(rows: readonly ScorecardRow[]): ScorecardRow['targets'] {
  const byTeam = new Map<string, ScorecardRow['targets']>();
  for (const r of rows) if (!byTeam.has(r.teamId)) byTeam.set(r.teamId, r.targets);
  return [...byTeam.values()].flat();
}

/** One metric over a set of operators, as its rollup says. */
export function rollUp(
  m: MetricDef,
  rows: readonly ScorecardRow[],
  kpis: Readonly<Record<string, number | null>>,
): number | null {
  const r = m.rollup;
  const values = (key: string) => rows.map((row) => figure(row, key));
  switch (r.kind) {
    case 'sum':
      return values(m.key).reduce((s: number, v) => s + (v ?? 0), 0);
    case 'sumOfPresent': {
      const present = values(m.key).filter((v) => v !== null);
      return present.length
        ? roundHalfUp(
            present.reduce((s, v) => s + v, 0),
            r.places,
          )
        : null;
    }
    case 'weightedMean': {
      let weighted = 0;
      let weights = 0;
      for (const row of rows) {
        const v = metricValue(m, row);
        const w = figure(row, r.by) ?? 0;
        if (v === null || w <= 0) continue;
        weighted += v * w;
        weights += w;
      }
      return ratio(weighted, weights, r.places);
    }
    case 'ratioOfSums': {
      let num = 0;
      let den = 0;
      for (const row of rows) {
        const d = figure(row, r.denominator);
        if (d === null) continue;
        num += figure(row, r.numerator) ?? 0;
        den += d;
      }
      return ratio(num, den, r.places);
    }
    case 'mean':
      return mean(
        rows.map((row) => metricValue(m, row)).filter((v) => v !== null),
        r.places,
      );
    case 'teamTargets':
      return mean(
        teamTargets(rows).map((t) => t.achievement),
        r.places,
      );
    case 'queue':
      return kpis[m.key] ?? null;
  }
}

/**
 * Rolls the scorecards of a set of operators up into one Aggregate. Nothing here scores: every
 * figure is a sum or a weighted mean of what scoreRange gave each operator, each metric as its
 * entry in the list says.
 */
export function aggregate(rows: readonly ScorecardRow[], kpis: QueueKpis): Aggregate {
  const metrics = Object.fromEntries(METRICS.map((m) => [m.key, rollUp(m, rows, kpis)]));
  let tasksCompletedWithNorm = 0;
  let evaluations = 0;
  let active = 0;
  let variableBase = 0;
  let payout = 0;
  let adjustment = 0;
  let withBase = 0;
  const coefficients: number[] = [];
  const deductions = Object.fromEntries(
    DEDUCTION_KEYS.map((k) => [k, { amount: 0, operators: 0 }]),
  ) as Record<DeductionKey, { amount: number; operators: number }>;

  for (const r of rows) {
    const s = r.scorecard;
    if (s.tasksNorm !== null) tasksCompletedWithNorm += s.tasksCompleted;
    if (s.qualityScore !== null && r.evaluations > 0) evaluations += r.evaluations;
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
  }
  const targets = teamTargets(rows);

  return {
    ...(metrics as Record<keyof QueueKpis, number | null> as unknown as Aggregate),
    operators: rows.length,
    activeOperators: active,
    tasksCompletedWithNorm,
    evaluations,
    targets: targets.length,
    targetsMet: targets.filter((t) => t.achievement >= 1).length,
    variableBase: withBase ? variableBase : null,
    payout: withBase ? payout : null,
    adjustment: withBase ? adjustment : null,
    coefficient: mean(coefficients, 4),
    deductions,
  };
}
