import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod, rangePeriod } from '../../schemas/period.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import type { FactEngine } from '../../stores/facts.ts';
import { cli } from '../helpers/cli.ts';
import { lakeEngines, scoredOn } from '../helpers/engines.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * A one-month demo (20 operators: `callscore demo --months 1 --operators 20`) on every engine: the
 * store, DuckDB over the lake and chdb over the lake agree on every scorecard and KPI, and
 * `callscore score` prints the same with CALLSCORE_SCORING_ENGINE=chdb as without it.
 */
let env: TestEnv;
let engines: FactEngine[] = [];
let open = true;

beforeAll(async () => {
  env = await testEnv();
  await loadDemo(env.rt, { operators: 20, month: '2026-10', months: 1, seed: 1 });
  engines = await lakeEngines(env.rt, env.dir);
}, 180_000);
afterAll(async () => {
  for (const e of engines) await e.close();
  if (open) await env.rt.close();
  rmSync(env.dir, { recursive: true, force: true });
});

describe('a demo month on every engine', () => {
  for (const period of [monthPeriod('2026-10'), rangePeriod('2026-10-10', '2026-10-17')]) {
    it(`${period.label}: the same scorecards and KPIs on the lake as in the store`, async () => {
      const store = await scoredOn(env.rt, undefined, period);
      expect(store.scorecards.filter((s) => s.scorecard.handledCalls > 0).length).toBeGreaterThan(15);
      expect(store.kpis.queues.length).toBeGreaterThan(0);
      for (const engine of engines)
        expect(await scoredOn(env.rt, engine, period), engine.name).toEqual(store);
    });
  }

  it('callscore score prints the same scorecards with the engine chdb', async () => {
    const store = (await scoredOn(env.rt, undefined, monthPeriod('2026-10'))).scorecards.map(
      (r) => r.scorecard,
    );
    await env.rt.close();
    open = false;
    const args = ['score', '--period', '2026-10', '--format', 'json', '--data', env.dir];
    const chdb = await cli(args, { env: { CALLSCORE_SCORING_ENGINE: 'chdb' } });
    expect(chdb.stderr).toBe('');
    expect(chdb.code).toBe(0);
    expect(JSON.parse(chdb.stdout)).toEqual(store);
  });

  it('says so when the engine chosen has no lake to read', async () => {
    const res = await cli(['score', '--period', '2026-10', '--data', env.dir], {
      env: { CALLSCORE_SCORING_ENGINE: 'lake', CALLSCORE_LAKE_DIR: `${env.dir}/no-lake` },
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('no-lake (CALLSCORE_LAKE_DIR), which holds no calls partition');
  });
});
