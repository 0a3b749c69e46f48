import { fraction } from '../../core/form-score.ts';
import { metricValue } from '../../core/metric-values.ts';
import { localDate } from '../../core/time.ts';
import type { CoachingGoal, CoachingProgress, GoalMeasure } from '../../schemas/coaching.ts';
import { METRICS } from '../../schemas/criteria.ts';
import type { Answers } from '../../schemas/forms.ts';
import { rangePeriod } from '../../schemas/period.ts';
import type { Stores } from '../../stores/stores.ts';
import { checkCountsByOperator, checkRate } from '../autoqa/pass-rates.service.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import { countedAnswers } from '../evaluations/quality.repository.ts';
import { definitionOf, findForm } from '../forms/forms.repository.ts';
import { periodInstants } from '../periods/period.ts';
import { cachedScoreRange } from '../scoring/score-cache.ts';
import type { ScoringSettings } from '../scoring/score-range.ts';
import { formVersionIds } from './coaching.repository.ts';

/** How far back "before" looks: the 30 days before the session opened. */
export const BEFORE_DAYS = 30;

const DAY = 86_400_000;
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export const today = (timeZone: string, now = new Date()): string => localDate(now, timeZone);

/**
 * The two windows of a session's measure: the 30 days before the day it opened, and from that day
 * to the follow-up date (inclusive), or to today while the follow-up is ahead.
 */
export function windows(openedOn: string, followUpOn: string, todayIs: string) {
  const end = followUpOn < todayIs ? followUpOn : todayIs;
  const afterTo = addDays(end < openedOn ? openedOn : end, 1);
  return {
    before: { from: addDays(openedOn, -BEFORE_DAYS), to: openedOn },
    after: { from: openedOn, to: afterTo },
  };
}

type Range = { from: string; to: string };

/** A criterion's value on the operator's scorecard of the range: the scorecards every page shows. */
async function criterionValue(
  stores: Stores,
  key: string,
  operatorId: string,
  r: Range,
  settings: ScoringSettings,
): Promise<GoalMeasure> {
  const def = METRICS.find((m) => m.key === key);
  const rows = await cachedScoreRange(stores, rangePeriod(r.from, r.to), settings);
  const row = rows.find((x) => x.scorecard.operatorId === operatorId);
  return { ...r, value: def && row ? metricValue(def, row) : null, n: null };
}

/** A check's pass rate over the operator's calls of the range, as the pass-rate pages count it. */
async function checkValue(stores: Stores, key: string, operatorId: string, r: Range): Promise<GoalMeasure> {
  const ruleSet = await currentRuleSet(stores.db);
  const counts = await checkCountsByOperator(stores, r, ruleSet.version, [operatorId]);
  const c = checkRate(key, counts.get(operatorId)?.get(key));
  return { ...r, value: c.rate, n: c.pass + c.fail };
}

/**
 * A question's pass rate over the operator's counted evaluations of the range (calls started in
 * it), on any version of the form: of those answering it (not N/A), the share with its full points.
 */
async function questionValue(
  stores: Stores,
  goal: Extract<CoachingGoal, { kind: 'question' }>,
  operatorId: string,
  r: Range,
  timeZone: string,
): Promise<GoalMeasure> {
  const ids = new Set(await formVersionIds(stores.db, goal.formId));
  const rows = await countedAnswers(stores.db, periodInstants(r, timeZone), [operatorId]);
  let asked = 0;
  let full = 0;
  const defs = new Map<number, ReturnType<typeof definitionOf> | null>();
  for (const row of rows) {
    if (row.form_id === null || !ids.has(row.form_id) || row.answers === null) continue;
    if (!defs.has(row.form_id)) {
      const f = await findForm(stores.db, row.form_id);
      defs.set(row.form_id, f ? definitionOf(f) : null);
    }
    const q = defs
      .get(row.form_id)
      ?.sections.flatMap((s) => s.questions)
      .find((x) => x.id === goal.questionId);
    if (!q) continue;
    const got = fraction(q, (JSON.parse(row.answers) as Answers)[goal.questionId]);
    if (got === undefined) continue;
    asked += 1;
    if (got >= 1) full += 1;
  }
  return { ...r, value: asked === 0 ? null : full / asked, n: asked };
}

export async function measureGoal(
  stores: Stores,
  goal: CoachingGoal,
  operatorId: string,
  r: Range,
  settings: ScoringSettings,
): Promise<GoalMeasure> {
  switch (goal.kind) {
    case 'criterion':
      return criterionValue(stores, goal.key, operatorId, r, settings);
    case 'check':
      return checkValue(stores, goal.key, operatorId, r);
    case 'question':
      return questionValue(stores, goal, operatorId, r, settings.timeZone);
  }
}

/** A criterion's direction and unit as declared; a pass rate is a ratio where higher is better. */
export function goalShape(goal: CoachingGoal): { direction: 'higher' | 'lower'; unit: string } {
  if (goal.kind !== 'criterion') return { direction: 'higher', unit: 'ratio' };
  const def = METRICS.find((m) => m.key === goal.key);
  return { direction: def?.direction === 'lower' ? 'lower' : 'higher', unit: def?.unit ?? 'count' };
}

export const meets = (value: number | null, target: number, direction: 'higher' | 'lower'): boolean | null =>
  value === null ? null : direction === 'higher' ? value >= target : value <= target;

/** The goal measured before and after the session opened. */
export async function coachingProgress(
  stores: Stores,
  s: { goal: CoachingGoal; operatorId: string; openedOn: string; followUpOn: string; target: number },
  settings: ScoringSettings,
  todayIs: string,
): Promise<CoachingProgress> {
  const w = windows(s.openedOn, s.followUpOn, todayIs);
  const shape = goalShape(s.goal);
  const before = await measureGoal(stores, s.goal, s.operatorId, w.before, settings);
  const after = await measureGoal(stores, s.goal, s.operatorId, w.after, settings);
  return { before, after, meetsTarget: meets(after.value, s.target, shape.direction), ...shape };
}
