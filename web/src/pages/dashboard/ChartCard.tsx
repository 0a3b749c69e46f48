import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';

/** A card holding one chart, with its loading, error and empty states. */
export function ChartCard({
  id,
  title,
  actions,
  error,
  onRetry,
  loading,
  empty,
  stale,
  height = 240,
  summary,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  error?: unknown;
  onRetry?(): void;
  loading: boolean;
  empty: string | null;
  stale?: boolean;
  height?: number;
  /** A sentence saying what the chart shows, for screen readers. */
  summary?: string;
  children: ReactNode;
}) {
  const t = useT();
  let body: ReactNode;
  if (error) body = <ErrorState error={error} onRetry={onRetry} compact />;
  else if (loading)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton width="100%" height={height} style={{ borderRadius: 6 }} />
      </LoadingRegion>
    );
  else if (empty) body = <EmptyState title={empty} />;
  else
    body = (
      <figure
        className={stale ? 'chart is-stale' : 'chart'}
        style={{ minHeight: height }}
        aria-label={summary}
      >
        {children}
      </figure>
    );
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 className="card-title" id={`${id}-title`}>
          {title}
        </h2>
        {actions}
      </header>
      <div className="card-body">{body}</div>
    </section>
  );
}

export function ChartFallback({ height = 240 }: { height?: number }) {
  return <Skeleton width="100%" height={height} style={{ borderRadius: 6 }} />;
}
