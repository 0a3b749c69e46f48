import { usePlans, useSavePlan } from '../api/claims.ts';
import { usePeriods } from '../api/hooks.ts';
import { useCan } from '../auth/access.tsx';
import { Card } from '../components/Card.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeriodSelect } from '../components/PeriodSelect.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePeriodParam } from '../components/usePeriodParam.ts';
import { currencyDigits, useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { formatValue } from '../metric-format.ts';
import { EditableNumber } from './plans/EditableNumber.tsx';

/** Targets, task norms and variable-pay bases of a month, edited beside what has been achieved. */
export default function PlansPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('plans.title'));
  const periods = usePeriods();
  const list = periods.data?.periods ?? [];
  // A plan may be written for a month that has no calls yet.
  const { period, setPeriod } = usePeriodParam(periods.data?.periods, { trust: 'any' });
  const plans = usePlans(period);
  const save = useSavePlan();
  const mayEditPlans = useCan('plans.edit');
  const mayEditBases = useCan('plans.bases');
  const data = plans.data;
  const locked = data?.locked ?? false;
  // Heads set targets and norms; payroll keeps the variable-pay bases too; a locked month is read only.
  const lockedPlans = locked || !mayEditPlans;
  const lockedBases = locked || !mayEditBases;
  const scale = 10 ** currencyDigits(data?.currency ?? 'EUR');

  return (
    <div className="page">
      <PageHeader
        title={t('plans.title')}
        subtitle={period && t('plans.subtitle', { period: fmt.period(period) })}
        filters={
          list.length > 0 && (
            <PeriodSelect
              label={t('payroll.period')}
              period={period}
              periods={list}
              onChange={setPeriod}
              fmt={fmt}
            />
          )
        }
      />
      {locked && period && (
        <p className="notice" role="status">
          {t('plans.locked', { period: fmt.period(period) })}
        </p>
      )}
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : !data || !period ? (
        <Skeleton height={360} />
      ) : (
        <>
          <Card id="plans-targets" title={t('plans.targets')}>
            {data.targets.length === 0 ? (
              <EmptyState title={t('plans.empty')} />
            ) : (
              <div className="table-scroll">
                <table className="data-table">
                  <ColumnHeads
                    columns={[
                      t('plans.col.team'),
                      t('plans.col.metric'),
                      { label: t('plans.col.target'), num: true },
                      { label: t('plans.col.actual'), num: true },
                      t('plans.col.achievement'),
                    ]}
                  />
                  <tbody>
                    {data.targets.map((x) => (
                      <tr key={`${x.teamId}:${x.metric}`}>
                        <th scope="row" className="cell-name">
                          {x.teamName}
                        </th>
                        <td>{t(`plans.metric.${x.metric as 'orders' | 'tasks' | 'order_revenue'}`)}</td>
                        <td className="num">
                          <EditableNumber
                            value={x.target}
                            label={`${x.teamName} ${t(`plans.metric.${x.metric as 'orders' | 'tasks' | 'order_revenue'}`)}`}
                            disabled={lockedPlans}
                            onSave={(target) =>
                              save.mutateAsync({
                                kind: 'targets',
                                body: { teamId: x.teamId, period, metric: x.metric, target },
                              })
                            }
                          />
                        </td>
                        <td className="num">
                          {x.actual === null
                            ? '—'
                            : fmt.decimal(x.actual, x.metric === 'order_revenue' ? 2 : 0)}
                        </td>
                        <td>
                          {x.achievement === null ? (
                            '—'
                          ) : (
                            <span className="meter" title={formatValue(x.achievement, 'ratio', fmt)}>
                              <span className="meter-bar">
                                <span
                                  className={x.achievement >= 1 ? 'meter-fill is-met' : 'meter-fill'}
                                  style={{ width: `${Math.min(100, x.achievement * 100)}%` }}
                                />
                              </span>
                              {formatValue(x.achievement, 'ratio', fmt)}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>

          <Card id="plans-norms" title={t('plans.norms')}>
            <div className="table-scroll">
              <table className="data-table">
                <ColumnHeads columns={[t('plans.col.team'), { label: t('plans.col.norm'), num: true }]} />
                <tbody>
                  {data.teamNorms.map((n) => (
                    <tr key={n.teamId}>
                      <th scope="row" className="cell-name">
                        {n.teamName}
                      </th>
                      <td className="num">
                        <EditableNumber
                          value={n.tasksNorm}
                          label={`${n.teamName} ${t('plans.col.norm')}`}
                          disabled={lockedPlans}
                          onSave={(tasksNorm) =>
                            save.mutateAsync({
                              kind: 'norms',
                              body: { scope: 'team', subjectId: n.teamId, period, tasksNorm },
                            })
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>

          <Card id="plans-operators" title={t('plans.operators')}>
            <div className="table-scroll">
              <table className="data-table">
                <ColumnHeads
                  columns={[
                    t('plans.col.operator'),
                    { label: t('plans.col.completed'), num: true },
                    { label: t('plans.col.ownNorm'), num: true },
                    { label: `${t('plans.col.base')} (${data.currency})`, num: true },
                  ]}
                />
                <tbody>
                  {data.operators.map((o) => (
                    <tr key={o.operatorId}>
                      <th scope="row" className="cell-name">
                        {o.name}
                        <span className="cell-sub">{o.operatorId}</span>
                      </th>
                      <td className="num">{fmt.integer(o.tasksCompleted)}</td>
                      <td className="num">
                        <EditableNumber
                          value={o.tasksNorm}
                          label={`${o.name} ${t('plans.col.ownNorm')}`}
                          placeholder={t('plans.teamNormHint')}
                          disabled={lockedPlans}
                          onSave={(tasksNorm) =>
                            save.mutateAsync({
                              kind: 'norms',
                              body: { scope: 'operator', subjectId: o.operatorId, period, tasksNorm },
                            })
                          }
                        />
                      </td>
                      <td className="num">
                        <EditableNumber
                          value={o.variableBase === null ? null : o.variableBase / scale}
                          label={`${o.name} ${t('plans.col.base')}`}
                          disabled={lockedBases}
                          onSave={(major) =>
                            save.mutateAsync({
                              kind: 'bases',
                              body: {
                                operatorId: o.operatorId,
                                period,
                                variableBase: major === null ? null : Math.round(major * scale),
                              },
                            })
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
