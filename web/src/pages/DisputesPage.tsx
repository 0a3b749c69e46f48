import { Link, useSearchParams } from 'react-router';
import { useNames } from '../api/names.ts';
import { useEvaluations } from '../api/qa.ts';
import { useClock } from '../clock.ts';
import { Card } from '../components/Card.tsx';
import { ColumnHeads } from '../components/ColumnHeads.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { Score, StatusBadge } from './qa/shared.tsx';

const VIEWS = ['disputed', 'revised', 'upheld'] as const;
type View = (typeof VIEWS)[number];

/**
 * Disputes (QA lead): evaluations operators disputed, waiting for a decision, and those decided;
 * an appeal waits for a head, not here. With `appeals` (a head): the appealed ones only.
 */
export default function DisputesPage({ appeals = false }: { appeals?: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  const title = appeals ? t('ap.title') : t('qa.disputes.title');
  useDocumentTitle(title);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('status');
  const status: View = VIEWS.includes(wanted as View) ? (wanted as View) : 'disputed';
  // Waiting for the lead: the disputes never appealed; an appeal waits for a head.
  const appealed = appeals ? 'true' : status === 'disputed' ? 'false' : undefined;
  const list = useEvaluations({ status, limit: 200, ...(appealed ? { appealed } : {}) });
  const rows = list.data?.evaluations ?? [];

  return (
    <div className="page">
      <PageHeader title={title} subtitle={appeals ? t('ap.subtitle') : t('qa.disputes.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('qa.disputes.views')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={status === v}
            className={status === v ? 'tab is-active' : 'tab'}
            onClick={() => setParams({ status: v })}
          >
            {t(`qa.disputes.view.${v}`)}
          </button>
        ))}
      </div>
      <Card
        id="disputes-list-title"
        title={t(`qa.disputes.view.${status}`)}
        meta={
          list.data ? (
            <span className="card-meta">{t('qa.count.evaluations', { count: list.data.total })}</span>
          ) : null
        }
      >
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <LoadingRegion label={t('app.loading')}>
            <div className="card-body">
              <Skeleton height={200} />
            </div>
          </LoadingRegion>
        ) : rows.length === 0 ? (
          <EmptyState title={appeals ? t(`ap.empty.${status}`) : t(`qa.disputes.empty.${status}`)}>
            {appeals ? t('ap.emptyBody') : t('qa.disputes.emptyBody')}
          </EmptyState>
        ) : (
          <div className={list.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
            <table className="data-table">
              <ColumnHeads
                columns={[
                  t('qa.col.evaluation'),
                  t('qa.col.operator'),
                  dt.withZone(t('qa.col.call')),
                  t('qa.col.evaluator'),
                  t('qa.col.status'),
                  { label: t('qa.col.score'), num: true },
                  { label: t('qa.col.action'), num: true },
                ]}
              />
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/evaluations/${encodeURIComponent(e.id)}`}>{e.id}</Link>
                      <span className="cell-sub">{e.formName ?? ''}</span>
                    </td>
                    <td className="cell-name">
                      {names.operator(e.operatorId)}
                      <span className="cell-sub">{e.operatorId}</span>
                    </td>
                    <td className="cell-muted">
                      {e.callId}
                      <span className="cell-sub">{dt.short(e.callStartedAt)}</span>
                    </td>
                    <td className="cell-muted">{names.user(e.evaluator)}</td>
                    <td>
                      <StatusBadge status={e.status} />
                    </td>
                    <td className="num">
                      <Score score={e.score} critical={e.criticalFailed} fmt={fmt} />
                    </td>
                    <td className="num">
                      <Link
                        className={
                          status === 'disputed'
                            ? 'button button-primary button-small'
                            : 'button button-secondary button-small'
                        }
                        to={`/evaluations/${encodeURIComponent(e.id)}`}
                      >
                        {status === 'disputed' ? t('qa.disputes.decide') : t('qa.worklist.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
