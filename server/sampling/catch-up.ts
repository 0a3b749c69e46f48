import { localDate } from '../../core/time.ts';
import type { RefillResult } from '../../schemas/sampling-rules.ts';
import type { Deps } from '../context.ts';
import { addDays, refillRule } from './refill.ts';
import { listRuleRows, refillDates } from './sampling.repository.ts';

/** How far back the timer looks for dates it missed (the server down): today and the 14 days before. */
export const CATCH_UP_DAYS = 14;

/**
 * Every active rule's refill of each date from `days` before `today` to `today` that has not run
 * yet, oldest date first and rules in the order they were made on each date (as one refill of
 * that date would run them). A date before the rule was made or last changed is not its to run: a
 * rule made, edited or turned back on today does not reach back for the calls of the weeks before
 * (the days the server was down come before any change, which needs the server up). A date that
 * ran is passed by, so running this on every tick gives each date once.
 */
export async function catchUp(
  deps: Pick<Deps, 'db' | 'analytics'>,
  today: string,
  actor: string,
  tz: string,
  days = CATCH_UP_DAYS,
): Promise<RefillResult[]> {
  const rules = (await listRuleRows(deps.db)).filter((r) => r.active === 1);
  if (!rules.length) return [];
  const first = addDays(today, -days);
  const ran = await refillDates(deps.db, first);
  const results: RefillResult[] = [];
  for (let date = first; date <= today; date = addDays(date, 1)) {
    for (const rule of rules) {
      if (date < localDate(new Date(rule.updated_at), tz)) continue;
      if (ran.has(`${rule.id}|${date}`)) continue;
      results.push(await refillRule(deps, rule, date, actor, tz));
    }
  }
  return results;
}
