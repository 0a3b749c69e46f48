import { useCoachingList } from '../../api/coaching.ts';
import { useCan } from '../../auth/access.tsx';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CoachingTable } from './CoachingTable.tsx';

/**
 * The operator's coaching sessions on his page, each with its goal's measure before and after;
 * nothing is shown to a role that reads no coaching, nor when he has had none.
 */
export function OperatorCoachingCard({ operatorId, fmt }: { operatorId: string; fmt: Formatters }) {
  const t = useT();
  const may = useCan('coaching.read');
  const list = useCoachingList({ operator: operatorId }, may);
  if (!may) return null;
  if (list.data && list.data.sessions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="op-coaching-title" data-testid="operator-coaching">
      <header className="card-header">
        <h2 className="card-title" id="op-coaching-title">
          {t('coaching.operator.title')}
        </h2>
      </header>
      {list.isError ? (
        <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingRegion label={t('app.loading')}>
          <Skeleton height={120} />
        </LoadingRegion>
      ) : (
        <CoachingTable sessions={list.data.sessions} fmt={fmt} showOperator={false} />
      )}
    </section>
  );
}
