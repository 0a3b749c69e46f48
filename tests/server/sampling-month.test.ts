import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplingRuleInput } from '../../schemas/sampling-rules.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { type OperatorCounts, wantedOf } from '../../server/sampling/allocate.ts';
import { refill } from '../../server/sampling/refill.ts';
import { activeMonitors } from '../../server/sampling/sampling.repository.ts';
import { createRule } from '../../server/sampling/sampling.service.ts';
import type { TestEnv } from '../helpers/runtime.ts';
import { testEnv } from '../helpers/runtime.ts';

/** A month of daily refills on the demo: quotas, minimums, caps, and no call given twice. */

const TZ = 'UTC';
let env: TestEnv;
const days: string[] = [];
for (let d = 2; d <= 31; d++) days.push(`2026-10-${String(d).padStart(2, '0')}`);
days.push('2026-11-01');

beforeAll(async () => {
  env = await testEnv();
  await loadDemo(env.rt, { operators: 8, month: '2026-10', seed: 3 });
}, 180_000);
afterAll(() => env.dispose());

describe('a month of daily refills', () => {
  it('gives each operator his quota, spreads the calls under the caps, never the same call twice', async () => {
    const { db } = env.rt;
    const monitors = await activeMonitors(db);
    expect(monitors.length).toBeGreaterThanOrEqual(2);
    const count = await createRule(
      db,
      samplingRuleInput.parse({
        name: 'Two a day',
        schedule: 'daily',
        quota: 'count',
        perOperator: 2,
        capPerMonitorPerDay: 40,
      }),
      'qalead',
    );
    // Percent of a day's calls with a minimum, on one monitor whose cap is too small for all.
    const percent = await createRule(
      db,
      samplingRuleInput.parse({
        name: 'Five percent',
        schedule: 'daily',
        quota: 'percent',
        percent: 5,
        minPerOperator: 1,
        monitors: ['qa'],
        capPerMonitorPerDay: 6,
      }),
      'qalead',
    );
    const weekly = await createRule(
      db,
      samplingRuleInput.parse({
        name: 'Long calls weekly',
        schedule: 'weekly',
        weekday: 1,
        quota: 'count',
        perOperator: 1,
        filter: { talkMinS: 300 },
      }),
      'qalead',
    );
    let capped = 0;
    for (const day of days) {
      const r = await refill(env.rt, day, 'timer', TZ);
      const byRule = new Map(r.results.map((x) => [x.ruleId, x]));
      expect(byRule.get(count.id)?.ran).toBe(true);
      expect(byRule.get(percent.id)?.ran).toBe(true);
      // Weekly: Mondays only (2026-10-05, 12, 19, 26).
      expect(byRule.get(weekly.id)?.ran).toBe(new Date(`${day}T00:00:00Z`).getUTCDay() === 1);
      capped += byRule.get(percent.id)?.counts?.overCap ?? 0;
      // A second run of the same day changes nothing.
      const again = await refill(env.rt, day, 'cli', TZ);
      expect(again.results.every((x) => !x.ran)).toBe(true);
    }
    const items = await db.selectFrom('sampling_items').selectAll().execute();
    expect(items.length).toBeGreaterThan(300);
    // No call given twice, and none that was evaluated or assigned before the rules.
    expect(new Set(items.map((i) => i.call_id)).size).toBe(items.length);
    const assigned = await db
      .selectFrom('evaluation_assignments')
      .select(['id', 'call_id', 'assigned_by'])
      .execute();
    const byCall = new Map<string, number>();
    for (const a of assigned) byCall.set(a.call_id, (byCall.get(a.call_id) ?? 0) + 1);
    expect([...byCall.values()].every((n) => n === 1)).toBe(true);
    const evaluated = new Set(
      (await db.selectFrom('evaluations').select('call_id').where('calibration', '=', 0).execute()).map(
        (e) => e.call_id,
      ),
    );
    const evaluatedBefore = items.filter((i) => evaluated.has(i.call_id));
    expect(evaluatedBefore).toEqual([]);

    // Caps: no monitor got more than the cap of the rule in a day; the percent rule only to `qa`.
    const perDay = new Map<string, number>();
    for (const i of items.filter((x) => x.rule_id === percent.id)) {
      expect(i.monitor).toBe('qa');
      perDay.set(i.run_on, (perDay.get(i.run_on) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(6);
    expect(capped).toBeGreaterThan(0);

    // Quotas: each operator got exactly min(2, his calls of the day before still free) from the count rule.
    const refills = await db
      .selectFrom('sampling_refills')
      .selectAll()
      .where('rule_id', '=', count.id)
      .execute();
    expect(refills).toHaveLength(days.length);
    let totalWanted = 0;
    let pairs = 0;
    let full = 0;
    for (const r of refills) {
      const c = JSON.parse(r.counts);
      expect(c.overCap).toBe(0);
      expect(c.assigned).toBe(c.wanted);
      totalWanted += c.wanted;
      const mine = items.filter((i) => i.rule_id === count.id && i.run_on === r.run_on);
      const perOp = new Map<string, number>();
      for (const i of mine) perOp.set(i.operator_id, (perOp.get(i.operator_id) ?? 0) + 1);
      // Exactly two of each operator, or all he had free when fewer.
      for (const [op, o] of Object.entries(
        c.perOperator as Record<string, { available: number; given: number }>,
      )) {
        expect(o.given).toBe(Math.min(2, o.available));
        expect(perOp.get(op) ?? 0).toBe(o.given);
        pairs++;
        if (o.given === 2) full++;
      }
      // Spread evenly: the monitors' loads of the day differ by at most one.
      const loads = monitors.map((m) => mine.filter((i) => i.monitor === m).length);
      if (mine.length) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
    expect(totalWanted).toBeGreaterThan(150);
    // An operator short of two free calls on a day is the exception: the quota is met as a rule.
    expect(full / pairs).toBeGreaterThan(0.5);
    // Every operator with calls got at least the minimum of the percent rule on a day it was not capped.
    let baseWider = 0;
    const uncapped = (
      await db.selectFrom('sampling_refills').selectAll().where('rule_id', '=', percent.id).execute()
    )
      .map((r) => ({ day: r.run_on, c: JSON.parse(r.counts) }))
      .filter((r) => r.c.overCap === 0 && r.c.candidates > 0);
    expect(uncapped.length).toBeGreaterThan(0);
    for (const r of uncapped) {
      const ops = new Set(
        items.filter((i) => i.rule_id === percent.id && i.run_on === r.day).map((i) => i.operator_id),
      );
      expect(ops.size).toBeGreaterThan(0);
      // 5% of all his matching calls (those the count rule gave first included), at least one,
      // never more than he had free.
      for (const o of Object.values(r.c.perOperator as Record<string, OperatorCounts>)) {
        expect(o.available).toBeLessThanOrEqual(o.matching);
        expect(o.given).toBe(Math.min(o.available, Math.max(1, Math.ceil(o.matching * 0.05))));
        if (o.matching > o.available) baseWider++;
      }
    }
    // The count rule ran first each day: the percent's base held calls no longer free.
    expect(baseWider).toBeGreaterThan(0);
    // Weekly: at most one long call per operator per Monday.
    const weeklyItems = items.filter((i) => i.rule_id === weekly.id);
    expect(weeklyItems.length).toBeGreaterThan(0);
    expect(new Set(weeklyItems.map((i) => i.run_on)).size).toBeLessThanOrEqual(4);
  }, 300_000);

  it('two rules run at once for one date give each call once', async () => {
    const { db } = env.rt;
    const def = { schedule: 'daily', quota: 'count', perOperator: 50, capPerMonitorPerDay: 1000 };
    const a = await createRule(db, samplingRuleInput.parse({ ...def, name: 'A' }), 'qalead');
    const b = await createRule(db, samplingRuleInput.parse({ ...def, name: 'B' }), 'qalead');
    const date = '2026-10-10';
    const [ra, rb] = await Promise.all([
      refill(env.rt, date, 'timer', TZ, a.id),
      refill(env.rt, date, 'cli', TZ, b.id),
    ]);
    expect(ra.results[0]?.ran && rb.results[0]?.ran).toBe(true);
    const items = await db
      .selectFrom('sampling_items')
      .select('call_id')
      .where('run_on', '=', date)
      .execute();
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.call_id)).size).toBe(items.length);
  });

  it('the percent quota: of all his matching calls, at least the minimum, never more than he has free', () => {
    const q = { quota: 'percent' as const, perOperator: 0, percent: 10, minPerOperator: 2 };
    expect(wantedOf(q, 0, 0)).toBe(0);
    expect(wantedOf(q, 1, 1)).toBe(1);
    expect(wantedOf(q, 5, 5)).toBe(2);
    expect(wantedOf(q, 45, 45)).toBe(5);
    // 10% of his 45 matching calls is 5, though 20 of them were evaluated already.
    expect(wantedOf(q, 45, 25)).toBe(5);
    // Only 3 left free: 3.
    expect(wantedOf(q, 45, 3)).toBe(3);
    expect(wantedOf({ ...q, quota: 'count', perOperator: 4 }, 45, 25)).toBe(4);
  });
});
