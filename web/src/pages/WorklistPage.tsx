import { Link } from 'react-router';
import { usePeriods } from '../api/hooks.ts';
import { useNames } from '../api/names.ts';
import { useWorklist } from '../api/qa.ts';
import { useClock } from '../clock.ts';
import { Card } from '../components/Card.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePeriodParam } from '../components/usePeriodParam.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { PeriodPageHeader, Progress, StatusBadge } from './qa/shared.tsx';

/** My worklist (QA monitor): the calls a lead gave me for the period, with my progress. */
export default function WorklistPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  useDocumentTitle(t('qa.worklist.title'));
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods);
  const list = useWorklist(period);
  const data = list.data;
  const error = periodsQuery.error ?? list.error;

  return (
    <div className="page">
      <PeriodPageHeader
        title={t('qa.worklist.title')}
        subtitle={(month) => t('qa.worklist.subtitle', { period: month })}
        periods={periods}
        period={period}
        setPeriod={setPeriod}
      />
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
      ) : !data ? (
        <LoadingRegion label={t('app.loading')}>
          <Skeleton height={80} />
          <Skeleton height={320} style={{ marginTop: 20 }} />
        </LoadingRegion>
      ) : (
        <>
          <section className="kpi-grid kpi-grid-3" aria-label={t('kpi.label')}>
            <div className="kpi">
              <span className="kpi-label">{t('qa.worklist.assigned')}</span>
              <span className="kpi-value">{fmt.integer(data.total)}</span>
            </div>
            <div className="kpi">
              <span className="kpi-label">{t('qa.worklist.submitted')}</span>
              <span className="kpi-value">{fmt.integer(data.done)}</span>
              <Progress done={data.done} total={data.total} label={t('qa.worklist.progress')} />
            </div>
            <div className="kpi">
              <span className="kpi-label">{t('qa.worklist.drafts')}</span>
              <span className="kpi-value">{fmt.integer(data.drafts)}</span>
              <span className="kpi-hint">{t('qa.worklist.left', { count: data.total - data.done })}</span>
            </div>
          </section>
          <Card
            id="worklist-title"
            title={t('qa.worklist.calls')}
            meta={
              <span className="card-meta">
                {t('qa.worklist.done', { done: data.done, total: data.total })}
              </span>
            }
            actions={
              <Link className="button button-secondary button-small" to={`/calls?period=${period}`}>
                {t('qa.worklist.toQueue')}
              </Link>
            }
          >
            {data.assignments.length === 0 ? (
              <EmptyState title={t('qa.worklist.empty.title')}>{t('qa.worklist.empty.body')}</EmptyState>
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <ColumnHeads
                    columns={[
                      t('qa.col.call'),
                      dt.withZone(t('qa.col.started')),
                      t('qa.col.operator'),
                      t('qa.col.assigned'),
                      t('qa.col.status'),
                      { label: t('qa.col.action'), num: true },
                    ]}
                  />
                  <tbody>
                    {data.assignments.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <Link className="call-link" to={`/calls/${encodeURIComponent(a.callId)}`}>
                            {a.callId}
                          </Link>
                        </td>
                        <td className="cell-muted">{dt.short(a.callStartedAt)}</td>
                        <td className="cell-muted">{names.operator(a.operatorId)}</td>
                        <td className="cell-muted">
                          {a.rule
                            ? t('sampling.byRule', { rule: a.rule.name, date: dt.date(a.assignedAt) })
                            : t('qa.worklist.assignedBy', {
                                user: names.user(a.assignedBy),
                                date: dt.date(a.assignedAt),
                              })}
                        </td>
                        <td>
                          {a.evaluationStatus ? (
                            <StatusBadge status={a.evaluationStatus as 'draft'} />
                          ) : (
                            <span className="badge badge-neutral">{t('qa.worklist.todo')}</span>
                          )}
                        </td>
                        <td className="num">
                          <Link
                            className="button button-secondary button-small"
                            to={
                              a.evaluationId
                                ? `/evaluations/${encodeURIComponent(a.evaluationId)}`
                                : `/calls/${encodeURIComponent(a.callId)}`
                            }
                          >
                            {a.done
                              ? t('qa.worklist.open')
                              : a.evaluationId
                                ? t('qa.worklist.continue')
                                : t('qa.worklist.evaluate')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
