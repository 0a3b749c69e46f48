import { LIST, VARCHAR } from '@duckdb/node-api';
import type { DailyPoint, OperatorActivity, TeamView } from '../../schemas/activity.ts';
import type { RangeQuery } from '../../schemas/period.ts';
import { type Analytics, num, textList } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import { cached } from '../cache.ts';
import type { Scope } from '../context.ts';
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
    const rows = await db.selectFrom('operators').select('operator_id').where('team_id', '=', team).execute();
    const inTeam = rows.map((r) => r.operator_id);
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

export async function operatorActivity(
  db: Db,
  analytics: Analytics,
  range: RangeQuery,
  scope: Scope,
  timeZone: string,
): Promise<OperatorActivity[]> {
  const ops = await visibleOperators(db, scope, range.team);
  const roster = await db
    .selectFrom('operators')
    .innerJoin('teams', 'teams.team_id', 'operators.team_id')
    .select(['operators.operator_id', 'operators.name', 'operators.team_id', 'teams.name as team_name'])
    .$if(ops !== null, (q) => q.where('operators.operator_id', 'in', ops?.length ? ops : ['']))
    .execute();
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
  const rows = await db
    .selectFrom('teams')
    .leftJoin('operators', 'operators.team_id', 'teams.team_id')
    .select((eb) => [
      'teams.team_id',
      'teams.name',
      'teams.department',
      eb.fn.count<number>('operators.operator_id').as('operators'),
    ])
    .$if(scope.operatorIds !== null, (q) =>
      q.where('teams.team_id', 'in', (eb) =>
        eb
          .selectFrom('operators')
          .select('team_id')
          .where('operator_id', 'in', [...(scope.operatorIds ?? []), '']),
      ),
    )
    .groupBy('teams.team_id')
    .orderBy('teams.name')
    .execute();
  return rows.map((r) => ({
    teamId: r.team_id,
    name: r.name,
    department: r.department,
    operators: Number(r.operators),
  }));
}

/** The roster a request may see: for pickers (claims, assessments, norms). */
export async function rosterFor(db: Db, scope: Scope) {
  return db
    .selectFrom('operators')
    .leftJoin('teams', 'teams.team_id', 'operators.team_id')
    .select([
      'operators.operator_id as operatorId',
      'operators.name',
      'operators.team_id as teamId',
      'teams.name as teamName',
    ])
    .$if(scope.operatorIds !== null, (q) =>
      q.where('operators.operator_id', 'in', [...(scope.operatorIds ?? []), '']),
    )
    .orderBy('operators.name')
    .execute();
}
