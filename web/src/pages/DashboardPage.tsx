import { useId, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { currentMonth } from '../../../core/time.ts';
import { useDashboardSummary, useViewScorecards } from '../api/dashboard.ts';
import { usePeriods, useTeams } from '../api/hooks.ts';
import { useCan } from '../auth/access.tsx';
import { useSession } from '../auth/session.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useCompanyTimeZone } from '../components/usePeriodParam.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { mayOpen } from '../routes.ts';
import { AutoqaChecksCard } from './dashboard/AutoqaChecksCard.tsx';
import { DashboardCharts } from './dashboard/DashboardCharts.tsx';
import { DashboardTiles } from './dashboard/DashboardTiles.tsx';
import { LiveQueuesCard } from './dashboard/LiveQueuesCard.tsx';
import { PeriodPicker } from './dashboard/PeriodPicker.tsx';
import { RankingTable } from './dashboard/RankingTable.tsx';
import { columnOf, type RankingKey } from './dashboard/ranking.ts';
import { useDashboardFilters } from './dashboard/useDashboardFilters.ts';

/** The dashboard: a department head's view of every criterion (an operator has his own page). */
export default function DashboardPage() {
  const { user } = useSession();
  return <HeadDashboard fixed={{ team: user.team, department: user.department }} />;
}

/** `fixed`: the team or department a limited head sees, which his filters stay on. */
function HeadDashboard({ fixed }: { fixed: { team: string | null; department: string | null } }) {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('dashboard.title'));
  const teamId = useId();
  const departmentId = useId();
  const rankingRef = useRef<HTMLElement>(null);
  const [params] = useSearchParams();
  const canChecks = useCan('autoqa.read');
  const canLive = useCan('live.read');
  const canDrill = mayOpen(useSession().user.role, 'callQueue');

  const periods = usePeriods();
  const teams = useTeams();
  const filters = useDashboardFilters(periods.data, teams.data, fixed);
  const summary = useDashboardSummary(filters.view);
  // The running month is shown to date (the summary says which days): the ranking waits for them,
  // so its norms and counts are those of the same days as the tiles', not of a whole month.
  const timeZone = useCompanyTimeZone();
  const toDate =
    summary.data?.monthToDate && filters.period && summary.data.current.from.startsWith(filters.period)
      ? summary.data
      : null;
  const running =
    filters.period !== null &&
    timeZone !== undefined &&
    filters.period === currentMonth(new Date(), timeZone);
  const rankingView =
    filters.view && running
      ? toDate && { ...filters.view, period: null, from: toDate.current.from, to: toDate.current.to }
      : filters.view;
  const cards = useViewScorecards(rankingView);

  const teamList = (teams.data?.teams ?? []).filter(
    (x) => !filters.department || x.department === filters.department,
  );
  const departments = [
    ...new Set((teams.data?.teams ?? []).map((x) => x.department).filter((d): d is string => d !== null)),
  ].sort();
  const teamName = teams.data?.teams.find((x) => x.teamId === filters.team)?.name;
  const label = filters.range
    ? t('dashboard.rangeLabel', {
        from: fmt.dayShort(filters.range.from),
        to: fmt.dayShort(shiftBack(filters.range.to)),
      })
    : toDate
      ? t('dashboard.monthToDate', {
          current: fmt.dayRange(toDate.current.from, toDate.current.to),
          previous: fmt.dayRange(toDate.previous.from, toDate.previous.to),
        })
      : filters.period
        ? fmt.period(filters.period)
        : '';
  const where = teamName ?? filters.department ?? null;
  const subtitle = label
    ? where
      ? t('dashboard.subtitleOf', { view: where, period: label })
      : t('dashboard.subtitleAllCriteria', { period: label })
    : '';
  const operatorPeriod = filters.period ?? filters.range?.from.slice(0, 7) ?? null;

  const drill = (key: RankingKey) => {
    const col = columnOf(key);
    if (!col) return;
    filters.update({ sort: key, dir: col.worstFirst === 'ascending' ? 'asc' : 'desc', q: null });
    requestAnimationFrame(() => {
      rankingRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      rankingRef.current?.focus({ preventScroll: true });
    });
  };

  const header = (
    <PageHeader
      title={t('dashboard.title')}
      subtitle={subtitle}
      subtitleSkeleton={periods.isPending ? 260 : undefined}
      filters={
        periods.data &&
        periods.data.periods.length > 0 && (
          <>
            <PeriodPicker months={periods.data.periods} filters={filters} fmt={fmt} />
            {departments.length > 1 && !fixed.department && !fixed.team && (
              <div className="field field-inline">
                <label className="field-label" htmlFor={departmentId}>
                  {t('dashboard.department')}
                </label>
                <select
                  id={departmentId}
                  className="select"
                  value={filters.department ?? ''}
                  onChange={(e) => filters.update({ department: e.target.value || null, team: null })}
                >
                  <option value="">{t('dashboard.allDepartments')}</option>
                  {departments.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {(teams.data?.teams.length ?? 0) > 1 && !fixed.team && (
              <div className="field field-inline">
                <label className="field-label" htmlFor={teamId}>
                  {t('dashboard.team')}
                </label>
                <select
                  id={teamId}
                  className="select"
                  value={filters.team ?? ''}
                  onChange={(e) => filters.update({ team: e.target.value || null })}
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
          </>
        )
      }
    />
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
        {canLive && <LiveQueuesCard fmt={fmt} />}
        <div className="card">
          <EmptyState title={t('dashboard.noPeriods.title')}>{t('dashboard.noPeriods.body')}</EmptyState>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      {header}
      {canLive && <LiveQueuesCard fmt={fmt} />}
      <DashboardTiles
        summary={summary}
        compare={filters.compare}
        fmt={fmt}
        onOpen={(tile) => drill(tile.sortKey)}
      />
      <DashboardCharts summary={summary} fmt={fmt} onDrill={drill} />
      {canChecks && operatorPeriod && (
        <AutoqaChecksCard
          period={operatorPeriod}
          team={filters.team}
          department={filters.department}
          view={params.get('aqView')}
          check={params.get('aqCheck')}
          onChange={(changes) => filters.update(changes, { replace: true })}
          canDrill={canDrill}
          fmt={fmt}
        />
      )}
      <RankingTable
        cards={cards}
        filters={filters}
        operatorPeriod={operatorPeriod}
        fileLabel={filters.period ?? (filters.range ? `${filters.range.from}_${filters.range.to}` : 'view')}
        fmt={fmt}
        scrollRef={rankingRef}
      />
    </div>
  );
}

function shiftBack(date: string) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
