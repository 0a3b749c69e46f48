import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ActivityResponse, DailyResponse } from '../../../../schemas/api.ts';
import { Money } from '../../components/Money.tsx';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { activityTotals, dailyTotals } from './kpis.ts';

interface Tile {
  label: MessageKey;
  value: ReactNode;
  hint: string;
  /** The exact figure, when the tile shows a rounded one. */
  exact?: string;
  tone?: 'muted';
}

/** Why the view holds only some operators: unanswered calls have no operator, so they fall out. */
export type Scope = 'all' | 'team' | 'own';

const TILE_COUNT = 6;

export function KpiTiles({
  activity,
  daily,
  scope,
  fmt,
}: {
  activity: UseQueryResult<ActivityResponse>;
  daily: UseQueryResult<DailyResponse>;
  scope: Scope;
  fmt: Formatters;
}) {
  const t = useT();

  if (activity.isError && !activity.data) {
    return (
      <section className="card" aria-label={t('kpi.label')}>
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} compact />
      </section>
    );
  }
  if (!activity.data) {
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="kpi-grid">
          {Array.from({ length: TILE_COUNT }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <div className="kpi" key={i}>
              <Skeleton width="55%" height={12} />
              <Skeleton width="70%" height={28} style={{ marginTop: 12 }} />
              <Skeleton width="45%" height={11} style={{ marginTop: 10 }} />
            </div>
          ))}
        </div>
      </LoadingRegion>
    );
  }

  const a = activityTotals(activity.data.operators);
  const d = daily.data ? dailyTotals(daily.data.days) : null;

  let abandoned: Tile;
  if (!d) {
    abandoned = {
      label: 'kpi.abandoned',
      value: t('kpi.none'),
      hint: daily.isError ? t('error.title') : t('app.loading'),
      tone: 'muted',
    };
  } else if (scope !== 'all' && d.abandoned === 0) {
    abandoned = {
      label: 'kpi.abandoned',
      value: t('kpi.none'),
      hint: scope === 'team' ? t('kpi.abandoned.teamHint') : t('kpi.abandoned.ownHint'),
      tone: 'muted',
    };
  } else {
    abandoned = {
      label: 'kpi.abandoned',
      value: fmt.integer(d.abandoned),
      hint:
        d.abandonedShare === null ? '' : t('kpi.abandoned.hint', { share: fmt.percent(d.abandonedShare) }),
    };
  }

  const tiles: Tile[] = [
    { label: 'kpi.calls', value: fmt.integer(a.calls), hint: t('kpi.calls.hint') },
    {
      label: 'kpi.handled',
      value: fmt.integer(a.handledCalls),
      hint: a.calls > 0 ? t('kpi.handled.hint', { share: fmt.percent(a.handledCalls / a.calls) }) : '',
    },
    abandoned,
    {
      label: 'kpi.aht',
      value: a.ahtSeconds === null ? t('kpi.none') : fmt.duration(a.ahtSeconds),
      hint: t('kpi.aht.hint'),
    },
    {
      label: 'kpi.orders',
      value: fmt.integer(a.orders),
      hint:
        a.handledCalls > 0 ? t('kpi.orders.hint', { perCall: fmt.decimal(a.orders / a.handledCalls) }) : '',
    },
    {
      label: 'kpi.revenue',
      value: <Money parts={fmt.moneyCompactParts(a.orderRevenue)} />,
      exact: fmt.money(a.orderRevenue),
      hint: t('kpi.revenue.hint'),
    },
  ];

  return (
    <section aria-label={t('kpi.label')} aria-busy={activity.isPlaceholderData || undefined}>
      <dl className={activity.isPlaceholderData ? 'kpi-grid is-stale' : 'kpi-grid'}>
        {tiles.map((tile) => (
          <div className="kpi" key={tile.label}>
            <dt className="kpi-label">{t(tile.label)}</dt>
            <dd className={tile.tone === 'muted' ? 'kpi-value kpi-value-muted' : 'kpi-value'}>
              {tile.value}
            </dd>
            {tile.hint && <dd className="kpi-hint">{tile.hint}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
