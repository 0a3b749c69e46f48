import type { Period } from '../../schemas/period.ts';
import type { KpiRow, KpisResponse } from '../../schemas/scorecard.ts';
import type { Settings } from '../../schemas/settings.ts';
import { type JsonRow, num } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { inScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { factsOf } from './engines/duckdb-file.ts';
import { readOperational } from './operational.ts';
import { roundHalfUp } from './round.ts';

/** Additive parts of the KPIs, so operators can be rolled up into teams. */
interface Sums {
  offered: number;
  answered: number;
  abandoned: number;
  withinSl: number;
  waitSum: number;
  handled: number;
  handleSum: number;
}

const ZERO: Sums = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  withinSl: 0,
  waitSum: 0,
  handled: 0,
  handleSum: 0,
};

const sumsOf = (r: JsonRow): Sums => ({
  offered: num(r.offered),
  answered: num(r.answered),
  abandoned: num(r.abandoned),
  withinSl: num(r.within_sl),
  waitSum: num(r.asa_s) * num(r.answered),
  handled: num(r.handled),
  handleSum: num(r.aht_s) * num(r.handled),
});

const add = (a: Sums, b: Sums): Sums => ({
  offered: a.offered + b.offered,
  answered: a.answered + b.answered,
  abandoned: a.abandoned + b.abandoned,
  withinSl: a.withinSl + b.withinSl,
  waitSum: a.waitSum + b.waitSum,
  handled: a.handled + b.handled,
  handleSum: a.handleSum + b.handleSum,
});

const kpiRow = (key: string, label: string, s: Sums): KpiRow => ({
  key,
  label,
  offered: s.offered,
  answered: s.answered,
  abandoned: s.abandoned,
  asa: s.answered > 0 ? roundHalfUp(s.waitSum / s.answered, 1) : null,
  serviceLevel: s.offered > 0 ? roundHalfUp(s.withinSl / s.offered, 4) : null,
  abandonmentRate: s.offered > 0 ? roundHalfUp(s.abandoned / s.offered, 4) : null,
  aht: s.handled > 0 ? roundHalfUp(s.handleSum / s.handled, 1) : null,
});

/** Offered, abandoned and the service level belong to queues: a row of operators has none. */
const operatorsOnly = (r: KpiRow): KpiRow => ({
  ...r,
  offered: null,
  abandoned: null,
  serviceLevel: null,
  abandonmentRate: null,
});

/**
 * ASA, service level, abandonment and AHT (docs/scoring.md) by queue, by team and overall. A team's
 * figures cover the calls its operators answered: a caller who hung up in the queue reached no
 * operator, so offered, abandoned and the service level exist per queue, not per team. A user
 * limited to some operators gets their teams, and as overall their calls: no queue, since a
 * queue's figures are every team's and its unanswered callers'.
 */
export async function contactKpis(
  stores: Stores,
  q: { period: Period; team: string | null },
  settings: Settings,
  scope: Scope,
): Promise<KpisResponse> {
  const limited = scope.operatorIds !== null;
  const [rows, ops] = await Promise.all([
    factsOf(stores).contactKpis(
      { tz: settings.timeZone, from: q.period.from, to: q.period.to },
      settings.serviceLevelSeconds,
    ),
    readOperational(stores.db, q.period, settings.timeZone),
  ]);
  const overallRow = rows.find((r) => r.grain === 'all');
  const queues = rows
    .filter((r) => r.grain === 'queue')
    .map((r) => kpiRow(String(r.key ?? ''), r.key == null ? '(no queue)' : String(r.key), sumsOf(r)))
    .sort((a, b) => (b.offered ?? 0) - (a.offered ?? 0));

  const rosterById = new Map(ops.roster.map((o) => [o.operatorId, o]));
  const teams = new Map<string, { label: string; sums: Sums }>();
  let seen = ZERO;
  for (const r of rows) {
    if (r.grain !== 'operator' || r.key == null || !inScope(scope, String(r.key))) continue;
    const op = rosterById.get(String(r.key));
    if (!op || (q.team && op.teamId !== q.team)) continue;
    const t = teams.get(op.teamId) ?? { label: op.teamName, sums: ZERO };
    teams.set(op.teamId, { label: t.label, sums: add(t.sums, sumsOf(r)) });
    seen = add(seen, sumsOf(r));
  }
  return {
    range: { from: q.period.from, to: q.period.to },
    serviceLevelSeconds: settings.serviceLevelSeconds,
    overall: limited
      ? operatorsOnly(kpiRow('all', 'Calls of your operators', seen))
      : kpiRow('all', 'All calls', overallRow ? sumsOf(overallRow) : ZERO),
    queues: limited ? [] : queues,
    teams: [...teams]
      .map(([id, t]) => operatorsOnly(kpiRow(id, t.label, t.sums)))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
