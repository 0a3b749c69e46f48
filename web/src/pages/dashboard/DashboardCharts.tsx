import type { UseQueryResult } from '@tanstack/react-query';
import { Suspense, useId, useMemo, useState } from 'react';
import { roundedParts } from '../../../../core/rounded-parts.ts';
import { DEDUCTION_KEYS } from '../../../../schemas/criteria.ts';
import type { Aggregate, DailyQualityPoint, SummaryResponse } from '../../../../schemas/dashboard.ts';
import { chartsChunk } from '../../components/charts/chunks.ts';
import type { BarDatum } from '../../components/charts/DashboardCharts.tsx';
import { QUALITY_THRESHOLD, QUALITY_WINDOW, withQualityTrend } from '../../components/charts/rolling.ts';
import { lazyFrom } from '../../components/chunk.ts';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { formatValue, type ValueFormat } from '../../metric-format.ts';
import { carrierOf, metricOf } from '../../metrics.ts';
import { ChartCard, ChartFallback } from './ChartCard.tsx';
import { datesOfRange } from './kpis.ts';
import type { RankingKey } from './ranking.ts';

// Recharts is the largest dependency: it loads beside the tiles and the ranking, not before them.
const DailyTrendChart = lazyFrom(chartsChunk, (m) => m.DailyTrendChart);
const ColumnChart = lazyFrom(chartsChunk, (m) => m.ColumnChart);
const BarListChart = lazyFrom(chartsChunk, (m) => m.BarListChart);

/** The ranking column a deduction opens: its criterion's, worst first. */
const drillOf = (deduction: string): RankingKey | undefined => {
  const m = carrierOf(deduction);
  return m && ((m.rankBy ?? m.key) as RankingKey);
};

const TEAM_METRICS = ['qualityScore', 'tasksVsNorm', 'orderErrorRate', 'coefficient', 'adjustment'] as const;
type TeamMetric = (typeof TEAM_METRICS)[number];
const TEAM_METRIC_LABEL: Record<TeamMetric, MessageKey> = {
  qualityScore: 'criterion.qualityScore',
  tasksVsNorm: 'tile.tasks',
  orderErrorRate: 'criterion.orderErrorRate',
  coefficient: 'ranking.col.coefficient',
  adjustment: 'tile.payImpact',
};

/** How a team's figure is written: the metric's unit, or the pay figure's own format. */
const teamFormat = (m: TeamMetric): ValueFormat =>
  m === 'coefficient' ? 'coefficient' : m === 'adjustment' ? 'money' : metricOf(m).unit;

function teamValue(a: Aggregate, m: TeamMetric): number | null {
  if (m === 'adjustment') return a.adjustment === null ? null : -a.adjustment;
  return a[m];
}

function fillDays(days: DailyQualityPoint[], from: string, to: string): DailyQualityPoint[] {
  const by = new Map(days.map((d) => [d.date, d]));
  return datesOfRange(from, to).map(
    (date) => by.get(date) ?? { date, calls: 0, handled: 0, abandoned: 0, quality: null, evaluations: 0 },
  );
}

export function DashboardCharts({
  summary,
  fmt,
  onDrill,
}: {
  summary: UseQueryResult<SummaryResponse>;
  fmt: Formatters;
  onDrill(key: RankingKey): void;
}) {
  const t = useT();
  const metricId = useId();
  const [metric, setMetric] = useState<TeamMetric>('qualityScore');
  const s = summary.data;
  const common = {
    error: summary.isError && !s ? summary.error : undefined,
    onRetry: () => void summary.refetch(),
    loading: !s,
    stale: summary.isPlaceholderData,
  };
  const days = useMemo(
    () => (s ? withQualityTrend(fillDays(s.daily, s.current.from, s.current.to)) : []),
    [s],
  );

  const bands: BarDatum[] = (s?.qualityBands ?? []).map((b) => ({
    key: String(b.from),
    label: t('chart.band', { from: b.from, to: b.to }),
    value: b.operators,
    display: fmt.integer(b.operators),
    tone: b.from < QUALITY_THRESHOLD ? 'danger' : 'accent',
  }));

  const format = teamFormat(metric);
  const tick = (v: number) => formatValue(v, format, fmt, 'axis');
  const teams: BarDatum[] = (s?.teams ?? [])
    .map((team) => ({ team, v: teamValue(team.aggregate, metric) }))
    .filter((x): x is { team: (typeof x)['team']; v: number } => x.v !== null)
    .map(({ team, v }) => ({
      key: team.teamId,
      label: team.name,
      value: v,
      display: formatValue(v, format, fmt, 'figure'),
    }));

  const targets: BarDatum[] = (s?.teams ?? []).flatMap((team) =>
    team.targets.map((target) => ({
      key: `${team.teamId}:${target.metric}`,
      label: t('chart.teamTarget', { team: team.name, metric: t(`target.${target.metric}` as MessageKey) }),
      value: target.achievement,
      display: t('chart.targetValue', {
        actual: fmt.integer(target.actual),
        target: fmt.integer(target.target),
        share: formatValue(target.achievement, 'ratio', fmt),
      }),
      tone: target.achievement >= 1 ? 'accent' : 'danger',
    })),
  );

  const deductions: BarDatum[] = s
    ? DEDUCTION_KEYS.map((k) => ({ k, d: s.aggregate.deductions[k] }))
        .filter((x) => x.d.amount > 0)
        .sort((a, b) => b.d.amount - a.d.amount)
        .map(({ k, d }) => ({
          key: k,
          label: t(`deduction.${k}`),
          value: d.amount,
          display: t('chart.deductionOperators', { operators: fmt.integer(d.operators) }),
          tone: 'danger' as const,
        }))
    : [];
  const maxDeduction = Math.max(1, ...deductions.map((d) => d.value));
  const notPay = s !== undefined && s.current.month === null;
  // The causes as shown add up to the tile's total: each is rounded to the total's step, and what
  // they lack (the coefficient's own rounding, the display's) is a line of its own.
  const deducted = s?.aggregate.adjustment == null ? null : -s.aggregate.adjustment;
  const shown =
    deducted === null
      ? null
      : roundedParts(
          deductions.map((d) => d.value),
          deducted,
          fmt.moneyCompactStep(deducted),
        );

  return (
    <>
      <ChartCard
        id="chart-daily"
        title={t('chart.daily.title')}
        {...common}
        height={280}
        empty={s && s.daily.length === 0 ? t('daily.empty') : null}
        summary={s ? t('chart.daily.summary', { days: fmt.integer(s.daily.length) }) : undefined}
        actions={
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
              {t('chart.qualityTrend', { days: QUALITY_WINDOW.days })}
            </li>
          </ul>
        }
      >
        <Suspense fallback={<ChartFallback height={280} />}>
          <DailyTrendChart days={days} fmt={fmt} />
        </Suspense>
        <p className="chart-note">
          {t('chart.daily.note', { days: QUALITY_WINDOW.days, min: QUALITY_WINDOW.minEvaluations })}
        </p>
      </ChartCard>
      <div className="chart-grid">
        <ChartCard
          id="chart-deductions"
          title={t('chart.deductions.title')}
          {...common}
          empty={
            notPay
              ? t(s.monthToDate ? 'chart.deductions.afterMonth' : 'tile.payImpact.none')
              : s && deductions.length === 0
                ? t('chart.deductions.none')
                : null
          }
          summary={t('chart.deductions.summary')}
        >
          <ul className="bar-list">
            {deductions.map((d, i) => (
              <li key={d.key} data-part={shown?.parts[i] ?? d.value}>
                <button
                  type="button"
                  className="bar-row"
                  onClick={() => {
                    const key = drillOf(d.key);
                    if (key) onDrill(key);
                  }}
                  title={t('chart.deductions.open', { cause: d.label })}
                >
                  <span>{d.label}</span>
                  <span className="bar-track" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${(100 * d.value) / maxDeduction}%` }} />
                  </span>
                  <span className="bar-amount">
                    {fmt.moneyCompact(shown?.parts[i] ?? d.value)}
                    <span className="bar-sub">{d.display}</span>
                  </span>
                </button>
              </li>
            ))}
            {shown && shown.rounding !== 0 && (
              <li className="bar-row bar-row-static" data-part={shown.rounding}>
                <span>{t('money.rounding')}</span>
                <span />
                <span className="bar-amount">
                  {shown.rounding > 0 ? '+' : ''}
                  {fmt.moneyCompact(shown.rounding)}
                </span>
              </li>
            )}
            {shown && deductions.length > 0 && (
              <li className="bar-row bar-row-static bar-row-total" data-total={shown.total}>
                <span>{t('money.totalDeducted')}</span>
                <span />
                <span className="bar-amount">{fmt.moneyCompact(shown.total)}</span>
              </li>
            )}
          </ul>
          <p className="chart-note">{t('chart.deductions.hint')}</p>
        </ChartCard>
        <ChartCard
          id="chart-quality"
          title={t('chart.quality.title')}
          {...common}
          empty={s && s.notEvaluated === s.aggregate.operators ? t('chart.quality.none') : null}
          summary={t('chart.quality.summary')}
          actions={
            s && s.notEvaluated > 0 ? (
              <span className="card-meta">
                {t('chart.quality.notEvaluated', { count: fmt.integer(s.notEvaluated) })}
              </span>
            ) : undefined
          }
        >
          <Suspense fallback={<ChartFallback />}>
            <ColumnChart data={bands} valueLabel={t('chart.operators')} />
          </Suspense>
          <ul className="legend legend-below">
            <li>
              <span className="swatch" style={{ background: 'var(--chart-abandoned)' }} />
              {t('chart.quality.below', { threshold: QUALITY_THRESHOLD })}
            </li>
            <li>
              <span className="swatch" style={{ background: 'var(--chart-handled)' }} />
              {t('chart.quality.atLeast', { threshold: QUALITY_THRESHOLD })}
            </li>
          </ul>
        </ChartCard>
        <ChartCard
          id="chart-teams"
          title={t('chart.teams.title')}
          {...common}
          empty={s && teams.length === 0 ? t('chart.teams.none') : null}
          actions={
            <div className="field field-inline">
              <label className="visually-hidden" htmlFor={metricId}>
                {t('chart.teams.metric')}
              </label>
              <select
                id={metricId}
                className="select select-small"
                value={metric}
                onChange={(e) => setMetric(e.target.value as TeamMetric)}
              >
                {TEAM_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(TEAM_METRIC_LABEL[m])}
                  </option>
                ))}
              </select>
            </div>
          }
        >
          <Suspense fallback={<ChartFallback />}>
            <BarListChart data={teams} valueLabel={t(TEAM_METRIC_LABEL[metric])} format={tick} />
          </Suspense>
        </ChartCard>
        <ChartCard
          id="chart-targets"
          title={t('chart.targets.title')}
          {...common}
          empty={s && targets.length === 0 ? t('flag.no-target') : null}
          summary={t('chart.targets.summary')}
        >
          <Suspense fallback={<ChartFallback />}>
            <BarListChart
              data={targets}
              valueLabel={t('chart.targets.value')}
              format={(v) => formatValue(v, 'ratio', fmt, 'axis')}
              reference={1}
            />
          </Suspense>
        </ChartCard>
      </div>
    </>
  );
}
