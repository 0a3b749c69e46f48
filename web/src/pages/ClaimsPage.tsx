import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClaims, useRoster } from '../api/claims.ts';
import { useCan } from '../auth/access.tsx';
import { useClock } from '../clock.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { AssessmentsPanel } from './claims/AssessmentsPanel.tsx';
import { ClaimForm } from './claims/ClaimForm.tsx';
import { ClaimsTable } from './claims/ClaimsTable.tsx';

/** Claims from clients and other divisions, and management assessments (department head). */
export default function ClaimsPage() {
  const t = useT();
  const fmt = useFormat();
  const clock = useClock();
  useDocumentTitle(t('claims.title'));
  const ids = { status: useId(), source: useId() };
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'assessments' ? 'assessments' : 'claims';
  const status = params.get('status');
  const source = params.get('source');
  const claims = useClaims({ status, source });
  const roster = useRoster();
  const [registering, setRegistering] = useState(false);
  const canRegister = useCan('claims.create');
  const canDecide = useCan('claims.decide');
  const canRecord = useCan('assessments.create');
  const set = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const list = claims.data?.claims;
  const operators = roster.data?.operators ?? [];

  return (
    <div className="page">
      <PageHeader title={t('claims.title')} subtitle={t('claims.subtitle')} />
      <div className="tabs" role="tablist">
        {(['claims', 'assessments'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'tab is-active' : 'tab'}
            onClick={() => set('tab', k === 'claims' ? null : k)}
          >
            {t(`claims.tab.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'assessments' ? (
        <AssessmentsPanel roster={operators} fmt={fmt} canRecord={canRecord} />
      ) : (
        <>
          <div className="toolbar">
            <div className="field field-inline">
              <label className="field-label" htmlFor={ids.status}>
                {t('claims.filter.status')}
              </label>
              <select
                id={ids.status}
                className="select"
                value={status ?? ''}
                onChange={(e) => set('status', e.target.value || null)}
              >
                <option value="">{t('claims.filter.all')}</option>
                {(['open', 'justified', 'rejected'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`claims.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-inline">
              <label className="field-label" htmlFor={ids.source}>
                {t('claims.filter.source')}
              </label>
              <select
                id={ids.source}
                className="select"
                value={source ?? ''}
                onChange={(e) => set('source', e.target.value || null)}
              >
                <option value="">{t('claims.filter.all')}</option>
                <option value="client">{t('claims.source.client')}</option>
                <option value="internal">{t('claims.source.internal')}</option>
              </select>
            </div>
            {canRegister && !registering && (
              <button
                type="button"
                className="button button-primary button-small toolbar-end"
                onClick={() => setRegistering(true)}
              >
                {t('claims.register')}
              </button>
            )}
          </div>
          {registering && <ClaimForm roster={operators} onDone={() => setRegistering(false)} />}
          <section className="card" aria-label={t('claims.tab.claims')}>
            {list && (
              <header className="card-header">
                <span className="card-meta">
                  {t('claims.count', {
                    count: fmt.integer(list.length),
                    open: fmt.integer(list.filter((c) => c.status === 'open').length),
                  })}
                  {` · ${t('time.zone', { zone: clock.zone })}`}
                </span>
              </header>
            )}
            {claims.isError ? (
              <ErrorState error={claims.error} onRetry={() => void claims.refetch()} />
            ) : !list ? (
              <Skeleton height={280} />
            ) : list.length === 0 ? (
              <EmptyState title={t('claims.empty')} />
            ) : (
              <ClaimsTable claims={list} fmt={fmt} canDecide={canDecide} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
