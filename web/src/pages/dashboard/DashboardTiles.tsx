import type { UseQueryResult } from '@tanstack/react-query';
import type { SummaryResponse } from '../../../../schemas/dashboard.ts';
import { Money } from '../../components/Money.tsx';
import { Sparkline } from '../../components/metrics/Sparkline.tsx';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { formatChange, formatValue, shownChange } from '../../metric-format.ts';
import { TILES, type TileDef } from './tiles.ts';

function Tile({
  tile,
  summary,
  compare,
  fmt,
  onOpen,
}: {
  tile: TileDef;
  summary: SummaryResponse;
  compare: boolean;
  fmt: Formatters;
  onOpen(tile: TileDef): void;
}) {
  const t = useT();
  const value = tile.value(summary.aggregate);
  // A previous period without any call or order is no comparison (before the data starts).
  const hadData = summary.trend[summary.trend.length - 2]?.hasData ?? false;
  const before = hadData ? tile.value(summary.previousAggregate) : null;
  const label = t(tile.label);
  const change =
    compare && value !== null && before !== null ? shownChange(value - before, tile.format) : null;
  const tone =
    change === null || change === 0 ? 'flat' : change > 0 === (tile.good === 'higher') ? 'good' : 'bad';
  const trend = summary.trend.map((p) => (p.hasData ? tile.value(p.aggregate) : null));
  const previousLabel = summary.monthToDate
    ? fmt.dayRange(summary.previous.from, summary.previous.to)
    : summary.previous.month
      ? fmt.period(summary.previous.month)
      : t('tile.previousRange');
  // Pay of the running month is not known until it ends: the tile says so, and nothing more.
  const payLater = summary.monthToDate && tile.format === 'money' && value === null;
  const whenNull = payLater ? 'tile.payImpact.afterMonth' : tile.whenNull;
  return (
    <button
      type="button"
      className="kpi tile"
      onClick={() => onOpen(tile)}
      data-tile={tile.id}
      title={t('tile.open', { label })}
    >
      <span className="kpi-label">{label}</span>
      <span className={value === null ? 'kpi-value kpi-value-muted' : 'kpi-value'}>
        {value === null ? (
          t(whenNull)
        ) : tile.format === 'money' ? (
          <Money parts={fmt.moneyCompactParts(value)} />
        ) : (
          formatValue(value, tile.format, fmt, 'figure')
        )}
      </span>
      <span className="tile-foot">
        {change !== null ? (
          <span
            className={`delta delta-${tone}`}
            title={t('tile.previous', {
              period: previousLabel,
              value: formatValue(before as number, tile.format, fmt, 'figure'),
            })}
          >
            <span aria-hidden="true">{change > 0 ? '▲' : change < 0 ? '▼' : '●'}</span>{' '}
            {formatChange(change, tile.format, fmt, t)}
            <span className="visually-hidden">
              {' '}
              {t('tile.previous', {
                period: previousLabel,
                value: formatValue(before as number, tile.format, fmt, 'figure'),
              })}
            </span>
          </span>
        ) : (
          <span className="delta delta-flat">{compare && !payLater ? t('tile.noPrevious') : ''}</span>
        )}
        <Sparkline values={trend} label={t('tile.sparkline', { label, periods: trend.length })} />
      </span>
      <span className="kpi-hint">{payLater ? '' : tile.hint(summary.aggregate, fmt, t)}</span>
    </button>
  );
}

export function DashboardTiles({
  summary,
  compare,
  fmt,
  onOpen,
}: {
  summary: UseQueryResult<SummaryResponse>;
  compare: boolean;
  fmt: Formatters;
  onOpen(tile: TileDef): void;
}) {
  const t = useT();
  if (summary.isError && !summary.data) {
    return (
      <section className="card" aria-label={t('kpi.label')}>
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} compact />
      </section>
    );
  }
  if (!summary.data) {
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="kpi-grid tile-grid">
          {TILES.map((tile) => (
            <div className="kpi" key={tile.id}>
              <Skeleton width="55%" height={12} />
              <Skeleton width="70%" height={28} style={{ marginTop: 12 }} />
              <Skeleton width="45%" height={11} style={{ marginTop: 10 }} />
            </div>
          ))}
        </div>
      </LoadingRegion>
    );
  }
  return (
    <section aria-label={t('kpi.label')} aria-busy={summary.isPlaceholderData || undefined}>
      <div className={summary.isPlaceholderData ? 'kpi-grid tile-grid is-stale' : 'kpi-grid tile-grid'}>
        {TILES.map((tile) => (
          <Tile
            key={tile.id}
            tile={tile}
            summary={summary.data}
            compare={compare}
            fmt={fmt}
            onOpen={onOpen}
          />
        ))}
      </div>
    </section>
  );
}
