import { localDate } from '../../core/time.ts';
import type { SummaryQuery, SummaryResponse } from '../../schemas/dashboard.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { Stores } from '../../stores/stores.ts';
import { cached } from '../cache.ts';
import type { Scope } from '../context.ts';
import { type PreparedBody, prepareBody } from '../prepared-body.ts';
import { dashboardSummary } from './dashboard.service.ts';

/**
 * The summary's body (six periods scored and the days counted), kept ready, compressed, while the
 * data is unchanged (every change moves the data version), as the ranking is. The running month
 * is shown to date: the day is part of the key, so a new day is a new view.
 */
export function summaryBody(
  stores: Stores,
  q: SummaryQuery,
  settings: Settings,
  scope: Scope,
  now: Date = new Date(),
): Promise<PreparedBody> {
  const today = localDate(now, settings.timeZone);
  const key = `summary|${JSON.stringify(q)}|${scope.operatorIds?.join(',') ?? '*'}|${today}`;
  return cached(stores.db, key, async () => {
    const summary: SummaryResponse = await dashboardSummary(stores, q, settings, scope, now);
    return prepareBody(Buffer.from(JSON.stringify(summary)), 'application/json; charset=utf-8');
  });
}
