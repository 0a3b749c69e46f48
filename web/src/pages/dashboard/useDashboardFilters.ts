import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';
import type { PeriodsResponse, TeamsResponse } from '../../../../schemas/api.ts';

export interface DashboardFilters {
  /** The period shown: the one in the URL when it has calls, else the newest; null while unknown. */
  period: string | null;
  /** The team in the URL when it is one of the user's teams; null for all. */
  team: string | null;
  setPeriod(period: string): void;
  setTeam(team: string | null): void;
}

/**
 * The dashboard's filters live in the query string (`?period=2026-10&team=T1`), so a view can be
 * bookmarked and shared. A period without calls falls back to the newest one instead of showing an
 * empty page, and the URL is corrected to match.
 */
export function useDashboardFilters(
  periods: PeriodsResponse | undefined,
  teams: TeamsResponse | undefined,
): DashboardFilters {
  const [params, setParams] = useSearchParams();
  const wantedPeriod = params.get('period');
  const wantedTeam = params.get('team');

  const period = periods
    ? wantedPeriod && periods.periods.includes(wantedPeriod)
      ? wantedPeriod
      : (periods.periods[0] ?? null)
    : null;
  // Until the teams arrive the requested team is trusted; the server answers empty for an unknown one.
  const team = wantedTeam && (!teams || teams.teams.some((t) => t.teamId === wantedTeam)) ? wantedTeam : null;

  // The URL always names the period shown, so a copied address reopens this very month later.
  useEffect(() => {
    if (period === null || period === wantedPeriod) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', period);
        return next;
      },
      { replace: true },
    );
  }, [period, wantedPeriod, setParams]);

  const update = useCallback(
    (key: 'period' | 'team', value: string | null) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      });
    },
    [setParams],
  );

  return {
    period,
    team,
    setPeriod: useCallback((p: string) => update('period', p), [update]),
    setTeam: useCallback((t: string | null) => update('team', t), [update]),
  };
}
