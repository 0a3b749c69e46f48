import { monthRange } from '../../schemas/period.ts';
import type { SelfGap } from '../../schemas/self-evaluations.ts';
import type { Stores } from '../../stores/stores.ts';
import type { Scope } from '../context.ts';
import { mean, round2 } from '../evaluations/stats.ts';
import { periodInstants } from '../periods/period.ts';
import { operatorsByName } from '../roster/roster.repository.ts';
import { listSelfRows } from './self-evaluations.repository.ts';
import { monitorSides } from './self-evaluations.service.ts';

const r2 = (x: number | null) => (x === null ? null : round2(x));

/**
 * Per operator of the scope (and team), over the month's calls: the mean signed gap between his
 * self-evaluations and the monitors' counted evaluations of the same calls. Operators with no
 * pair are left out.
 */
export async function selfGaps(
  stores: Stores,
  period: string,
  team: string | undefined,
  scope: Scope,
  timeZone: string,
): Promise<SelfGap[]> {
  const roster = await operatorsByName(stores.db, { operatorIds: scope.operatorIds, team: team ?? null });
  const rows = await listSelfRows(stores.db, {
    operatorIds: roster.map((o) => o.operator_id),
    status: 'submitted',
    range: periodInstants(monthRange(period), timeZone),
  });
  const sides = await monitorSides(
    stores,
    rows.map((r) => r.call_id),
  );
  const pairs = new Map<string, { self: number; monitor: number }[]>();
  for (const r of rows) {
    const m = sides.get(r.call_id);
    if (r.score === null || !m || m.score === null) continue;
    const list = pairs.get(r.operator_id) ?? [];
    list.push({ self: r.score, monitor: m.score });
    pairs.set(r.operator_id, list);
  }
  return roster
    .filter((o) => pairs.has(o.operator_id))
    .map((o) => {
      const ps = pairs.get(o.operator_id) ?? [];
      return {
        operatorId: o.operator_id,
        name: o.name,
        teamId: o.team_id,
        pairs: ps.length,
        meanSignedGap: r2(mean(ps.map((p) => p.self - p.monitor))),
        meanSelf: r2(mean(ps.map((p) => p.self))),
        meanMonitor: r2(mean(ps.map((p) => p.monitor))),
      };
    });
}
