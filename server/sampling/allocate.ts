/** How a refill shares the matching calls out (docs/qa-program.md, "Sampling rules"); no I/O here. */

export interface SamplingCandidate {
  callId: string;
  operatorId: string;
  startedAt: string;
}

export interface Quota {
  quota: 'count' | 'percent';
  perOperator: number;
  percent: number;
  minPerOperator: number;
}

/**
 * Calls wanted of an operator with `matching` calls matching the rule in its window, `free` of them
 * not evaluated nor given yet: a percent is of all his matching calls, as a QA lead reads "5% of
 * his calls" (the ones evaluated already count in the base, they are only skipped when taking),
 * at least the minimum; never more than he has free.
 */
export function wantedOf(q: Quota, matching: number, free: number): number {
  const n =
    q.quota === 'count' ? q.perOperator : Math.max(q.minPerOperator, Math.ceil((q.percent / 100) * matching));
  return Math.min(n, free);
}

/** Per operator: his calls matching the rule, those of them free to give, those given. */
export interface OperatorCounts {
  matching: number;
  available: number;
  given: number;
}

export interface Allocation {
  callId: string;
  operatorId: string;
  startedAt: string;
  monitor: string;
}

/**
 * Each operator's first calls (candidates come in draw order), taken one operator at a time in turn
 * so a cap cuts every operator alike, each to the monitor with the fewest calls that day (those given
 * today by other rules counted), ties to the first named; a monitor at his cap takes no more.
 */
export function allocate(
  candidates: readonly SamplingCandidate[],
  q: Quota,
  monitors: readonly string[],
  cap: number,
  givenToday: ReadonlyMap<string, number>,
  matching: ReadonlyMap<string, number>,
): {
  allocations: Allocation[];
  wanted: number;
  perOperator: Record<string, OperatorCounts>;
} {
  const byOp = new Map<string, SamplingCandidate[]>();
  for (const c of candidates) byOp.set(c.operatorId, [...(byOp.get(c.operatorId) ?? []), c]);
  const matchingOf = (op: string, free: number) => Math.max(matching.get(op) ?? 0, free);
  const queues = [...byOp.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, list]) => list.slice(0, wantedOf(q, matchingOf(op, list.length), list.length)));
  const wanted = queues.reduce((s, l) => s + l.length, 0);
  const perOperator: Record<string, OperatorCounts> = {};
  for (const [op, n] of matching) if (n > 0) perOperator[op] = { matching: n, available: 0, given: 0 };
  for (const [op, list] of byOp)
    perOperator[op] = { matching: matchingOf(op, list.length), available: list.length, given: 0 };
  const load = new Map(monitors.map((m) => [m, givenToday.get(m) ?? 0]));
  const allocations: Allocation[] = [];
  for (let round = 0; ; round++) {
    const batch = queues.map((l) => l[round]).filter((c): c is SamplingCandidate => c !== undefined);
    if (!batch.length) break;
    for (const c of batch) {
      let best: string | null = null;
      for (const m of monitors) {
        const n = load.get(m) ?? 0;
        if (n >= cap) continue;
        if (best === null || n < (load.get(best) ?? 0)) best = m;
      }
      if (best === null) return { allocations, wanted, perOperator };
      load.set(best, (load.get(best) ?? 0) + 1);
      (perOperator[c.operatorId] as { given: number }).given++;
      allocations.push({ ...c, monitor: best });
    }
  }
  return { allocations, wanted, perOperator };
}
