import { Link } from 'react-router';
import { usePeriods } from '../api/hooks.ts';
import { useNames } from '../api/names.ts';
import { useEvaluations, useQuality } from '../api/qa.ts';
import { useClock } from '../clock.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePeriodParam } from '../components/usePeriodParam.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { PeriodPageHeader, Score, StatusBadge } from './qa/shared.tsx';

/** My evaluations (operator): the evaluations of my calls, my quality score, what waits for my answer. */
export default function MyEvaluationsPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  useDocumentTitle(t('qa.mine.title'));
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods);
  const list = useEvaluations(period ? { period, limit: 200 } : null);
  const quality = useQuality(period);
  const mine = quality.data?.operators[0];
  const rows = list.data?.evaluations ?? [];
  const waiting = rows.filter(
    (e) => e.status === 'submitted' && e.disputeUntil !== null && Date.parse(e.disputeUntil) > Date.now(),
  ).length;
  const error = periodsQuery.error ?? list.error;

  return (
    <div className="page">
      <PeriodPageHeader
        title={t('qa.mine.title')}
        subtitle={(month) => t('qa.mine.subtitle', { period: month })}
        periods={periods}
        period={period}
        setPeriod={setPeriod}
      />
      <section className="kpi-grid kpi-grid-3" aria-label={t('kpi.label')}>
        <div className="kpi">
          <span className="kpi-label">{t('qa.mine.quality')}</span>
          <span className="kpi-value">{mine?.mean != null ? fmt.decimal(mine.mean, 2) : '—'}</span>
          <span className="kpi-hint">
            {mine && mine.n > 0
              ? mine.ci95
                ? t('qa.mine.qualityHint', {
                    n: mine.n,
                    low: fmt.decimal(mine.ci95.low, 1),
                    high: fmt.decimal(mine.ci95.high, 1),
                  })
                : t('qa.quality.n', { n: mine.n })
              : t('qa.quality.none')}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('qa.mine.criticals')}</span>
          <span className="kpi-value">{mine ? fmt.integer(mine.criticalFailures) : '—'}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('qa.mine.waiting')}</span>
          <span className="kpi-value">{list.data ? fmt.integer(waiting) : '—'}</span>
          <span className="kpi-hint">{t('qa.mine.waitingHint')}</span>
        </div>
      </section>
      <section className="card" aria-labelledby="mine-title">
        <header className="card-header">
          <div className="card-heading">
            <h2 className="card-title" id="mine-title">
              {t('qa.mine.list')}
            </h2>
            {list.data && (
              <span className="card-meta">
                {t('qa.count.evaluations', { count: list.data.total })} · {t('time.zone', { zone: dt.zone })}
              </span>
            )}
          </div>
        </header>
        {error ? (
          <ErrorState
            error={error}
            onRetry={() => {
              void periodsQuery.refetch();
              void list.refetch();
            }}
          />
        ) : periodsQuery.data && periods.length === 0 ? (
          <EmptyState title={t('qa.noPeriods.title')}>{t('qa.noPeriods.body')}</EmptyState>
        ) : !list.data ? (
          <LoadingRegion label={t('app.loading')}>
            <div className="card-body">
              <Skeleton height={240} />
            </div>
          </LoadingRegion>
        ) : rows.length === 0 ? (
          <EmptyState title={t('qa.mine.empty.title')}>{t('qa.mine.empty.body')}</EmptyState>
        ) : (
          <div className={list.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('qa.col.evaluation')}</th>
                  <th scope="col">{t('qa.col.call')}</th>
                  <th scope="col">{t('qa.col.form')}</th>
                  <th scope="col">{t('qa.col.evaluator')}</th>
                  <th scope="col">{t('qa.col.status')}</th>
                  <th scope="col" className="num">
                    {t('qa.col.score')}
                  </th>
                  <th scope="col">{t('qa.col.answerBy')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{e.id}</Link>
                    </td>
                    <td className="cell-muted">
                      {e.callId}
                      <span className="cell-sub">{dt.short(e.callStartedAt)}</span>
                    </td>
                    <td className="cell-muted">{e.formName ?? '—'}</td>
                    <td className="cell-muted">{names.user(e.evaluator)}</td>
                    <td>
                      <StatusBadge status={e.status} />
                    </td>
                    <td className="num">
                      <Score score={e.score} critical={e.criticalFailed} fmt={fmt} />
                    </td>
                    <td className="cell-muted">
                      {e.status === 'submitted' ? dt.dateTime(e.disputeUntil) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
