import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { usePeriods } from '../../api/hooks.ts';
import { useQuality } from '../../api/qa.ts';
import { useCan } from '../../auth/access.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { usePeriodParam } from '../../components/usePeriodParam.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { PeriodPageHeader } from '../qa/shared.tsx';
import { QUEUE_VIEWS, queueView, withParam } from './queue-params.ts';
import { SampleView } from './SampleView.tsx';
import { SearchView } from './SearchView.tsx';

/** Call queue (QA): the period's proposed sample per operator, search over every call, assignment. */
export default function CallQueuePage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('qa.queue.title'));
  const [params, setParams] = useSearchParams();
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  // A month the address names is asked for at once, beside the list of months, not after it.
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods, { trust: 'until-listed' });
  // A head reads the search (a check's failures drill to it); drawing samples is the monitors'.
  const maySample = useCan('calls.sample');
  const view = queueView(params, maySample);
  const lead = useCan('assignments.manage');
  const quality = useQuality(period);
  const byOperator = useMemo(
    () => new Map((quality.data?.operators ?? []).map((q) => [q.operatorId, q])),
    [quality.data],
  );

  return (
    <div className="page">
      <PeriodPageHeader
        title={t('qa.queue.title')}
        subtitle={(month) => t('qa.queue.subtitle', { period: month })}
        periods={periods}
        period={period}
        setPeriod={setPeriod}
      />
      <div className="tabs" role="tablist" aria-label={t('qa.queue.views')}>
        {QUEUE_VIEWS.filter((v) => maySample || v === 'search').map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'tab is-active' : 'tab'}
            onClick={() => setParams((p) => withParam(p, 'view', v))}
          >
            {t(`qa.queue.view.${v}`)}
          </button>
        ))}
      </div>
      {periodsQuery.isError ? (
        <ErrorState error={periodsQuery.error} onRetry={() => void periodsQuery.refetch()} />
      ) : periodsQuery.data && periods.length === 0 ? (
        <EmptyState title={t('qa.noPeriods.title')}>{t('qa.noPeriods.body')}</EmptyState>
      ) : !period ? (
        <Skeleton height={360} />
      ) : view === 'sample' ? (
        <SampleView period={period} lead={lead} byOperator={byOperator} fmt={fmt} />
      ) : (
        <SearchView period={period} lead={lead} byOperator={byOperator} fmt={fmt} />
      )}
    </div>
  );
}
