import { Link, useSearchParams } from 'react-router';
import { COACHING_STATUSES, type CoachingStatus } from '../../../../schemas/coaching.ts';
import { useCoachingList } from '../../api/coaching.ts';
import { useCan } from '../../auth/access.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CoachingTable } from './CoachingTable.tsx';

const isStatus = (s: string | null): s is CoachingStatus =>
  s !== null && (COACHING_STATUSES as readonly string[]).includes(s);

/** The coaching sessions of the user's scope: how many are due, overdue, met and missed, and each. */
export default function CoachingListPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('nav.coaching'));
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : null;
  const list = useCoachingList({ status, operator: params.get('operator') });
  const manages = useCan('coaching.manage');
  const counts = list.data?.counts;

  const choose = (s: CoachingStatus | null) => {
    const next = new URLSearchParams(params);
    if (s && s !== status) next.set('status', s);
    else next.delete('status');
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <PageHeader
        title={t('nav.coaching')}
        subtitle={t('coaching.list.subtitle')}
        actions={
          manages ? (
            <Link className="button button-primary button-small" to="/coaching/new">
              {t('coaching.new.button')}
            </Link>
          ) : undefined
        }
      />
      <section className="kpi-grid kpi-grid-4" aria-label={t('coaching.list.counts')}>
        {COACHING_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className={s === status ? 'kpi kpi-button is-selected' : 'kpi kpi-button'}
            aria-pressed={s === status}
            data-testid={`count-${s}`}
            onClick={() => choose(s)}
          >
            <span className="kpi-label">{t(`coaching.status.${s}`)}</span>
            <span className="kpi-value">{counts ? fmt.integer(counts[s]) : '—'}</span>
            <span className="kpi-hint">{t(`coaching.statusHint.${s}`)}</span>
          </button>
        ))}
      </section>
      <section className="card" aria-labelledby="coaching-list-title">
        <header className="card-header">
          <h2 className="card-title" id="coaching-list-title">
            {status ? t(`coaching.status.${status}`) : t('coaching.list.all')}
          </h2>
        </header>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <LoadingRegion label={t('app.loading')}>
            <div className="card-body">
              <Skeleton height={200} />
            </div>
          </LoadingRegion>
        ) : list.data.sessions.length === 0 ? (
          <EmptyState title={t('coaching.list.empty')}>{t('coaching.list.emptyBody')}</EmptyState>
        ) : (
          <CoachingTable sessions={list.data.sessions} fmt={fmt} />
        )}
      </section>
    </div>
  );
}
