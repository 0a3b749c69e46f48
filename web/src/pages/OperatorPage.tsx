import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useOperatorScorecard, useOperatorTrend } from '../api/dashboard.ts';
import { usePeriods } from '../api/hooks.ts';
import { useCan } from '../auth/access.tsx';
import { useSession } from '../auth/session.tsx';
import { Money } from '../components/Money.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PeriodSelect } from '../components/PeriodSelect.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useBackLink } from '../components/useBackLink.ts';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePeriodParam } from '../components/usePeriodParam.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { formatValue } from '../metric-format.ts';
import { OpenCoachingLink } from './coaching/OpenCoachingLink.tsx';
import { OperatorCoachingCard } from './coaching/OperatorCoachingCard.tsx';
import { ActivityTabs } from './operator/ActivityTabs.tsx';
import { AgentTimeCard } from './operator/AgentTimeCard.tsx';
import { HowEvaluated } from './operator/HowEvaluated.tsx';
import { OperatorChecksCard } from './operator/OperatorChecksCard.tsx';
import { ScorecardCard } from './operator/ScorecardCard.tsx';
import { TrendCard } from './operator/TrendCard.tsx';
import { Explanation } from './payroll/Explanation.tsx';

/**
 * One operator's month: the scorecard with targets and deductions, six months of trend, the pay
 * explanation, and the calls, orders, evaluations, claims and assessments behind the figures.
 * An operator sees only his own (the server refuses any other); he also gets how he is evaluated.
 */
export default function OperatorPage() {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const params = useParams();
  const operatorId = params.id ?? '';
  const own = user.role === 'operator';
  const canChecks = useCan('autoqa.read');
  const periods = usePeriods();
  const months = periods.data?.periods ?? [];
  // A month the address names is asked for at once, beside the list of months, not after it.
  const { period, setPeriod } = usePeriodParam(periods.data?.periods, { trust: 'until-listed' });
  const card = useOperatorScorecard(operatorId, period);
  const trend = useOperatorTrend(operatorId, period);
  const row = card.data?.operator;
  useDocumentTitle(row?.name ?? (own ? t('opPage.ownTitle') : t('opPage.title')));

  // A new operator's page opens at its top, wherever the ranking was scrolled to.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the operator changes
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [operatorId]);

  const back = useBackLink(period ? `/dashboard?period=${period}` : '/dashboard');
  const s = row?.scorecard;
  const header = (
    <PageHeader
      back={own ? undefined : back}
      title={row ? row.name : own ? t('opPage.ownTitle') : operatorId}
      subtitle={
        row &&
        period &&
        t('opPage.subtitle', { team: row.teamName, id: row.scorecard.operatorId, period: fmt.period(period) })
      }
      subtitleSkeleton={card.isError ? undefined : 260}
      actions={
        !own && (
          <OpenCoachingLink prefill={{ operator: operatorId, source: 'ranking', ref: period ?? null }} />
        )
      }
      filters={
        months.length > 0 && (
          <PeriodSelect
            label={t('dashboard.period')}
            period={period}
            periods={months}
            onChange={setPeriod}
            fmt={fmt}
          />
        )
      }
    />
  );

  if (periods.isError || (card.isError && !row)) {
    return (
      <div className="page">
        {header}
        <div className="card">
          <ErrorState
            error={periods.error ?? card.error}
            onRetry={() => void (periods.isError ? periods.refetch() : card.refetch())}
          />
        </div>
      </div>
    );
  }
  if (periods.data && months.length === 0) {
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
      {s ? (
        <section
          aria-label={t('kpi.label')}
          className={card.isPlaceholderData ? 'kpi-grid op-grid is-stale' : 'kpi-grid op-grid'}
        >
          <div className="kpi">
            <span className="kpi-label">{t('ranking.col.coefficient')}</span>
            <span className="kpi-value">{fmt.decimal(s.coefficient, 4)}</span>
            <span className="kpi-hint">{t('opPage.coefficientHint')}</span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('payroll.tile.payout')}</span>
            <span className="kpi-value">
              {s.payout === null ? t('kpi.none') : <Money parts={fmt.moneyParts(s.payout)} />}
            </span>
            <span className="kpi-hint">
              {s.variableBase === null
                ? t('flag.no-variable-base')
                : t('opPage.baseHint', { base: fmt.money(s.variableBase) })}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('payroll.tile.adjustment')}</span>
            <span className={s.adjustment ? 'kpi-value kpi-value-negative' : 'kpi-value'}>
              {s.adjustment === null ? t('kpi.none') : <Money parts={fmt.moneyParts(-s.adjustment)} />}
            </span>
            <span className="kpi-hint">{t('opPage.adjustmentHint')}</span>
          </div>
          <div className="kpi">
            <span className="kpi-label">{t('criterion.qualityScore')}</span>
            <span className={s.qualityScore === null ? 'kpi-value kpi-value-muted' : 'kpi-value'}>
              {s.qualityScore === null ? t('flag.not-evaluated') : formatValue(s.qualityScore, 'score', fmt)}
            </span>
            <span className="kpi-hint">
              {t('opPage.evaluations', { count: fmt.integer(row.evaluations) })}
            </span>
          </div>
        </section>
      ) : (
        <LoadingRegion label={t('app.loading')}>
          <Skeleton height={96} />
        </LoadingRegion>
      )}
      <div className="op-layout">
        {row ? <ScorecardCard row={row} fmt={fmt} /> : <Skeleton height={420} />}
        <TrendCard trend={trend} fmt={fmt} />
      </div>
      <section className="card" aria-labelledby="explain-title">
        <header className="card-header">
          <h2 className="card-title" id="explain-title">
            {t('opPage.pay')}
          </h2>
        </header>
        <div className="card-body">
          {row ? <Explanation row={row} fmt={fmt} /> : <Skeleton height={200} />}
        </div>
      </section>
      <OperatorCoachingCard operatorId={operatorId} fmt={fmt} />
      {period && canChecks && <OperatorChecksCard operatorId={operatorId} period={period} fmt={fmt} />}
      {period && <AgentTimeCard operatorId={operatorId} period={period} fmt={fmt} />}
      {period && <ActivityTabs operatorId={operatorId} period={period} fmt={fmt} />}
      {own && period && <HowEvaluated period={period} department={row?.department ?? null} fmt={fmt} />}
    </div>
  );
}
