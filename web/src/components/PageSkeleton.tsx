import { useT } from '../i18n/index.ts';
import { LoadingRegion, Skeleton } from './states.tsx';

/** Shown while a page's code downloads: the outline of a title and two cards. */
export function PageSkeleton() {
  const t = useT();
  return (
    <LoadingRegion label={t('app.loading')}>
      <div className="page">
        <div className="page-header">
          <div>
            <Skeleton width={180} height={26} />
            <Skeleton width={280} height={14} style={{ marginTop: 10 }} />
          </div>
        </div>
        <div className="card" style={{ height: 120 }} />
        <div className="card" style={{ height: 320 }} />
      </div>
    </LoadingRegion>
  );
}
