import { LIST, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { OperatorSample, SampledCall, SampleQuery, SampleResponse } from '../../schemas/calls.ts';
import { monthPeriod, monthRange, type Period } from '../../schemas/period.ts';
import { type Analytics, num, textList } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import type { Scope } from '../context.ts';
import { countedScores } from '../evaluations/quality.repository.ts';
import { sampleSd, Z95 } from '../evaluations/stats.ts';
import { periodInstants, trendPeriods } from '../periods/period.ts';
import { operatorsByName } from '../roster/roster.repository.ts';
import { visibleOperators } from './calls.service.ts';
import { criticalChecks } from './critical-checks.ts';
import { ORDER_CALLS_SQL } from './queries/order-calls.sql.ts';
import { SAMPLE_CANDIDATES_SQL } from './queries/sample-candidates.sql.ts';
import {
  assignedMonitors,
  claimedCallsAndOrders,
  evaluationIdsOfCalls,
  formsInForce,
} from './sample.repository.ts';

/** Months the standard deviation for a margin is taken over: the period and the two before it. */
const SD_MONTHS = 3;

/**
 * Calls wanted so that the 95% interval of an operator's mean is ± margin points:
 * n = (1.96·sd / margin)², rounded up, within [min, max]. The sd is the operator's own over the
 * last months when he has two scores, else every operator's scores together.
 */
async function targets(db: Db, q: SampleQuery, timeZone: string, operatorIds: string[]) {
  const out = new Map<string, { target: number; sd: number | null; sdSource: OperatorSample['sdSource'] }>();
  if (q.margin === undefined) {
    for (const id of operatorIds) out.set(id, { target: q.perOperator, sd: null, sdSource: null });
    return out;
  }
  const first = trendPeriods(monthPeriod(q.period), SD_MONTHS)[0] as Period;
  const rows = await countedScores(
    db,
    periodInstants({ from: first.from, to: monthRange(q.period).to }, timeZone),
    null,
  );
  const by = new Map<string, number[]>();
  for (const r of rows) {
    const list = by.get(r.operator_id ?? '') ?? [];
    list.push(r.score as number);
    by.set(r.operator_id ?? '', list);
  }
  const pooled = sampleSd(rows.map((r) => r.score as number));
  const lo = Math.min(q.minPerOperator, q.maxPerOperator);
  for (const id of operatorIds) {
    const own = sampleSd(by.get(id) ?? []);
    const sd = own ?? pooled;
    const sdSource = own !== null ? 'operator' : pooled !== null ? 'pooled' : 'default';
    const n = sd === null ? q.perOperator : Math.ceil(((Z95 * sd) / q.margin) ** 2);
    out.set(id, {
      target: Math.max(lo, Math.min(q.maxPerOperator, n)),
      sd: sd === null ? null : Math.round(sd * 100) / 100,
      sdSource,
    });
  }
  return out;
}

export interface Candidate {
  callId: string;
  taskType: string | null;
  talkS: number;
  startedAt: string;
  claimed: boolean;
  /** Failed a check the sample targets: taken before the rest. */
  targeted: boolean;
  failedChecks: string[];
  draw: string;
}

/**
 * Targeted calls first (claimed ones of them first), then claimed calls; then, call by call, the
 * next of the task type drawn least so far, so the sample spans the types (ties go to the type
 * whose first call drew lowest: no type is always first).
 */
export function draw(candidates: Candidate[], target: number): Candidate[] {
  const byDraw = (a: Candidate, b: Candidate) => a.draw.localeCompare(b.draw);
  const claimedFirst = (a: Candidate, b: Candidate) => Number(b.claimed) - Number(a.claimed) || byDraw(a, b);
  const chosen = [
    ...candidates.filter((c) => c.targeted).sort(claimedFirst),
    ...candidates.filter((c) => c.claimed && !c.targeted).sort(byDraw),
  ].slice(0, target);
  const taken = new Map<string, number>();
  for (const c of chosen) taken.set(c.taskType ?? '', (taken.get(c.taskType ?? '') ?? 0) + 1);
  const queues = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.claimed || c.targeted) continue;
    const q = queues.get(c.taskType ?? '') ?? [];
    q.push(c);
    queues.set(c.taskType ?? '', q);
  }
  for (const q of queues.values()) q.sort(byDraw);
  const order = [...queues.keys()].sort((a, b) =>
    byDraw(queues.get(a)?.[0] as Candidate, queues.get(b)?.[0] as Candidate),
  );
  while (chosen.length < target) {
    let best: string | null = null;
    for (const type of order) {
      if (!queues.get(type)?.length) continue;
      if (best === null || (taken.get(type) ?? 0) < (taken.get(best) ?? 0)) best = type;
    }
    if (best === null) break;
    chosen.push(queues.get(best)?.shift() as Candidate);
    taken.set(best, (taken.get(best) ?? 0) + 1);
  }
  return chosen;
}

/**
 * The checks a targeted sample takes first, per direction: the one asked for (any direction), or
 * the critical ones of the forms in force. A check the rule set in force does not hold is a 400.
 */
async function targetedChecks(
  db: Db,
  q: SampleQuery,
): Promise<{ version: number; order: string[]; targeted: SampleResponse['targeted'] }> {
  const ruleSet = await currentRuleSet(db);
  const order = ruleSet.checks.map((c) => c.key);
  if (q.failedCheck !== undefined && q.failedCritical === true)
    throw new AppError('bad_request', 'invalid query: give failedCheck or failedCritical, not both');
  if (q.failedCheck !== undefined) {
    if (!order.includes(q.failedCheck))
      throw new AppError(
        'bad_request',
        `invalid query: failedCheck: "${q.failedCheck}" is no check of the rule set in force (${order.join(', ')})`,
      );
    const one = [q.failedCheck];
    return {
      version: ruleSet.version,
      order,
      targeted: { check: q.failedCheck, critical: false, inbound: one, outbound: one },
    };
  }
  if (q.failedCritical !== true) return { version: ruleSet.version, order, targeted: null };
  const critical = criticalChecks(await formsInForce(db));
  const known = (keys: string[]) => order.filter((k) => keys.includes(k));
  return {
    version: ruleSet.version,
    order,
    targeted: {
      check: null,
      critical: true,
      inbound: known(critical.inbound),
      outbound: known(critical.outbound),
    },
  };
}

/** docs/scoring.md, "Sampling": a reproducible proposal of calls to evaluate per operator. */
export async function sampleCalls(
  db: Db,
  analytics: Analytics,
  q: SampleQuery,
  scope: Scope,
  timeZone: string,
): Promise<SampleResponse> {
  const seed = q.seed ?? q.period;
  let ops = await visibleOperators(db, scope, q.team ?? null);
  if (q.operator) ops = (ops ?? [q.operator]).filter((o) => o === q.operator);
  const roster = await operatorsByName(db, { operatorIds: ops, activeOnly: true });
  const wanted = await targets(
    db,
    q,
    timeZone,
    roster.map((o) => o.operator_id),
  );
  const claimed = await claimedCallsAndOrders(db);
  const claimedCalls = claimed.calls;
  const claimedOrders = claimed.orders;
  // A claim about an order names the call the order was taken on.
  if (claimedOrders.length) {
    const rows = await analytics.rows(
      ORDER_CALLS_SQL,
      { ids: textList(claimedOrders) },
      { ids: LIST(VARCHAR) },
    );
    for (const r of rows) claimedCalls.push(String(r.call_id));
  }
  const targeting = await targetedChecks(db, q);
  const k = Math.max(1, ...[...wanted.values()].map((w) => w.target));
  const { from, to } = monthRange(q.period);
  const rows = await analytics.rows(
    SAMPLE_CANDIDATES_SQL,
    {
      tz: timeZone,
      from,
      to,
      all: false,
      ops: textList(roster.map((o) => o.operator_id)),
      claimed: textList(claimedCalls),
      seed,
      k,
      version: targeting.version,
      inbound_checks: textList(targeting.targeted?.inbound ?? []),
      outbound_checks: textList(targeting.targeted?.outbound ?? []),
    },
    {
      ops: LIST(VARCHAR),
      claimed: LIST(VARCHAR),
      inbound_checks: LIST(VARCHAR),
      outbound_checks: LIST(VARCHAR),
    },
  );
  const inOrder = (keys: string[]) => targeting.order.filter((key) => keys.includes(key));
  const byOp = new Map<string, { available: number; candidates: Candidate[] }>();
  for (const r of rows) {
    const id = String(r.operator_id);
    const e = byOp.get(id) ?? { available: num(r.available), candidates: [] };
    e.candidates.push({
      callId: String(r.call_id),
      taskType: r.task_type == null ? null : String(r.task_type),
      talkS: num(r.talk_s),
      startedAt: String(r.started_at),
      claimed: r.claimed === true,
      targeted: r.targeted === true,
      failedChecks: inOrder(((r.failed_checks as string[] | null) ?? []).map(String)),
      draw: String(r.draw),
    });
    byOp.set(id, e);
  }
  const picked = new Map<string, Candidate[]>();
  for (const o of roster) {
    picked.set(
      o.operator_id,
      draw(byOp.get(o.operator_id)?.candidates ?? [], wanted.get(o.operator_id)?.target ?? 0),
    );
  }
  const callIds = [...picked.values()].flat().map((c) => c.callId);
  const assigned = await assignedMonitors(db, q.period, callIds);
  const evaluations = await evaluationIdsOfCalls(db, callIds);
  return {
    period: q.period,
    seed,
    margin: q.margin ?? null,
    targeted: targeting.targeted,
    operators: roster.map((o): OperatorSample => {
      const w = wanted.get(o.operator_id);
      return {
        operatorId: o.operator_id,
        name: o.name,
        teamId: o.team_id,
        target: w?.target ?? 0,
        sd: w?.sd ?? null,
        sdSource: w?.sdSource ?? null,
        available: byOp.get(o.operator_id)?.available ?? 0,
        calls: (picked.get(o.operator_id) ?? []).map(
          (c): SampledCall => ({
            callId: c.callId,
            startedAt: c.startedAt,
            taskType: c.taskType,
            talkS: c.talkS,
            claimed: c.claimed,
            reason: c.targeted ? 'failed-check' : c.claimed ? 'claimed' : 'drawn',
            failedChecks: c.failedChecks,
            assignedTo: assigned.get(c.callId) ?? null,
            evaluationIds: evaluations.get(c.callId) ?? [],
          }),
        ),
      };
    }),
  };
}
