import { LIST, VARCHAR } from '@duckdb/node-api';
import { monthRange } from '../../schemas/period.ts';
import {
  type RefillCounts,
  type RefillResponse,
  type RefillResult,
  type SamplingRuleInput,
  samplingRuleInput,
} from '../../schemas/sampling-rules.ts';
import { lockKey } from '../../stores/dialect.ts';
import { textList } from '../../stores/duckdb.ts';
import { audit } from '../audit/audit.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import { ASSIGNMENTS_LOCK, insertAssignment } from '../calls/assignments.repository.ts';
import { claimedCallsAndOrders } from '../calls/sample.repository.ts';
import type { Deps } from '../context.ts';
import { countedScores } from '../evaluations/quality.repository.ts';
import { worklistCalls } from '../notifications/events.ts';
import { monthOfInstant, periodInstants, previousMonth } from '../periods/period.ts';
import { allocate, type SamplingCandidate } from './allocate.ts';
import { SAMPLING_CANDIDATES_SQL } from './queries/sampling-candidates.sql.ts';
import {
  activeMonitors,
  activeOperators,
  claimedOperators,
  findRuleRow,
  givenOn,
  insertItemRow,
  insertRefillRow,
  listRuleRows,
  refillRan,
  takenCalls,
} from './sampling.repository.ts';

const DAY = 86_400_000;
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** 1 Monday … 7 Sunday. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** Whether a rule runs on a date, and the local dates [from, to) whose calls it takes then. */
export function windowOf(rule: SamplingRuleInput, date: string): { from: string; to: string } | null {
  if (rule.schedule === 'weekly' && weekdayOf(date) !== rule.weekday) return null;
  return { from: addDays(date, rule.schedule === 'daily' ? -1 : -7), to: date };
}

/** The operators a rule's operator filters leave: new ones, those scored low last month. */
async function operatorsFor(deps: Pick<Deps, 'db'>, rule: SamplingRuleInput, date: string, tz: string) {
  let ops = await activeOperators(deps.db);
  if (rule.filter.newOperators) {
    const since = addDays(date, -30);
    ops = ops.filter((o) => o.hired_on !== null && o.hired_on >= since && o.hired_on < date);
  }
  const ids = ops.map((o) => o.operator_id);
  const below = rule.filter.lowScoreBelow;
  if (below === null) return ids;
  const last = previousMonth(date.slice(0, 7));
  const scores = await countedScores(deps.db, periodInstants(monthRange(last), tz), ids);
  const sums = new Map<string, { s: number; n: number }>();
  for (const r of scores) {
    const e = sums.get(r.operator_id ?? '') ?? { s: 0, n: 0 };
    sums.set(r.operator_id ?? '', { s: e.s + (r.score as number), n: e.n + 1 });
  }
  return ids.filter((id) => {
    const e = sums.get(id);
    return e !== undefined && e.s / e.n < below;
  });
}

/**
 * The calls matching a rule in its window that no one has evaluated or been given yet, and how many
 * calls of each operator matched in all (the base of a percent quota).
 */
async function candidatesFor(
  deps: Pick<Deps, 'db' | 'analytics'>,
  ruleId: number,
  rule: SamplingRuleInput,
  window: { from: string; to: string },
  ops: string[],
  tz: string,
): Promise<{ free: SamplingCandidate[]; matching: Map<string, number> }> {
  if (!ops.length) return { free: [], matching: new Map() };
  const f = rule.filter;
  const claimed = f.claimed ? await claimedCallsAndOrders(deps.db) : { calls: [], orders: [] };
  const rows = await deps.analytics.rows(
    SAMPLING_CANDIDATES_SQL,
    {
      tz,
      from: window.from,
      to: window.to,
      ops: textList(ops),
      rule: String(ruleId),
      types: textList(f.taskTypes),
      talk_min: f.talkMinS ?? -1,
      talk_max: f.talkMaxS ?? -1,
      claimed_only: f.claimed,
      claimed_calls: textList(claimed.calls),
      claimed_ops: textList(f.claimed ? await claimedOperators(deps.db) : []),
      check: f.failedCheck ?? '',
      version: f.failedCheck ? (await currentRuleSet(deps.db)).version : 0,
    },
    { ops: LIST(VARCHAR), types: LIST(VARCHAR), claimed_calls: LIST(VARCHAR), claimed_ops: LIST(VARCHAR) },
  );
  const all = rows.map((r) => ({
    callId: String(r.call_id),
    operatorId: String(r.operator_id),
    startedAt: String(r.started_at),
  }));
  const matching = new Map<string, number>();
  for (const c of all) matching.set(c.operatorId, (matching.get(c.operatorId) ?? 0) + 1);
  const taken = await takenCalls(
    deps.db,
    all.map((c) => c.callId),
  );
  return { free: all.filter((c) => !taken.has(c.callId)), matching };
}

/** One rule's refill for a date: nothing when it is not due or that date already ran. */
export async function refillRule(
  deps: Pick<Deps, 'db' | 'analytics'>,
  row: { id: number; name: string; definition: string },
  date: string,
  actor: string,
  tz: string,
): Promise<RefillResult> {
  const rule = samplingRuleInput.parse(JSON.parse(row.definition));
  const window = windowOf(rule, date);
  const none: RefillResult = { ruleId: row.id, name: row.name, runOn: date, ran: false, counts: null };
  if (window === null || (await refillRan(deps.db, row.id, date))) return none;
  const ops = await operatorsFor(deps, rule, date, tz);
  const { free: candidates, matching } = await candidatesFor(deps, row.id, rule, window, ops, tz);
  const all = await activeMonitors(deps.db);
  const named = rule.monitors.length
    ? all.filter((m) => rule.monitors.some((n) => n.toLowerCase() === m.toLowerCase()))
    : all;
  return deps.db.transaction().execute(async (tx) => {
    // Two refills at once (two rules, a timer and a "run now", two processes) read the calls
    // given, then give more: one at a time.
    await lockKey(tx, ASSIGNMENTS_LOCK);
    // Checked again inside the transaction: a timer and a "run now" at once give the calls once.
    if (await refillRan(tx, row.id, date)) return none;
    // Another rule's refill may have given some of these calls since they were read.
    const takenNow = await takenCalls(
      tx,
      candidates.map((c) => c.callId),
    );
    const free = candidates.filter((c) => !takenNow.has(c.callId));
    const {
      allocations,
      wanted,
      perOperator: operators,
    } = allocate(free, rule, named, rule.capPerMonitorPerDay, await givenOn(tx, date), matching);
    const perMonitor: Record<string, number> = {};
    for (const a of allocations) {
      const assignmentId = await insertAssignment(tx, {
        period: monthOfInstant(a.startedAt, tz),
        call_id: a.callId,
        operator_id: a.operatorId,
        call_started_at: a.startedAt,
        monitor: a.monitor,
        assigned_by: `rule:${row.id}`,
      });
      await insertItemRow(tx, {
        rule_id: row.id,
        run_on: date,
        call_id: a.callId,
        operator_id: a.operatorId,
        monitor: a.monitor,
        assignment_id: assignmentId,
      });
      perMonitor[a.monitor] = (perMonitor[a.monitor] ?? 0) + 1;
    }
    // Each monitor is told of his new calls, in the refill's transaction (docs/notifications.md).
    await worklistCalls(
      tx,
      date.slice(0, 7),
      allocations.map((a) => a.monitor),
    );
    const counts: RefillCounts = {
      candidates: free.length,
      wanted,
      assigned: allocations.length,
      overCap: wanted - allocations.length,
      perMonitor,
      perOperator: operators,
    };
    await insertRefillRow(tx, {
      rule_id: row.id,
      run_on: date,
      ran_at: new Date().toISOString(),
      ran_by: actor,
      counts: JSON.stringify(counts),
    });
    await audit(tx, {
      actor,
      action: 'refill',
      entity: 'sampling_rule',
      entityId: String(row.id),
      after: { date, counts },
    });
    return { ruleId: row.id, name: row.name, runOn: date, ran: true, counts };
  });
}

/**
 * Every active rule's refill for a date (or one rule's, active or not, when asked by id), rules in
 * the order they were made: the earlier rule fills the monitors' caps first.
 */
export async function refill(
  deps: Pick<Deps, 'db' | 'analytics'>,
  date: string,
  actor: string,
  tz: string,
  ruleId?: number,
): Promise<RefillResponse> {
  const rows =
    ruleId === undefined
      ? (await listRuleRows(deps.db)).filter((r) => r.active === 1)
      : [await findRuleRow(deps.db, ruleId)].filter((r) => r !== undefined);
  const results: RefillResult[] = [];
  for (const row of rows) results.push(await refillRule(deps, row, date, actor, tz));
  return { date, results };
}
