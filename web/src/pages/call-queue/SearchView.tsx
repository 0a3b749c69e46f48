import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCheckLabels } from '../../api/autoqa.ts';
import { useCalls } from '../../api/qa.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { CallsTable } from './CallsTable.tsx';
import { Pager } from './Pager.tsx';
import { searchState, withoutFilters, withParam, withSort } from './queue-params.ts';
import type { QueueViewProps } from './SampleView.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { SelectionBar } from './SelectionBar.tsx';

/** Every call of the period (or of the dates given), filtered, sorted and paged; a lead gives them out. */
export function SearchView({ period, lead, byOperator, fmt }: QueueViewProps) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);
  const search = searchState(params, period);
  const calls = useCalls(search.query);
  const checks = useCheckLabels(period);
  const total = calls.data?.total ?? 0;
  const rows = calls.data?.calls ?? [];

  return (
    <section className="card" aria-labelledby="search-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="search-title">
            {t('qa.search.title')}
          </h2>
          <span className="card-meta" aria-live="polite">
            {t('qa.search.count', { count: fmt.integer(total) })}
          </span>
        </div>
        {search.hasFilters && (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => setParams(withoutFilters)}
          >
            {t('qa.search.clear')}
          </button>
        )}
      </header>
      <SearchFilters filters={search.filters} byOperator={byOperator} checks={checks.checks} />
      {search.openRange ? <p className="card-note">{t('qa.search.rangeHint')}</p> : null}
      {lead && <SelectionBar period={period} selected={selected} onAssigned={() => setSelected([])} />}
      {calls.isError && !calls.data ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : !calls.data ? (
        <div className="card-body">
          <Skeleton height={320} />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title={t('qa.search.empty.title')}>{t('qa.search.empty.body')}</EmptyState>
      ) : (
        <>
          <FormFeedback error={calls.error} />
          <CallsTable
            rows={rows}
            stale={calls.isPlaceholderData}
            sort={search.sort}
            order={search.order}
            onSort={(key) => setParams((p) => withSort(p, key))}
            lead={lead}
            selected={selected}
            onSelect={setSelected}
            fmt={fmt}
            checkLabel={checks.label}
          />
          <Pager
            page={search.page}
            total={total}
            onPage={(n) => setParams((p) => withParam(p, 'page', String(n)))}
            fmt={fmt}
          />
        </>
      )}
    </section>
  );
}
