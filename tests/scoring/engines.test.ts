import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod, type Period, rangePeriod } from '../../schemas/period.ts';
import type { FactEngine } from '../../stores/facts.ts';
import { lakeEngines, scoredOn } from '../helpers/engines.ts';
import { caseFolders } from '../helpers/golden.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';
import { GOLDEN, loadGolden, readCase, runLabel } from './golden.ts';

/**
 * Every golden scoring case scored on each engine (docs/clickhouse.md): the analytics store, DuckDB
 * over the lake and chdb over the lake give the same scorecards and contact KPIs, to the last
 * digit, and those are the expected files' (tests/scoring/golden.test.ts checks the store's).
 */
const cases = caseFolders(GOLDEN, path.join('input', 'case.json'));

for (const name of cases) {
  describe(`golden case ${name} on every engine`, () => {
    let env: TestEnv;
    let engines: FactEngine[] = [];

    beforeAll(async () => {
      env = await testEnv();
      await loadGolden(env, name);
      engines = await lakeEngines(env.rt, env.dir);
    });
    afterAll(async () => {
      for (const e of engines) await e.close();
      await env.dispose();
    });

    for (const r of readCase(name).runs) {
      it(`${runLabel(r)}: the same on the lake as in the store`, async () => {
        const period: Period = 'period' in r ? monthPeriod(r.period) : rangePeriod(r.from, r.to);
        const store = await scoredOn(env.rt, undefined, period);
        expect(store.scorecards.some((s) => s.scorecard.handledCalls > 0)).toBe(true);
        for (const engine of engines) {
          const lake = await scoredOn(env.rt, engine, period);
          expect(lake, engine.name).toEqual(store);
        }
      });
    }
  });
}
