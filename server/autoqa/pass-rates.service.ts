import { LIST, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type {
  CheckRate,
  PassRateGroup,
  PassRatesQuery,
  PassRatesResponse,
} from '../../schemas/autoqa-pass-rates.ts';
import { monthRange } from '../../schemas/period.ts';
import { num, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { inScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { operatorsByName } from '../roster/roster.repository.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { teamsById } from './pass-rates.repository.ts';
import { PASS_RATES_SQL } from './queries/pass-rates.sql.ts';
import { currentRuleSet } from './rules.service.ts';

type Counts = Map<string, { pass: number; fail: number; na: number }>;

const emptyCounts = (): Counts => new Map();

/** A check's pass rate: pass / (pass + fail), null when neither (every result `na`, or none). */
export function checkRate(
  key: string,
  counts: { pass: number; fail: number; na: number } | undefined,
): CheckRate {
  const c = counts ?? { pass: 0, fail: 0, na: 0 };
  return { key, ...c, rate: c.pass + c.fail === 0 ? null : c.pass / (c.pass + c.fail) };
}

/**
 * Each of these operators' counts per check and result over the calls of the local dates
 * `[from, to)`, under rule-set version `version`: what every pass rate is made of.
 */
export async function checkCountsByOperator(
  stores: Stores,
  range: { from: string; to: string },
  version: number,
  operatorIds: readonly string[],
): Promise<Map<string, Counts>> {
  const { timeZone } = await readSettings(stores.db);
  const rows = await stores.analytics.rows(
    PASS_RATES_SQL,
    { version, tz: timeZone, from: range.from, to: range.to, all: false, ops: textList([...operatorIds]) },
    { ops: LIST(VARCHAR) },
  );
  const byOperator = new Map<string, Counts>();
  for (const r of rows) {
    const op = String(r.operator_id);
    const counts = byOperator.get(op) ?? emptyCounts();
    const key = String(r.check_key);
    const c = counts.get(key) ?? { pass: 0, fail: 0, na: 0 };
    const result = String(r.result);
    if (result === 'pass' || result === 'fail' || result === 'na') c[result] += num(r.n);
    counts.set(key, c);
    byOperator.set(op, counts);
  }
  return byOperator;
}

function add(into: Counts, from: Counts): void {
  for (const [key, c] of from) {
    const t = into.get(key) ?? { pass: 0, fail: 0, na: 0 };
    t.pass += c.pass;
    t.fail += c.fail;
    t.na += c.na;
    into.set(key, t);
  }
}

/** The counts as the API gives them: every check of the rule set, in its order. */
function group(counts: Counts, keys: readonly string[]): PassRateGroup {
  const checks = keys.map((key): CheckRate => checkRate(key, counts.get(key)));
  // Every checked call has one result per check: the most results of a check is the calls.
  return { calls: Math.max(0, ...checks.map((c) => c.pass + c.fail + c.na)), checks };
}

/**
 * Each check's pass / fail / na counts and pass rate over the month's calls, for the operators the
 * caller may see (narrowed to a department, a team or an operator), per team and per operator. A team is counted
 * whole, whoever asks, as its achievement on a scorecard is: an operator reads his team's rates
 * beside his own, never a teammate's.
 */
export async function passRates(stores: Stores, q: PassRatesQuery, scope: Scope): Promise<PassRatesResponse> {
  if (q.operator !== undefined && !inScope(scope, q.operator))
    throw new AppError('not_found', `no operator ${q.operator}`);
  const ruleSet = await currentRuleSet(stores.db);
  const keys = ruleSet.checks.map((c) => c.key);
  const everyone = await operatorsByName(stores.db, { operatorIds: null });
  const teamOf = new Map(everyone.map((o) => [o.operator_id, o.team_id]));
  const teams = await teamsById(stores.db);
  const selected = everyone.filter(
    (o) =>
      inScope(scope, o.operator_id) &&
      (q.team === undefined || o.team_id === q.team) &&
      (q.department === undefined || teams.get(o.team_id)?.department === q.department) &&
      (q.operator === undefined || o.operator_id === q.operator),
  );
  if (q.operator !== undefined && selected.length === 0)
    throw new AppError('not_found', `no operator ${q.operator}${q.team ? ` in team ${q.team}` : ''}`);
  const teamIds = [...new Set(selected.map((o) => o.team_id))];
  // The selected operators' whole teams are read: a team's figures count all of it.
  const read = everyone.filter((o) => teamIds.includes(o.team_id)).map((o) => o.operator_id);
  const byOperator = await checkCountsByOperator(stores, monthRange(q.period), ruleSet.version, read);
  const total = emptyCounts();
  for (const o of selected) add(total, byOperator.get(o.operator_id) ?? emptyCounts());
  const byTeam = new Map<string, Counts>(teamIds.map((t) => [t, emptyCounts()]));
  for (const [op, counts] of byOperator) {
    const t = byTeam.get(teamOf.get(op) ?? '');
    if (t) add(t, counts);
  }
  return {
    period: q.period,
    rulesVersion: ruleSet.version,
    checks: ruleSet.checks.map((c) => ({ key: c.key, labels: c.labels })),
    total: group(total, keys),
    teams: teamIds
      .map((teamId) => ({
        teamId,
        name: teams.get(teamId)?.name ?? teamId,
        ...group(byTeam.get(teamId) ?? emptyCounts(), keys),
      }))
      // A team without a checked call in the month is left out, unless it is the named operator's.
      .filter(
        (t) => t.calls > 0 || selected.some((o) => o.operator_id === q.operator && o.team_id === t.teamId),
      )
      .sort((a, b) => a.name.localeCompare(b.name) || a.teamId.localeCompare(b.teamId)),
    // An operator with no checked call in the month is left out, unless the request names him.
    operators: selected
      .map((o) => ({
        operatorId: o.operator_id,
        name: o.name,
        teamId: o.team_id,
        ...group(byOperator.get(o.operator_id) ?? emptyCounts(), keys),
      }))
      .filter((o) => o.calls > 0 || o.operatorId === q.operator),
  };
}
