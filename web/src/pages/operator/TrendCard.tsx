import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { OperatorTrendResponse } from '../../../../schemas/dashboard.ts';
import type { ScorecardRow } from '../../../../schemas/scorecard.ts';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';

const TrendChart = lazy(() =>
  import('../../components/charts/DashboardCharts.tsx').then((m) => ({ default: m.TrendChart })),
);

interface Series {
  id: string;
  label: MessageKey;
  value(r: ScorecardRow): number | null;
  format(f: Formatters): (v: number) => string;
  reference?(r: ScorecardRow): number | null;
}

const SERIES: readonly Series[] = [
  {
    id: 'quality',
    label: 'criterion.qualityScore',
    value: (r) => r.scorecard.qualityScore,
    format: (f) => (v) => f.decimal(v, 0),
    reference: (r) => r.explanation.find((l) => l.key === 'quality')?.inputs.threshold ?? null,
  },
  {
    id: 'tasks',
    label: 'tile.tasks',
    value: (r) => (r.scorecard.tasksNorm ? r.scorecard.tasksCompleted / r.scorecard.tasksNorm : null),
    format: (f) => (v) => f.percent(v, 0),
    reference: () => 1,
  },
  {
    id: 'errors',
    label: 'criterion.orderErrorRate',
    value: (r) => r.scorecard.orderErrorRate,
    format: (f) => (v) => f.percent(v, 0),
    reference: (r) => r.explanation.find((l) => l.key === 'orderErrors')?.inputs.threshold ?? null,
  },
  {
    id: 'coefficient',
    label: 'ranking.col.coefficient',
    value: (r) => r.scorecard.coefficient,
    format: (f) => (v) => f.decimal(v, 2),
    reference: () => 1,
  },
];

const monthShort = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Small charts of the operator's main figures over the last six periods. */
export function TrendCard({ trend, fmt }: { trend: UseQueryResult<OperatorTrendResponse>; fmt: Formatters }) {
  const t = useT();
  const data = trend.data?.trend;
  const last = data?.[data.length - 1]?.row ?? null;
  return (
    <section className="card" aria-labelledby="trend-title">
      <header className="card-header">
        <h2 className="card-title" id="trend-title">
          {t('opPage.trend', { periods: data?.length ?? 6 })}
        </h2>
      </header>
      <div className="card-body">
        {trend.isError && !data ? (
          <ErrorState error={trend.error} onRetry={() => void trend.refetch()} compact />
        ) : !data ? (
          <LoadingRegion label={t('app.loading')}>
            <div className="trend-grid">
              {SERIES.map((s) => (
                <Skeleton key={s.id} height={160} />
              ))}
            </div>
          </LoadingRegion>
        ) : (
          <div className="trend-grid">
            {SERIES.map((s) => {
              const points = data.map((p) => ({
                label: p.period.month ? monthShort(p.period.month, fmt.locale) : fmt.dayShort(p.period.from),
                value:
                  p.row && (p.row.scorecard.handledCalls > 0 || p.row.scorecard.ordersAccepted > 0)
                    ? s.value(p.row)
                    : null,
              }));
              return (
                <figure key={s.id} className="trend" aria-label={t('opPage.trendOf', { label: t(s.label) })}>
                  <figcaption className="trend-title">{t(s.label)}</figcaption>
                  <Suspense fallback={<Skeleton height={140} />}>
                    <TrendChart
                      data={points}
                      format={s.format(fmt)}
                      reference={last && s.reference ? s.reference(last) : null}
                    />
                  </Suspense>
                </figure>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
