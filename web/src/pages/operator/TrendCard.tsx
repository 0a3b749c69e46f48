import type { UseQueryResult } from '@tanstack/react-query';
import { Suspense } from 'react';
import { metricValue } from '../../../../core/metric-values.ts';
import type { MetricDef } from '../../../../schemas/criteria.ts';
import type { OperatorTrendResponse } from '../../../../schemas/dashboard.ts';
import type { ScorecardRow } from '../../../../schemas/scorecard.ts';
import { chartsChunk } from '../../components/charts/chunks.ts';
import { monthLabels } from '../../components/charts/months.ts';
import { lazyFrom } from '../../components/chunk.ts';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { formatValue, type ValueFormat } from '../../metric-format.ts';
import { METRIC_LIST, message } from '../../metrics.ts';

const TrendChart = lazyFrom(chartsChunk, (m) => m.TrendChart);

interface Series {
  id: string;
  label: MessageKey;
  value(r: ScorecardRow): number | null;
  format: ValueFormat;
  reference?(r: ScorecardRow): number | null;
}

const seriesOf = (m: MetricDef): Series => ({
  id: m.key,
  label: message(m.label),
  value: (r) => metricValue(m, r),
  format: m.unit,
  reference:
    m.trend?.reference === 'threshold'
      ? (r) => r.explanation.find((l) => l.key === m.deduction)?.inputs.threshold ?? null
      : () => 1,
});

/** The metrics with a trend, in their order, then the coefficient they make. */
const SERIES: readonly Series[] = [
  ...METRIC_LIST.filter((m) => m.trend)
    .sort((a, b) => (a.trend?.position ?? 0) - (b.trend?.position ?? 0))
    .map(seriesOf),
  {
    id: 'coefficient',
    label: 'ranking.col.coefficient',
    value: (r) => r.scorecard.coefficient,
    format: 'coefficient',
    reference: () => 1,
  },
];

/** Small charts of the operator's main figures over the last six periods. */
export function TrendCard({ trend, fmt }: { trend: UseQueryResult<OperatorTrendResponse>; fmt: Formatters }) {
  const t = useT();
  const data = trend.data?.trend;
  const last = data?.[data.length - 1]?.row ?? null;
  const months = data?.map((p) => p.period.month) ?? [];
  // Months by their short names, as every chart names them; other ranges by their first day.
  const labels = months.every((m): m is string => m !== null)
    ? monthLabels(months, fmt.locale)
    : (data ?? []).map((p) => fmt.dayShort(p.period.from));
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
              const points = data.map((p, i) => ({
                label: labels[i] ?? '',
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
                      format={(v) => formatValue(v, s.format, fmt)}
                      tick={(v) => formatValue(v, s.format, fmt, 'axis')}
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
