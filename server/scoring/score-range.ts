import { FLAGS, type Flag } from '../../schemas/criteria.ts';
import type { PayRule } from '../../schemas/pay-rule.ts';
import { ruleInForce } from '../../schemas/pay-rule.ts';
import type { Period } from '../../schemas/period.ts';
import type { Scorecard, ScorecardRow } from '../../schemas/scorecard.ts';
import { type JsonRow, num } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { blendedQuality } from './blend.ts';
import { settleClaimPeriods } from './claim-periods.ts';
import { factsOf } from './engines/duckdb-file.ts';
import { add, div, ratio as exactOf, fromDecimal, min, ONE, type Ratio, roundRatio, ZERO } from './exact.ts';
import { readOperational } from './operational.ts';
import { applyPayRule } from './pay-rule-engine.ts';
import { listPayRules } from './pay-rules.repository.ts';
import { AUTO_CRITERIA_SQL } from './queries/call-criteria.sql.ts';
import { roundHalfUp } from './round.ts';

export interface ScoringSettings {
  timeZone: string;
  currency: string;
}

export interface ScoreOptions {
  /** Score with this rule in place of the one in force for `department` (a rule's preview). */
  ruleOverride?: { department: string | null; rule: PayRule };
}

const ratio = (a: number, b: number): number | null => (b > 0 ? roundHalfUp(a / b, 4) : null);
/** The same ratio exactly, for the pay rule: 1/12, not the 0.0833 shown. */
const exactRatio = (a: number, b: number): Ratio | null => (b > 0 ? exactOf(a, b) : null);
const byOperator = (rows: JsonRow[]) => new Map(rows.map((r) => [String(r.operator_id), r]));

/**
 * Every operator's scorecard for a range (docs/scoring.md): the call and order criteria aggregated by
 * the configured engine (the analytics store, or the lake: docs/clickhouse.md), AutoQA's from the
 * analytics store, the operational ones read from SQLite, the pay rule in force applied.
 */
export async function scoreRange(
  stores: Stores,
  range: Period,
  settings: ScoringSettings,
  options: ScoreOptions = {},
): Promise<ScorecardRow[]> {
  const { db, analytics } = stores;
  const tz = settings.timeZone;
  // A pay month counts the claims paid in it: each justified claim must know its period first.
  if (range.month) await settleClaimPeriods(db, tz);
  const params = { tz, from: range.from, to: range.to };
  const [ops, callRows, orderRows, autoRows, rules] = await Promise.all([
    readOperational(db, range, tz),
    factsOf(stores).callCriteria(params),
    factsOf(stores).orderCriteria(params),
    analytics.rows(AUTO_CRITERIA_SQL, params),
    listPayRules(db),
  ]);
  const calls = byOperator(callRows);
  const orders = byOperator(orderRows);
  const autos = byOperator(autoRows);
  // The per-call blend is read only when a rule that may score the range asks for it.
  const blends =
    options.ruleOverride?.rule.quality.source === 'blend' ||
    rules.some((r) => r.rule.quality.source === 'blend')
      ? await blendedQuality(stores, range, tz)
      : new Map<string, Ratio>();

  // Team actuals for the targets, summed over the team's operators (docs/scoring.md, Team targets):
  // integers, revenue in minor units.
  const teamActual = new Map<string, { revenueMinor: number; orders: number; tasks: number }>();
  for (const o of ops.roster) {
    const t = teamActual.get(o.teamId) ?? { revenueMinor: 0, orders: 0, tasks: 0 };
    const ord = orders.get(o.operatorId);
    t.revenueMinor += num(ord?.revenue);
    t.orders += num(ord?.kept);
    t.tasks += num(calls.get(o.operatorId)?.tasks);
    teamActual.set(o.teamId, t);
  }
  const teamTargets = new Map<string, ScorecardRow['targets']>();
  // Per team, the mean of min(1, actual / target) exactly: what the targets deduction reads.
  const teamAchievements = new Map<string, Ratio | null>();
  for (const [teamId, metrics] of ops.targets) {
    const sums = teamActual.get(teamId) ?? { revenueMinor: 0, orders: 0, tasks: 0 };
    // Targets are written in major units, revenue is kept in minor units.
    const exactActual: Record<string, Ratio> = {
      order_revenue: exactOf(sums.revenueMinor, 100),
      orders: exactOf(sums.orders),
      tasks: exactOf(sums.tasks),
    };
    const actual: Record<string, number> = {
      order_revenue: sums.revenueMinor / 100,
      orders: sums.orders,
      tasks: sums.tasks,
    };
    const set = [...metrics].filter(([, target]) => target > 0);
    teamAchievements.set(
      teamId,
      set.length === 0
        ? null
        : div(
            set.reduce((sum, [metric, target]) => {
              const value = exactActual[metric] ?? ZERO;
              return add(sum, min(ONE, div(value, fromDecimal(target))));
            }, ZERO),
            exactOf(set.length),
          ),
    );
    teamTargets.set(
      teamId,
      [...metrics]
        .filter(([, target]) => target > 0)
        .map(([metric, target]) => {
          const value = actual[metric as keyof typeof actual] ?? 0;
          return {
            metric,
            target: roundHalfUp(target, 2),
            actual: roundHalfUp(value, 2),
            achievement: roundHalfUp(Math.min(1, value / target), 4),
          };
        })
        .sort((a, b) => a.metric.localeCompare(b.metric)),
    );
  }

  const label = range.label;
  return ops.roster.map((o): ScorecardRow => {
    const c = calls.get(o.operatorId);
    const ord = orders.get(o.operatorId);
    const inForce = ruleInForce(rules, o.department, range.from);
    const override = options.ruleOverride;
    // A previewed rule covers its department, or, as the general rule (department null), every
    // operator whose department has no rule of its own. Version 0 marks the unsaved rule.
    const version =
      override &&
      (override.department === o.department || (override.department === null && inForce.department === null))
        ? { id: null, version: 0, department: override.department, rule: override.rule }
        : inForce;
    const rule = version.rule;

    const handledCalls = num(c?.handled);
    const tasksCompleted = num(c?.tasks);
    const norm = ops.operatorNorms.get(o.operatorId) ?? ops.teamNorms.get(o.teamId);
    const tasksNorm = norm === undefined ? null : roundHalfUp(norm, 2);
    const q = ops.quality.get(o.operatorId);
    // Shown rounded (scores to 2 decimals, ratios to 4); the pay rule reads the exact values.
    const exactQuality = q ? exactOf(q.micros, q.count * 1_000_000) : null;
    const qualityScore = exactQuality && roundRatio(exactQuality, 2);
    const auto = autos.get(o.operatorId);
    const autoEvaluations = num(auto?.auto_evaluations);
    const exactAutoQuality =
      autoEvaluations > 0 ? exactOf(BigInt(String(auto?.auto_micros)), autoEvaluations * 1_000_000) : null;
    const transcribedCalls = num(auto?.transcribed);
    const targets = teamTargets.get(o.teamId) ?? [];
    const exactAchievement = teamAchievements.get(o.teamId) ?? null;
    const teamAchievement = exactAchievement && roundRatio(exactAchievement, 4);
    const claims = ops.claims.get(o.operatorId) ?? { internal: 0, client: 0 };
    const ordersAccepted = num(ord?.accepted);
    const errorColumn =
      rule.orderRules.debt && rule.orderRules.routing
        ? 'errors_all'
        : rule.orderRules.debt
          ? 'errors_debt'
          : rule.orderRules.routing
            ? 'errors_routing'
            : 'errors_code';
    const ordersWithErrors = num(ord?.[errorColumn]);
    const orderErrorRate = ratio(ordersWithErrors, ordersAccepted);
    const negativeAssessments = ops.negativeAssessments.get(o.operatorId) ?? 0;
    const base = range.month ? (ops.bases.get(o.operatorId) ?? null) : null;

    const pay = applyPayRule(
      {
        tasksCompleted,
        tasksNorm: norm ?? null,
        qualityScore: exactQuality,
        autoQualityScore: exactAutoQuality,
        blendedQualityScore: blends.get(o.operatorId) ?? null,
        teamAchievement: exactAchievement,
        internalClaims: claims.internal,
        clientClaims: claims.client,
        orderErrorRate: exactRatio(ordersWithErrors, ordersAccepted),
        negativeAssessments,
      },
      rule,
      base?.base ?? null,
    );
    const flags: Flag[] = range.month
      ? pay.flags
      : [...pay.flags.filter((f) => f !== FLAGS.noVariableBase), FLAGS.notAPayPeriod];

    const scorecard: Scorecard = {
      operatorId: o.operatorId,
      period: label,
      handledCalls,
      tasksCompleted,
      tasksNorm,
      qualityScore,
      autoQualityScore: exactAutoQuality && roundRatio(exactAutoQuality, 2),
      autoCoverage: ratio(transcribedCalls, handledCalls),
      criticalFailures: q?.critical ?? 0,
      teamAchievement,
      internalClaims: claims.internal,
      clientClaims: claims.client,
      ordersAccepted,
      ordersWithErrors,
      orderErrorRate,
      negativeAssessments,
      upsellRate: ratio(num(ord?.upsold), num(ord?.offered_known)),
      aht: c?.aht_s == null ? null : roundHalfUp(num(c.aht_s), 1),
      deductions: pay.deductions,
      coefficient: pay.coefficient,
      currency: base?.currency ?? settings.currency,
      variableBase: base?.base ?? null,
      payout: pay.payout,
      adjustment: pay.adjustment,
      flags,
    };
    return {
      scorecard,
      name: o.name,
      teamId: o.teamId,
      teamName: o.teamName,
      department: o.department,
      rule: { id: version.id || null, version: version.version, department: version.department },
      explanation: pay.explanation,
      coefficientFormula: pay.coefficientFormula,
      targets,
      evaluations: q?.count ?? 0,
      autoEvaluations,
      transcribedCalls,
      asa: c?.asa_s == null ? null : roundHalfUp(num(c.asa_s), 1),
    };
  });
}
