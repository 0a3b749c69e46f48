import { Link } from 'react-router';
import { useImports } from '../../api/hooks.ts';
import { useNames } from '../../api/names.ts';
import { useClock } from '../../clock.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';
import { kindName } from './kind-label.ts';

const STATUS: Record<string, MessageKey> = {
  done: 'imports.status.done',
  failed: 'imports.status.failed',
  running: 'imports.status.running',
};

/** Past imports with their counts, newest first; each links to its quarantined rows. */
export function ImportLog({ fmt }: { fmt: Formatters }) {
  const t = useT();
  const clock = useClock();
  const names = useNames();
  const query = useImports();
  const rows = query.data?.imports;

  let body: React.ReactNode;
  if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!rows)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton width="100%" height={120} />
      </LoadingRegion>
    );
  else if (rows.length === 0) body = <EmptyState title={t('imports.log.empty')} />;
  else
    body = (
      <div className="table-scroll">
        <table className="data-table import-log">
          <thead>
            <tr>
              <th className="num">{t('imports.col.id')}</th>
              <th>{t('imports.col.file')}</th>
              <th>{t('imports.col.kind')}</th>
              <th>{t('imports.col.status')}</th>
              <th className="num">{t('imports.report.read')}</th>
              <th className="num">{t('imports.report.loaded')}</th>
              <th className="num">{t('imports.report.quarantined')}</th>
              <th className="num">{t('imports.report.duplicates')}</th>
              <th>{t('imports.col.by')}</th>
              <th>{t('imports.col.when')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="num">
                  <Link to={`/imports/${r.id}`}>{r.id}</Link>
                </td>
                <td>
                  <Link to={`/imports/${r.id}`}>{r.file}</Link>
                </td>
                <td>
                  {kindName(t, r.kind)} · {valueLabel(t, 'format', r.format)}
                  {r.source && ` · ${t('imports.sourceOf', { source: r.source })}`}
                </td>
                <td>{STATUS[r.status] ? t(STATUS[r.status] as MessageKey) : r.status}</td>
                <td className="num">{fmt.integer(r.read)}</td>
                <td className="num">{fmt.integer(r.loaded)}</td>
                <td className="num">{fmt.integer(r.quarantined)}</td>
                <td className="num">{fmt.integer(r.duplicates)}</td>
                <td>{names.user(r.actor)}</td>
                <td>{clock.dateTime(r.finishedAt ?? r.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="card" aria-labelledby="log-title">
      <header className="card-header">
        <h2 className="card-title" id="log-title">
          {t('imports.log.title')}
        </h2>
        <span className="card-meta">{t('time.zone', { zone: clock.zone })}</span>
      </header>
      {body}
    </section>
  );
}
