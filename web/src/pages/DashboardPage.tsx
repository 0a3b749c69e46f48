import { useId } from 'react';
import { useDailyOverview, useOperatorActivity, usePeriods, useTeams } from '../api/hooks.ts';
import { useSession } from '../auth/session.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { DailyCard } from './dashboard/DailyCard.tsx';
import { KpiTiles } from './dashboard/KpiTiles.tsx';
import { OperatorTable } from './dashboard/OperatorTable.tsx';
import { useDashboardFilters } from './dashboard/useDashboardFilters.ts';

export default function DashboardPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  useDocumentTitle(t('dashboard.title'));
  const periodId = useId();
  const teamId = useId();

  const periods = usePeriods();
  const teams = useTeams();
  const filters = useDashboardFilters(periods.data, teams.data);
  const range = filters.period ? { period: filters.period, team: filters.team } : null;
  const activity = useOperatorActivity(range);
  const daily = useDailyOverview(range);

  const teamList = teams.data?.teams ?? [];
  // An operator belongs to one team, so a choice of one would only add noise.
  const showTeamFilter = teamList.length > 1;
  const teamName = teamList.find((x) => x.teamId === filters.team)?.name;

  let subtitle = '';
  if (filters.period) {
    const period = fmt.period(filters.period);
    subtitle =
      user.role === 'operator'
        ? t('dashboard.subtitleOwn', { period })
        : teamName
          ? t('dashboard.subtitleTeam', { team: teamName, period })
          : t('dashboard.subtitleAll', { period });
  }

  const header = (
    <div className="page-header">
      <div>
        <h1 className="page-title">{t('dashboard.title')}</h1>
        {subtitle ? (
          <p className="page-subtitle">{subtitle}</p>
        ) : (
          periods.isPending && <Skeleton width={260} height={14} style={{ marginTop: 8 }} />
        )}
      </div>
      {periods.data && periods.data.periods.length > 0 && (
        <div className="filters">
          <div className="field field-inline">
            <label className="field-label" htmlFor={periodId}>
              {t('dashboard.period')}
            </label>
            <select
              id={periodId}
              className="select"
              value={filters.period ?? ''}
              onChange={(e) => filters.setPeriod(e.target.value)}
            >
              {periods.data.periods.map((p) => (
                <option key={p} value={p}>
                  {fmt.period(p)}
                </option>
              ))}
            </select>
          </div>
          {showTeamFilter && (
            <div className="field field-inline">
              <label className="field-label" htmlFor={teamId}>
                {t('dashboard.team')}
              </label>
              <select
                id={teamId}
                className="select"
                value={filters.team ?? ''}
                onChange={(e) => filters.setTeam(e.target.value || null)}
              >
                <option value="">{t('dashboard.allTeams')}</option>
                {teamList.map((team) => (
                  <option key={team.teamId} value={team.teamId}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
    </div>
  );

  if (periods.isError) {
    return (
      <div className="page">
        {header}
        <div className="card">
          <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
        </div>
      </div>
    );
  }
  if (periods.data && periods.data.periods.length === 0) {
    return (
      <div className="page">
        {header}
        <div className="card">
          <EmptyState title={t('dashboard.noPeriods.title')}>{t('dashboard.noPeriods.body')}</EmptyState>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      {header}
      {/* Without a period yet the queries wait and each block shows its skeleton. */}
      <KpiTiles
        activity={activity}
        daily={daily}
        scope={user.role === 'operator' ? 'own' : filters.team ? 'team' : 'all'}
        fmt={fmt}
      />
      <DailyCard daily={daily} fmt={fmt} />
      <OperatorTable activity={activity} fmt={fmt} />
    </div>
  );
}
