import { useMemo } from 'react';
import { useNames } from '../../api/names.ts';
import { useAssignments } from '../../api/qa.ts';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { Progress } from '../qa/shared.tsx';
import { monitorProgress } from './queue-params.ts';

/** Every monitor's calls of the period: done out of given. */
export function MonitorProgressCard({ period }: { period: string }) {
  const t = useT();
  const names = useNames();
  const assignments = useAssignments(period);
  const progress = useMemo(() => monitorProgress(assignments.data?.assignments ?? []), [assignments.data]);

  return (
    <section className="card" aria-labelledby="progress-title">
      <header className="card-header">
        <h2 className="card-title" id="progress-title">
          {t('qa.assign.progress')}
        </h2>
      </header>
      <div className="card-body">
        {assignments.isError ? (
          <ErrorState compact error={assignments.error} onRetry={() => void assignments.refetch()} />
        ) : !assignments.data ? (
          <Skeleton height={80} />
        ) : progress.length === 0 ? (
          <p className="cell-muted">{t('qa.assign.none')}</p>
        ) : (
          <ul className="progress-list">
            {progress.map(({ monitor, done, total }) => (
              <li key={monitor}>
                <span className="progress-name">{names.user(monitor)}</span>
                <Progress
                  done={done}
                  total={total}
                  label={t('qa.worklist.progressOf', { monitor: names.user(monitor) })}
                />
                <span className="progress-figure">{t('qa.worklist.done', { done, total })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
