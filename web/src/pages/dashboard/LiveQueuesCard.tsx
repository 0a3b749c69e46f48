import type { ReactNode } from 'react';
import { localDate } from '../../../../core/time.ts';
import type { LiveFigures } from '../../../../schemas/live.ts';
import { useLiveQueues } from '../../api/live.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { CATALOGUES, useLanguage, useT } from '../../i18n/index.ts';

/** A feed with no event for this long is named as possibly stopped. */
const STALE_MS = 10 * 60_000;

/**
 * Today's queues as the live feed brings them: callers waiting and operators talking now, and
 * the day's answered, abandoned, service level and wait so far. It asks again by itself (paused
 * while the tab is hidden) and says when it last did and how new the newest event is, so a feed
 * that stopped shows.
 */
export function LiveQueuesCard({ fmt }: { fmt: Formatters }) {
  const t = useT();
  const language = useLanguage();
  const live = useLiveQueues(true);
  const data = live.data;
  // The time of day in the company's zone; with the date too when it is not today's (a feed stopped days ago).
  const clock = (iso: string, timeZone: string, today?: string) =>
    new Intl.DateTimeFormat(CATALOGUES[language].locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      ...(today && localDate(new Date(iso), timeZone) !== today ? { day: 'numeric', month: 'short' } : {}),
    }).format(new Date(iso));
  const staleMinutes =
    data?.newestEventAt != null
      ? Math.floor((Date.parse(data.asOf) - Date.parse(data.newestEventAt)) / 60_000)
      : null;

  const cells = (f: LiveFigures) => (
    <>
      <td className="num">{fmt.integer(f.waiting)}</td>
      <td className="num">{fmt.integer(f.answered)}</td>
      <td className="num">{fmt.integer(f.abandoned)}</td>
      <td className="num">{f.serviceLevel === null ? '—' : fmt.percent(f.serviceLevel)}</td>
      <td className="num">{f.avgWaitSeconds === null ? '—' : fmt.duration(f.avgWaitSeconds)}</td>
      <td className="num">{fmt.integer(f.onCall)}</td>
    </>
  );

  let body: ReactNode;
  if (live.isError && !data)
    body = <ErrorState error={live.error} onRetry={() => void live.refetch()} compact />;
  else if (!data)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton height={120} />
      </LoadingRegion>
    );
  else if (data.queues.length === 0)
    body = <EmptyState title={t('live.empty')}>{t('live.emptyBody')}</EmptyState>;
  else
    body = (
      <div className="table-scroll">
        <table className="data-table live-queues">
          <thead>
            <tr>
              <th scope="col">{t('live.queue')}</th>
              <th scope="col" className="num">
                {t('live.waiting')}
              </th>
              <th scope="col" className="num">
                {t('live.answered')}
              </th>
              <th scope="col" className="num">
                {t('live.abandoned')}
              </th>
              <th scope="col" className="num">
                {t('live.serviceLevel', { seconds: data.serviceLevelSeconds })}
              </th>
              <th scope="col" className="num">
                {t('live.avgWait')}
              </th>
              <th scope="col" className="num">
                {t('live.onCall')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.queues.map((q) => (
              <tr key={q.queue}>
                <th scope="row">{q.queue}</th>
                {cells(q)}
              </tr>
            ))}
          </tbody>
          {data.queues.length > 1 && (
            <tfoot>
              <tr className="live-total">
                <th scope="row">{t('live.total')}</th>
                {cells(data.total)}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    );

  return (
    <section className="card live-card" aria-labelledby="live-queues-title" aria-live="polite">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="live-queues-title">
            <span className="live-dot" aria-hidden="true" />
            {t('live.title')}
          </h2>
          {data && (
            <span className="card-meta" data-testid="live-meta">
              {data.newestEventAt
                ? t('live.meta', {
                    updated: clock(data.asOf, data.timeZone),
                    newest: clock(data.newestEventAt, data.timeZone, data.day),
                  })
                : t('live.metaNoEvent', { updated: clock(data.asOf, data.timeZone) })}
            </span>
          )}
        </div>
      </header>
      {staleMinutes !== null && staleMinutes * 60_000 >= STALE_MS && (
        <p className="live-stale" role="status">
          {t('live.stale', { minutes: fmt.integer(staleMinutes) })}
        </p>
      )}
      {body}
    </section>
  );
}
