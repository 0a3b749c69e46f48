import path from 'node:path';
import type { Period } from '../../schemas/period.ts';
import { syncLake } from '../../server/lake/sync.ts';
import { contactKpis } from '../../server/scoring/contact-kpis.ts';
import { chdbEngine } from '../../server/scoring/engines/chdb.ts';
import { duckdbLakeEngine } from '../../server/scoring/engines/duckdb-lake.ts';
import { scoreRange } from '../../server/scoring/score-range.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import type { FactEngine } from '../../stores/facts.ts';
import type { Stores } from '../../stores/stores.ts';

/** The engines over the lake written from `stores` by the lake's own writer. */
export async function lakeEngines(stores: Stores, dir: string): Promise<FactEngine[]> {
  const root = path.join(dir, 'lake');
  await syncLake(stores, root);
  return [await duckdbLakeEngine(root), chdbEngine(root)];
}

/** What a range gives on an engine: every operator's scorecard and the contact KPIs. */
export async function scoredOn(stores: Stores, facts: FactEngine | undefined, period: Period) {
  const on: Stores = { db: stores.db, analytics: stores.analytics, facts };
  const settings = await readSettings(stores.db);
  return {
    scorecards: await scoreRange(on, period, settings),
    kpis: await contactKpis(on, { period, team: null }, settings, { operatorIds: null }),
  };
}
