import { usePayPeriods, useScorecards } from '../api/payroll.ts';
import { Money } from '../components/Money.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeriodSelect } from '../components/PeriodSelect.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePeriodParam } from '../components/usePeriodParam.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { share } from './payroll/Explanation.tsx';
import { PayrollTable } from './payroll/PayrollTable.tsx';
import { PeriodActions } from './payroll/PeriodActions.tsx';

/** Payroll: a month's variable pay for every operator, its approval and its files. */
export default function PayrollPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('payroll.title'));
  const periods = usePayPeriods();
  const list = periods.data?.periods ?? [];
  const months = list.map((p) => p.period);
  const approved = new Set(list.filter((p) => p.status === 'approved').map((p) => p.period));
  const { period, setPeriod } = usePeriodParam(periods.data ? months : undefined);
  const cards = useScorecards(period);
  const summary = list.find((p) => p.period === period);

  const header = (
    <PageHeader
      title={t('payroll.title')}
      subtitle={period && t('payroll.subtitle', { period: fmt.period(period) })}
      subtitleSkeleton={periods.isPending ? 220 : undefined}
      filters={
        list.length > 0 && (
          <PeriodSelect
            label={t('payroll.period')}
            period={period}
            periods={months}
            onChange={setPeriod}
            fmt={fmt}
            optionLabel={(p) =>
              approved.has(p) ? `${fmt.period(p)} · ${t('payroll.status.approved')}` : fmt.period(p)
            }
          />
        )
      }
    />
  );

  if (periods.isError) {
    return (
      <div className="page">
        {header}
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
      </div>
    );
  }
  if (periods.data && list.length === 0) {
    return (
      <div className="page">
        {header}
        <EmptyState title={t('payroll.noPeriods.title')}>{t('payroll.noPeriods.body')}</EmptyState>
      </div>
    );
  }

  const rows = cards.data?.operators;
  // Totals of what is on screen: the whole roster for payroll, a team for a team's head.
  const sums = rows
    ? {
        operators: rows.length,
        variableBase: rows.reduce((x, r) => x + (r.scorecard.variableBase ?? 0), 0),
        payout: rows.reduce((x, r) => x + (r.scorecard.payout ?? 0), 0),
        adjustment: rows.reduce((x, r) => x + (r.scorecard.adjustment ?? 0), 0),
      }
    : null;
  const base = sums?.variableBase ?? 0;
  const meanCoefficient = rows?.length
    ? rows.reduce((s, r) => s + r.scorecard.coefficient, 0) / rows.length
    : null;

  return (
    <div className="page">
      {header}
      {summary ? (
        <PeriodActions
          key={summary.period}
          view={summary}
          rows={cards.isPlaceholderData ? undefined : rows}
          fmt={fmt}
        />
      ) : (
        <Skeleton height={56} />
      )}
      <section className="kpi-grid pay-grid" aria-label={t('kpi.label')}>
        <div className="kpi">
          <span className="kpi-label">{t('payroll.tile.operators')}</span>
          <span className="kpi-value">{sums ? fmt.integer(sums.operators) : '—'}</span>
          {meanCoefficient !== null && (
            <span className="kpi-hint">
              {t('payroll.tile.meanCoefficient', { value: fmt.decimal(meanCoefficient, 3) })}
            </span>
          )}
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('payroll.tile.base')}</span>
          <span className="kpi-value">
            {sums ? <Money parts={fmt.moneyParts(sums.variableBase)} /> : '—'}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('payroll.tile.payout')}</span>
          <span className="kpi-value">{sums ? <Money parts={fmt.moneyParts(sums.payout)} /> : '—'}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('payroll.tile.adjustment')}</span>
          <span className={sums?.adjustment ? 'kpi-value kpi-value-negative' : 'kpi-value'}>
            {sums ? <Money parts={fmt.moneyParts(-sums.adjustment)} /> : '—'}
          </span>
          {sums && base > 0 && (
            <span className="kpi-hint">
              {t('payroll.tile.adjustmentHint', { share: share(-sums.adjustment / base, fmt) })}
            </span>
          )}
        </div>
      </section>
      {cards.isError && !rows ? (
        <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />
      ) : rows ? (
        <div className={cards.isPlaceholderData ? 'is-stale' : undefined}>
          <PayrollTable rows={rows} fmt={fmt} />
        </div>
      ) : (
        <Skeleton height={320} />
      )}
    </div>
  );
}
