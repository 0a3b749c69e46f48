import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';

/** A tab's list: its error, its loading rows, "nothing this month", or the list drawn by `children`. */
export function ListState<T>({
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
