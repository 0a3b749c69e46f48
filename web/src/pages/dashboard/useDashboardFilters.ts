import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PeriodsResponse, TeamsResponse } from '../../../../schemas/activity.ts';
import type { ViewParams } from '../../api/dashboard.ts';
import { usePeriodParam } from '../../components/usePeriodParam.ts';

export type SortDirection = 'ascending' | 'descending';

export interface DashboardFilters {
  /** The query for the API, or null while the months are unknown. */
  view: ViewParams | null;
  /** The month shown, or null for a custom range. */
  period: string | null;
  /** The custom range (to exclusive), when one is shown. */
  range: { from: string; to: string } | null;
  team: string | null;
  department: string | null;
  /** Show each figure's change against the previous period. */
  compare: boolean;
  /** The ranking's order: a column key and direction. */
  sort: { key: string; direction: SortDirection } | null;
  /** The ranking's text filter. */
  query: string;
  /** Changes some of the URL's parameters at once; null removes one. */
  update(changes: Record<string, string | null>, options?: { replace?: boolean }): void;
}

/**
 * Every choice of the dashboard lives in the query string (`?period=2026-10&team=T1&sort=qualityScore`),
 * so a view can be bookmarked, shared, and reached from a link. A month without calls falls back
 * to the default one, and the URL is corrected to match (usePeriodParam). A head limited to a team
 * or a department (`fixed`) always sees that one, whatever the address says.
 */
export function useDashboardFilters(
  periods: PeriodsResponse | undefined,
  teams: TeamsResponse | undefined,
  fixed: { team: string | null; department: string | null } = { team: null, department: null },
): DashboardFilters {
  const [params, setParams] = useSearchParams();
  // Until the months arrive a month the address names is trusted, so its figures are asked for at
  // once; one without calls then falls back to the default.
  const { period, range } = usePeriodParam(periods?.periods, { ranges: true, trust: 'until-listed' });
  const wantedTeam = params.get('team');
  const department = fixed.department ?? (params.get('department') || null);

  // Until the teams arrive the requested team is trusted; the server answers empty for an unknown one.
  const team =
    fixed.team ??
    (wantedTeam && (!teams || teams.teams.some((t) => t.teamId === wantedTeam)) ? wantedTeam : null);
  const sortKey = params.get('sort');
  const dir = params.get('dir');

  const update = useCallback(
    (changes: Record<string, string | null>, options?: { replace?: boolean }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: options?.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );

  const rangeFrom = range?.from ?? null;
  const rangeTo = range?.to ?? null;
  const view = useMemo<ViewParams | null>(
    () =>
      rangeFrom && rangeTo
        ? { period: null, from: rangeFrom, to: rangeTo, team, department }
        : period
          ? { period, from: null, to: null, team, department }
          : null,
    [rangeFrom, rangeTo, period, team, department],
  );

  return {
    view,
    period,
    range,
    team,
    department,
    compare: params.get('compare') !== '0',
    sort: sortKey ? { key: sortKey, direction: dir === 'desc' ? 'descending' : 'ascending' } : null,
    query: params.get('q') ?? '',
    update,
  };
}
