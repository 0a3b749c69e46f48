import { summaryQuery } from '../../schemas/dashboard.ts';
import type { Stores } from '../../stores/stores.ts';
import { periodsWithCalls } from '../activity/activity.service.ts';
import type { PreparedBody } from '../prepared-body.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { summaryBody } from './summary-body.ts';

/** The newest months: the one the pages open on and the one before (a month just begun). */
const WARM_MONTHS = 2;

/**
 * Computes, once the server listens, what the first visitor of the dashboard would otherwise wait
 * for: the months with calls and the whole center's summary of the newest months, with the
 * scoring of their periods under it (kept by cache.ts while the data is unchanged). The first
 * query of a freshly opened DuckDB file also pays for reading its tables in; this pays it instead.
 */
/** The bodies computed, the newest month's last. */
export async function warmUp(stores: Stores): Promise<PreparedBody[]> {
  const settings = await readSettings(stores.db);
  const months = await periodsWithCalls(stores.analytics, settings.timeZone);
  const bodies: PreparedBody[] = [];
  // One after the other, as the server answers its first requests meanwhile; the newest last, so
  // it is the last the cache (which keeps a bounded number of figures) lets go of.
  for (const period of months.slice(0, WARM_MONTHS).reverse()) {
    bodies.push(await summaryBody(stores, summaryQuery.parse({ period }), settings, { operatorIds: null }));
  }
  return bodies;
}
