import type { Analytics } from '../../../stores/duckdb.ts';
import type { FactEngine, FactRange } from '../../../stores/facts.ts';
import type { Stores } from '../../../stores/stores.ts';
import { CALL_CRITERIA_SQL } from '../queries/call-criteria.sql.ts';
import { CONTACT_KPIS_SQL } from '../queries/contact-kpis.sql.ts';
import { ORDER_CRITERIA_SQL } from '../queries/order-criteria.sql.ts';

/** The fact aggregates from the analytics store's own tables, as the importer wrote them. */
export function duckdbFileEngine(analytics: Analytics): FactEngine {
  const params = (r: FactRange) => ({ tz: r.tz, from: r.from, to: r.to });
  return {
    name: 'duckdb',
    callCriteria: (r) => analytics.rows(CALL_CRITERIA_SQL, params(r)),
    orderCriteria: (r) => analytics.rows(ORDER_CRITERIA_SQL, params(r)),
    contactKpis: (r, sl) => analytics.rows(CONTACT_KPIS_SQL, { ...params(r), sl }),
    // The analytics store belongs to the runtime, which closes it.
    close: async () => {},
  };
}

/** The engine scoring reads the facts with: the configured one, or the analytics store's tables. */
export const factsOf = (stores: Stores): FactEngine => stores.facts ?? duckdbFileEngine(stores.analytics);
