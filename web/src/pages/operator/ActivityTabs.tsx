import type { UseQueryResult } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  useOperatorAssessments,
  useOperatorCalls,
  useOperatorClaims,
  useOperatorEvaluations,
  useOperatorOrders,
} from '../../api/dashboard.ts';
import { useSession } from '../../auth/session.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { codeLabel, dateTime } from './labels.ts';

const TABS = ['calls', 'orders', 'evaluations', 'claims', 'assessments'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  calls: 'opPage.tab.calls',
  orders: 'opPage.tab.orders',
  evaluations: 'opPage.tab.evaluations',
  claims: 'opPage.tab.claims',
  assessments: 'opPage.tab.assessments',
};

const callHref = (id: string) => `/calls/${encodeURIComponent(id)}`;

function ListState<T>({
  q,
  empty,
  children,
}: {
  q: UseQueryResult<T>;
  empty(d: T): boolean;
  children(d: T): ReactNode;
}) {
  const t = useT();
  if (q.isError && !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} compact />;
  if (!q.data)
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="table-skeleton">
          {[0, 1, 2, 3].map((i) => (
            <div className="table-skeleton-row" key={i}>
              <Skeleton width="20%" />
              <Skeleton width="15%" />
              <Skeleton width="10%" />
              <Skeleton width="25%" />
            </div>
          ))}
        </div>
      </LoadingRegion>
    );
  if (empty(q.data)) return <EmptyState title={t('opPage.listEmpty')} />;
  return <div className="table-scroll list-scroll">{children(q.data)}</div>;
}

/** The operator's calls, orders, evaluations, claims and assessments of the month, one tab each. */
export function ActivityTabs({
  operatorId,
  period,
  fmt,
}: {
  operatorId: string;
  period: string;
  fmt: Formatters;
}) {
  const t = useT();
  const { settings } = useSession();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const tab: Tab = TABS.includes(wanted as Tab) ? (wanted as Tab) : 'calls';
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const when = (iso: string) => dateTime(iso, fmt.locale, settings.timeZone);

  const calls = useOperatorCalls(operatorId, period, tab === 'calls');
  const orders = useOperatorOrders(operatorId, period, tab === 'orders');
  const evaluations = useOperatorEvaluations(operatorId, period, tab === 'evaluations');
  const claims = useOperatorClaims(operatorId, period, tab === 'claims');
  const assessments = useOperatorAssessments(operatorId, period, tab === 'assessments');

  const select = (next: Tab, focus = false) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('tab', next);
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
    if (focus) tabRefs.current[TABS.indexOf(next)]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    select(TABS[next] as Tab, true);
  };

  let panel: ReactNode;
  if (tab === 'calls')
    panel = (
      <ListState q={calls} empty={(d) => d.calls.length === 0}>
        {(d) => (
          <>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('opPage.col.started')}</th>
                  <th scope="col">{t('opPage.col.direction')}</th>
                  <th scope="col">{t('opPage.col.taskType')}</th>
                  <th scope="col">{t('opPage.col.outcome')}</th>
                  <th scope="col" className="num">
                    {t('opPage.col.talk')}
                  </th>
                  <th scope="col" className="num">
                    {t('opPage.col.evaluations')}
                  </th>
                  <th scope="col">{t('opPage.col.call')}</th>
                </tr>
              </thead>
              <tbody>
                {d.calls.map((c) => (
                  <tr key={c.callId}>
                    <td>{when(c.startedAt)}</td>
                    <td>{codeLabel(t, 'direction', c.direction)}</td>
                    <td>{codeLabel(t, 'taskType', c.taskType)}</td>
                    <td>
                      {c.answeredAt
                        ? codeLabel(t, 'outcome', c.outcome ?? 'completed')
                        : codeLabel(t, 'disposition', c.disposition)}
                    </td>
                    <td className="num">{c.talkS === null ? t('kpi.none') : fmt.duration(c.talkS)}</td>
                    <td className="num">{fmt.integer(c.evaluations)}</td>
                    <td>
                      <Link to={callHref(c.callId)} className="call-link">
                        {c.callId}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.total > d.calls.length && (
              <p className="list-more">
                {t('opPage.more', { shown: fmt.integer(d.calls.length), total: fmt.integer(d.total) })}
              </p>
            )}
          </>
        )}
      </ListState>
    );
  else if (tab === 'orders')
    panel = (
      <ListState q={orders} empty={(d) => d.orders.length === 0}>
        {(d) => (
          <>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('opPage.col.created')}</th>
                  <th scope="col">{t('opPage.col.order')}</th>
                  <th scope="col">{t('opPage.col.client')}</th>
                  <th scope="col">{t('opPage.col.status')}</th>
                  <th scope="col" className="num">
                    {t('opPage.col.total')}
                  </th>
                  <th scope="col">{t('opPage.col.error')}</th>
                  <th scope="col">{t('opPage.col.call')}</th>
                </tr>
              </thead>
              <tbody>
                {d.orders.map((o) => {
                  const errors = [
                    o.errorCode ? t('opPage.error.code', { code: o.errorCode }) : null,
                    o.breaksDebtRule ? t('opPage.error.debt') : null,
                    o.breaksRoutingRule ? t('opPage.error.routing') : null,
                  ].filter((x): x is string => x !== null);
                  return (
                    <tr key={o.orderId} className={errors.length ? 'has-error' : undefined}>
                      <td>{when(o.createdAt)}</td>
                      <td>{o.orderId}</td>
                      <td className="cell-muted">{o.clientId ?? t('kpi.none')}</td>
                      <td>{codeLabel(t, 'orderStatus', o.status)}</td>
                      <td className="num">{fmt.money(o.total)}</td>
                      <td>
                        {errors.length ? (
                          <span className="deducted">{errors.join(' · ')}</span>
                        ) : (
                          <span className="cell-muted">{t('kpi.none')}</span>
                        )}
                      </td>
                      <td>{o.callId ? <Link to={callHref(o.callId)}>{o.callId}</Link> : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {d.total > d.orders.length && (
              <p className="list-more">
                {t('opPage.more', { shown: fmt.integer(d.orders.length), total: fmt.integer(d.total) })}
              </p>
            )}
          </>
        )}
      </ListState>
    );
  else if (tab === 'evaluations')
    panel = (
      <ListState q={evaluations} empty={(d) => d.evaluations.length === 0}>
        {(d) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('opPage.col.callDate')}</th>
                <th scope="col">{t('opPage.col.form')}</th>
                <th scope="col">{t('opPage.col.evaluator')}</th>
                <th scope="col">{t('opPage.col.status')}</th>
                <th scope="col" className="num">
                  {t('opPage.col.score')}
                </th>
                <th scope="col">{t('opPage.col.call')}</th>
              </tr>
            </thead>
            <tbody>
              {d.evaluations.map((e) => (
                <tr key={e.id}>
                  <td>{e.callStartedAt ? when(e.callStartedAt) : t('kpi.none')}</td>
                  <td>
                    {e.formName
                      ? t('opPage.formVersion', { name: e.formName, version: e.formVersion ?? 1 })
                      : t('opPage.imported')}
                  </td>
                  <td className="cell-muted">{e.evaluator}</td>
                  <td>{codeLabel(t, 'evaluationStatus', e.status)}</td>
                  <td className="num">
                    {e.score === null ? t('kpi.none') : fmt.decimal(e.score, 2)}
                    {e.criticalFailed && <span className="badge badge-muted">{t('opPage.critical')}</span>}
                  </td>
                  <td>
                    <Link to={callHref(e.callId)}>{e.callId}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    );
  else if (tab === 'claims')
    panel = (
      <ListState q={claims} empty={(d) => d.claims.length === 0}>
        {(d) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('opPage.col.received')}</th>
                <th scope="col">{t('opPage.col.source')}</th>
                <th scope="col">{t('opPage.col.status')}</th>
                <th scope="col">{t('opPage.col.countedIn')}</th>
                <th scope="col">{t('opPage.col.description')}</th>
                <th scope="col">{t('opPage.col.call')}</th>
              </tr>
            </thead>
            <tbody>
              {d.claims.map((c) => (
                <tr key={c.claimId}>
                  <td>{when(c.receivedAt)}</td>
                  <td>
                    {c.division
                      ? t('opPage.sourceDivision', {
                          source: codeLabel(t, 'source', c.source),
                          division: c.division,
                        })
                      : codeLabel(t, 'source', c.source)}
                  </td>
                  <td>{codeLabel(t, 'claimStatus', c.status)}</td>
                  <td>{c.countedIn ? fmt.period(c.countedIn) : t('kpi.none')}</td>
                  <td className="cell-wrap">{c.description ?? ''}</td>
                  <td>{c.callId ? <Link to={callHref(c.callId)}>{c.callId}</Link> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    );
  else
    panel = (
      <ListState q={assessments} empty={(d) => d.assessments.length === 0}>
        {(d) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('opPage.col.assessed')}</th>
                <th scope="col">{t('opPage.col.polarity')}</th>
                <th scope="col">{t('opPage.col.author')}</th>
                <th scope="col">{t('opPage.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {d.assessments.map((a) => (
                <tr key={a.assessmentId}>
                  <td>{when(a.assessedAt)}</td>
                  <td>
                    <span className={a.polarity === 'negative' ? 'deducted' : undefined}>
                      {codeLabel(t, 'polarity', a.polarity)}
                    </span>
                  </td>
                  <td className="cell-muted">{a.author ?? t('kpi.none')}</td>
                  <td className="cell-wrap">{a.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    );

  return (
    <section className="card" aria-labelledby="activity-title">
      <header className="card-header">
        <h2 className="card-title" id="activity-title">
          {t('opPage.activity')}
        </h2>
        <div
          className="tabs"
          role="tablist"
          aria-label={t('opPage.activity')}
          tabIndex={-1}
          onKeyDown={onKey}
        >
          {TABS.map((x, i) => (
            <button
              key={x}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${x}`}
              aria-selected={tab === x}
              aria-controls="activity-panel"
              tabIndex={tab === x ? 0 : -1}
              className={tab === x ? 'tab is-selected' : 'tab'}
              onClick={() => select(x)}
            >
              {t(TAB_LABEL[x])}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" id="activity-panel" aria-labelledby={`tab-${tab}`}>
        {panel}
      </div>
    </section>
  );
}
