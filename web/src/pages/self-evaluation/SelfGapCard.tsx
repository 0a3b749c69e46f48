import { useSelfGap } from '../../api/coaching.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { signed } from '../qa/shared.tsx';

/**
 * Per operator, the mean signed gap between his self-evaluations and the monitors' scores of the
 * same calls in the month: above zero he rates himself higher than the monitors do.
 */
export function SelfGapCard({ period, fmt }: { period: string | null; fmt: Formatters }) {
  const t = useT();
  const gap = useSelfGap(period);
  const rows = gap.data?.operators ?? [];
  return (
    <section className="card" aria-labelledby="self-gap-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="self-gap-title">
            {t('self.gap.title')}
          </h2>
          <span className="card-meta">{t('self.gap.meta')}</span>
        </div>
      </header>
      {gap.isError ? (
        <ErrorState compact error={gap.error} onRetry={() => void gap.refetch()} />
      ) : !gap.data ? (
        <LoadingRegion label={t('app.loading')}>
          <div className="card-body">
            <Skeleton height={120} />
          </div>
        </LoadingRegion>
      ) : rows.length === 0 ? (
        <EmptyState title={t('self.gap.empty')}>{t('self.gap.emptyBody')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="self-gap">
            <thead>
              <tr>
                <th scope="col">{t('coaching.col.operator')}</th>
                <th scope="col" className="num">
                  {t('self.gap.pairs')}
                </th>
                <th scope="col" className="num">
                  {t('self.col.self')}
                </th>
                <th scope="col" className="num">
                  {t('self.col.monitor')}
                </th>
                <th scope="col" className="num">
                  {t('self.gap.mean')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.operatorId}>
                  <th scope="row" className="cell-name">
                    {o.name}
                  </th>
                  <td className="num">{fmt.integer(o.pairs)}</td>
                  <td className="num">{o.meanSelf === null ? '—' : fmt.decimal(o.meanSelf, 1)}</td>
                  <td className="num">{o.meanMonitor === null ? '—' : fmt.decimal(o.meanMonitor, 1)}</td>
                  <td className="num" data-testid={`gap-${o.operatorId}`}>
                    {o.meanSignedGap === null ? '—' : signed(fmt, o.meanSignedGap)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
