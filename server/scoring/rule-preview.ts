import type { PayRule, RulePreview } from '../../schemas/pay-rule.ts';
import { monthPeriod } from '../../schemas/period.ts';
import type { Stores } from '../../stores/stores.ts';
import { cachedScoreRange } from './score-cache.ts';
import { type ScoringSettings, scoreRange } from './score-range.ts';

/**
 * What a rule would do to a period before it is saved: the period scored twice, with the rule in
 * force and with the proposed one, for the operators the rule would cover.
 */
export async function previewRule(
  stores: Stores,
  req: { department: string | null; period: string; rule: PayRule },
  settings: ScoringSettings,
): Promise<RulePreview> {
  const range = monthPeriod(req.period);
  const [now, next] = await Promise.all([
    cachedScoreRange(stores, range, settings),
    scoreRange(stores, range, settings, { ruleOverride: { department: req.department, rule: req.rule } }),
  ]);
  const covered = new Set(next.filter((r) => r.rule.version === 0).map((r) => r.scorecard.operatorId));
  const pick = (rows: typeof now) => rows.filter((r) => covered.has(r.scorecard.operatorId));
  const sum = (rows: typeof now) => ({
    payout: rows.reduce((s, r) => s + (r.scorecard.payout ?? 0), 0),
    adjustment: rows.reduce((s, r) => s + (r.scorecard.adjustment ?? 0), 0),
    meanCoefficient: rows.length
      ? Math.round((rows.reduce((s, r) => s + r.scorecard.coefficient, 0) / rows.length) * 10_000) / 10_000
      : null,
  });
  const before = new Map(now.map((r) => [r.scorecard.operatorId, r]));
  return {
    period: req.period,
    department: req.department,
    operators: covered.size,
    current: sum(pick(now)),
    proposed: sum(pick(next)),
    changes: pick(next).map((r) => {
      const b = before.get(r.scorecard.operatorId);
      return {
        operatorId: r.scorecard.operatorId,
        name: r.name,
        coefficient: { current: b?.scorecard.coefficient ?? 1, proposed: r.scorecard.coefficient },
        payout: { current: b?.scorecard.payout ?? null, proposed: r.scorecard.payout },
      };
    }),
  };
}
