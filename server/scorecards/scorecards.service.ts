import type { ScorecardRow, ScorecardsQuery, ScorecardsResponse } from '../../schemas/scorecard.ts';
import type { Stores } from '../../stores/stores.ts';
import type { Scope } from '../context.ts';
import { payRows } from '../payroll/pay-periods.service.ts';
import { cachedScoreRange } from '../scoring/score-cache.ts';
import type { ScoringSettings } from '../scoring/score-range.ts';

/**
 * Scorecards for a query: a calendar month is a pay period (its approved snapshot once locked),
 * any other range is scored live. Filters by team and department, and by what the caller may see.
 */
export async function scorecards(
  stores: Stores,
  q: ScorecardsQuery,
  settings: ScoringSettings,
  scope: Scope,
): Promise<ScorecardsResponse> {
  const range = q.period;
  let rows: ScorecardRow[];
  let source: ScorecardsResponse['source'] = 'live';
  let payPeriod: ScorecardsResponse['payPeriod'] = null;
  if (range.month) {
    const pay = await payRows(stores, range.month, settings);
    rows = pay.rows;
    source = pay.source;
    payPeriod = pay.view;
  } else {
    rows = await cachedScoreRange(stores, range, settings);
  }
  const visible = rows.filter(
    (r) =>
      (!scope.operatorIds || scope.operatorIds.includes(r.scorecard.operatorId)) &&
      (!q.team || r.teamId === q.team) &&
      (!q.department || r.department === q.department),
  );
  return {
    range: { from: range.from, to: range.to },
    period: rows[0]?.scorecard.period ?? range.label,
    currency: settings.currency,
    source,
    payPeriod,
    operators: visible,
  };
}
