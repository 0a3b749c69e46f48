import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import type { DailyResponse } from '../../../../schemas/api.ts';
import { CHART_HEIGHT_PX } from '../../components/charts/size.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { dailyTotals, fillDays } from './kpis.ts';

// The charting library is the largest dependency; it loads after the figures around it.
const DailyCallsChart = lazy(() => import('../../components/charts/DailyCallsChart.tsx'));

function ChartSkeleton() {
  return <Skeleton width="100%" height={CHART_HEIGHT_PX} style={{ borderRadius: 6 }} />;
}

function Legend() {
  const t = useT();
  return (
    <ul className="legend" aria-hidden="true">
      <li>
        <span className="swatch" style={{ background: 'var(--chart-handled)' }} />
        {t('daily.handled')}
      </li>
      <li>
        <span className="swatch" style={{ background: 'var(--chart-abandoned)' }} />
        {t('daily.abandoned')}
      </li>
      <li>
        <span className="swatch swatch-line" style={{ background: 'var(--chart-orders)' }} />
        {t('daily.orders')}
      </li>
    </ul>
  );
}

export function DailyCard({ daily, fmt }: { daily: UseQueryResult<DailyResponse>; fmt: Formatters }) {
  const t = useT();
  const data = daily.data;
  const days = useMemo(() => (data ? fillDays(data.days, data.range.from, data.range.to) : []), [data]);
  const totals = data ? dailyTotals(data.days) : null;
  const empty = totals !== null && totals.calls === 0 && totals.orders === 0;

  let body: ReactNode;
  if (daily.isError && !data) {
    body = <ErrorState error={daily.error} onRetry={() => void daily.refetch()} />;
  } else if (!data || !totals) {
    body = (
      <LoadingRegion label={t('app.loading')}>
        <ChartSkeleton />
      </LoadingRegion>
    );
  } else if (empty) {
    body = <EmptyState title={t('daily.empty')} />;
  } else {
    const busiest = data.days.reduce((best, d) => (d.calls > best.calls ? d : best), data.days[0] ?? days[0]);
    const summary = t('daily.summary', {
      calls: fmt.integer(totals.calls),
      days: fmt.integer(data.days.filter((d) => d.calls > 0).length),
      busiest: busiest ? fmt.dayLong(busiest.date) : t('kpi.none'),
    });
    body = (
      <figure className={daily.isPlaceholderData ? 'chart is-stale' : 'chart'} aria-label={summary}>
        <Suspense fallback={<ChartSkeleton />}>
          <DailyCallsChart days={days} fmt={fmt} />
        </Suspense>
      </figure>
    );
  }

  return (
    <section className="card" aria-labelledby="daily-title">
      <header className="card-header">
        <h2 className="card-title" id="daily-title">
          {t('daily.title')}
        </h2>
        {data && !empty && <Legend />}
      </header>
      <div className="card-body">{body}</div>
    </section>
  );
}
