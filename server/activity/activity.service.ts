import { LIST, VARCHAR } from '@duckdb/node-api';
import type { AgentTime, DailyPoint, OperatorActivity, TeamView } from '../../schemas/activity.ts';
import type { RangeQuery } from '../../schemas/period.ts';
import { type Analytics, type JsonRow, num, textList } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import { cached } from '../cache.ts';
import type { Scope } from '../context.ts';
import { teamOperatorIds } from '../roster/roster.repository.ts';
import { operatorsWithTeam, rosterOf, teamsWithOperatorCount } from './activity.repository.ts';
import { DAILY_ACTIVITY_SQL } from './queries/daily-activity.sql.ts';
import { OPERATOR_ACTIVITY_SQL } from './queries/operator-activity.sql.ts';
import { PERIODS_SQL } from './queries/periods.sql.ts';

const PARAM_TYPES = { ops: LIST(VARCHAR) };

/**
 * The operators a request may see, given its scope (an operator sees himself) and an optional
 * team filter; null means everyone.
 */
async function visibleOperators(db: Db, scope: Scope, team: string | null): Promise<string[] | null> {
  let ids: string[] | null = scope.operatorIds ? [...scope.operatorIds] : null;
  if (team) {
    const inTeam = await teamOperatorIds(db, team);
    ids = ids ? ids.filter((id) => inTeam.includes(id)) : inTeam;
  }
  return ids;
}

const rangeParams = (range: RangeQuery, tz: string, ops: string[] | null) => ({
  tz,
  from: range.period.from,
  to: range.period.to,
  all: ops === null,
  ops: textList(ops ?? []),
});

const share = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;

/** Seconds of each state, and the shares the operator page shows. */
function agentTime(f: JsonRow): AgentTime {
  const availableSeconds = Math.round(num(f.available_s));
  const talkSeconds = Math.round(num(f.talk_state_s));
  const wrapSeconds = Math.round(num(f.wrap_state_s));
  const pauseSeconds = Math.round(num(f.pause_s));
  const ready = availableSeconds + talkSeconds + wrapSeconds;
  const loggedSeconds = ready + pauseSeconds;
  return {
    loggedSeconds,
    availableSeconds,
    talkSeconds,
    wrapSeconds,
    pauseSeconds,
    occupancy: share(talkSeconds + wrapSeconds, ready),
    pauseShare: share(pauseSeconds, loggedSeconds),
    pauses: ((f.pauses ?? []) as { reason: string | null; seconds: number | string }[]).map((p) => ({
      reason: p.reason,
      seconds: Math.round(Number(p.seconds)),
    })),
  };
}

export async function operatorActivity(
  db: Db,
  analytics: Analytics,
  range: RangeQuery,
  scope: Scope,
  timeZone: string,
): Promise<OperatorActivity[]> {
  const ops = await visibleOperators(db, scope, range.team);
  const roster = await operatorsWithTeam(db, ops);
  const facts = await analytics.rows(OPERATOR_ACTIVITY_SQL, rangeParams(range, timeZone, ops), PARAM_TYPES);
  const byId = new Map(facts.map((f) => [String(f.operator_id), f]));
  return roster
    .map((o): OperatorActivity => {
      const f = byId.get(o.operator_id);
      return {
        operatorId: o.operator_id,
        name: o.name,
        teamId: o.team_id,
        teamName: o.team_name,
        calls: num(f?.calls),
        handledCalls: num(f?.handled),
        inbound: num(f?.inbound),
        outbound: num(f?.outbound),
        talkSeconds: Math.round(num(f?.talk_s)),
        ahtSeconds: f?.aht_s == null ? null : Math.round(num(f.aht_s) * 10) / 10,
        orders: num(f?.orders),
        orderRevenue: num(f?.revenue),
        agentTime: f?.has_states ? agentTime(f) : null,
      };
    })
    .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
}

export async function dailyActivity(
  db: Db,
  analytics: Analytics,
  range: RangeQuery,
  scope: Scope,
  timeZone: string,
): Promise<DailyPoint[]> {
  const ops = await visibleOperators(db, scope, range.team);
  const rows = await analytics.rows(DAILY_ACTIVITY_SQL, rangeParams(range, timeZone, ops), PARAM_TYPES);
  return rows.map((r) => ({
    date: String(r.day),
    calls: num(r.calls),
    handled: num(r.handled),
    inbound: num(r.inbound),
    abandoned: num(r.abandoned),
    orders: num(r.orders),
  }));
}

/** Kept while the data is unchanged: every page's period picker asks for it first. */
export function periodsWithCalls(analytics: Analytics, timeZone: string): Promise<string[]> {
  return cached(analytics, `periods|${timeZone}`, async () => {
    const rows = await analytics.rows(PERIODS_SQL, { tz: timeZone });
    return rows.map((r) => String(r.period));
  });
}

export async function teamsWithSize(db: Db, scope: Scope): Promise<TeamView[]> {
  const rows = await teamsWithOperatorCount(db, scope.operatorIds);
  return rows.map((r) => ({
    teamId: r.team_id,
    name: r.name,
    department: r.department,
    operators: Number(r.operators),
  }));
}

/** The roster a request may see: for pickers (claims, assessments, norms). */
export async function rosterFor(db: Db, scope: Scope) {
  return rosterOf(db, scope.operatorIds);
}
