import type { DailyPoint, OperatorActivity } from '../../../../schemas/api.ts';

/** Sums over a set of operators; the basis of the KPI tiles and the table's total row. */
export interface ActivityTotals {
  calls: number;
  handledCalls: number;
  inbound: number;
  outbound: number;
  orders: number;
  orderRevenue: number;
  /** Mean handle time over all handled calls (each operator's mean weighted by his handled calls). */
  ahtSeconds: number | null;
}

export function activityTotals(operators: readonly OperatorActivity[]): ActivityTotals {
  const t = { calls: 0, handledCalls: 0, inbound: 0, outbound: 0, orders: 0, orderRevenue: 0 };
  let ahtWeighted = 0;
  let ahtCalls = 0;
  for (const o of operators) {
    t.calls += o.calls;
    t.handledCalls += o.handledCalls;
    t.inbound += o.inbound;
    t.outbound += o.outbound;
    t.orders += o.orders;
    t.orderRevenue += o.orderRevenue;
    if (o.ahtSeconds !== null && o.handledCalls > 0) {
      ahtWeighted += o.ahtSeconds * o.handledCalls;
      ahtCalls += o.handledCalls;
    }
  }
  return { ...t, ahtSeconds: ahtCalls > 0 ? ahtWeighted / ahtCalls : null };
}

export interface DailyTotals {
  calls: number;
  handled: number;
  inbound: number;
  abandoned: number;
  orders: number;
  /** Abandonment rate (SCORING.md): abandoned calls / inbound calls offered; null without inbound calls. */
  abandonedShare: number | null;
}

export function dailyTotals(days: readonly DailyPoint[]): DailyTotals {
  let calls = 0;
  let handled = 0;
  let inbound = 0;
  let abandoned = 0;
  let orders = 0;
  for (const d of days) {
    calls += d.calls;
    handled += d.handled;
    inbound += d.inbound;
    abandoned += d.abandoned;
    orders += d.orders;
  }
  return {
    calls,
    handled,
    inbound,
    abandoned,
    orders,
    abandonedShare: inbound > 0 ? abandoned / inbound : null,
  };
}

/** Every local date of `[from, to)`, so days without calls show as gaps rather than vanish. */
export function datesOfRange(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d < end && out.length < 400; d += 86_400_000) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
}

export function fillDays(days: readonly DailyPoint[], from: string, to: string): DailyPoint[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return datesOfRange(from, to).map(
    (date) => byDate.get(date) ?? { date, calls: 0, handled: 0, inbound: 0, abandoned: 0, orders: 0 },
  );
}
