import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from 'react';
import type { ActivityResponse, OperatorActivity } from '../../../../schemas/api.ts';
import { SortIcon } from '../../components/icons.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, type Translate, useT } from '../../i18n/index.ts';
import { type ActivityTotals, activityTotals } from './kpis.ts';

type SortKey =
  | 'name'
  | 'teamName'
  | 'calls'
  | 'handledCalls'
  | 'inbound'
  | 'outbound'
  | 'ahtSeconds'
  | 'orders'
  | 'orderRevenue';
type Direction = 'ascending' | 'descending';

interface Column {
  key: SortKey;
  label: MessageKey;
  numeric: boolean;
  cell(o: OperatorActivity | ActivityTotals, fmt: Formatters, t: Translate): string;
}

const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'operators.col.name', numeric: false, cell: (o) => ('name' in o ? o.name : '') },
  {
    key: 'teamName',
    label: 'operators.col.team',
    numeric: false,
    cell: (o) => ('teamName' in o ? o.teamName : ''),
  },
  { key: 'calls', label: 'operators.col.calls', numeric: true, cell: (o, f) => f.integer(o.calls) },
  {
    key: 'handledCalls',
    label: 'operators.col.handled',
    numeric: true,
    cell: (o, f) => f.integer(o.handledCalls),
  },
  { key: 'inbound', label: 'operators.col.inbound', numeric: true, cell: (o, f) => f.integer(o.inbound) },
  { key: 'outbound', label: 'operators.col.outbound', numeric: true, cell: (o, f) => f.integer(o.outbound) },
  {
    key: 'ahtSeconds',
    label: 'operators.col.aht',
    numeric: true,
    cell: (o, f, t) => (o.ahtSeconds === null ? t('kpi.none') : f.duration(o.ahtSeconds)),
  },
  { key: 'orders', label: 'operators.col.orders', numeric: true, cell: (o, f) => f.integer(o.orders) },
  {
    key: 'orderRevenue',
    label: 'operators.col.revenue',
    numeric: true,
    cell: (o, f) => f.money(o.orderRevenue),
  },
];

function compareBy(key: SortKey, direction: Direction, collator: Intl.Collator) {
  const sign = direction === 'ascending' ? 1 : -1;
  return (a: OperatorActivity, b: OperatorActivity): number => {
    const x = a[key];
    const y = b[key];
    // Operators without a value (no handled calls, no AHT) stay at the bottom in both directions.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order * sign || collator.compare(a.name, b.name);
  };
}

function TableSkeleton() {
  const t = useT();
  return (
    <LoadingRegion label={t('app.loading')}>
      <div className="table-skeleton">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <div className="table-skeleton-row" key={i}>
            <Skeleton width="18%" />
            <Skeleton width="12%" />
            <Skeleton width="8%" />
            <Skeleton width="8%" />
            <Skeleton width="8%" />
            <Skeleton width="10%" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}

export function OperatorTable({
  activity,
  fmt,
}: {
  activity: UseQueryResult<ActivityResponse>;
  fmt: Formatters;
}) {
  const t = useT();
  const filterId = useId();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'calls',
    direction: 'descending',
  });
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const operators = activity.data?.operators;

  const collator = useMemo(
    () => new Intl.Collator(fmt.locale, { sensitivity: 'base', numeric: true }),
    [fmt.locale],
  );
  const rows = useMemo(() => {
    if (!operators) return [];
    const q = deferredQuery.trim().toLocaleLowerCase(fmt.locale);
    const matching = q
      ? operators.filter(
          (o) =>
            o.name.toLocaleLowerCase(fmt.locale).includes(q) ||
            o.teamName.toLocaleLowerCase(fmt.locale).includes(q),
        )
      : operators;
    return [...matching].sort(compareBy(sort.key, sort.direction, collator));
  }, [operators, deferredQuery, sort, collator, fmt.locale]);
  const totals = useMemo(() => activityTotals(rows), [rows]);

  const allTotals = operators ? activityTotals(operators) : null;
  const empty = allTotals !== null && allTotals.calls === 0 && allTotals.orders === 0;

  const onSort = (col: Column) =>
    setSort((s) =>
      s.key === col.key
        ? { key: col.key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : // Figures read best largest first, names from A.
          { key: col.key, direction: col.numeric ? 'descending' : 'ascending' },
    );

  let body: ReactNode;
  if (activity.isError && !operators) {
    body = <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  } else if (!operators) {
    body = <TableSkeleton />;
  } else if (empty) {
    body = <EmptyState title={t('operators.empty')} />;
  } else {
    body = (
      <div className={activity.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
        <table className="data-table">
          <thead>
            <tr>
              {COLUMNS.map((col) => {
                const active = sort.key === col.key;
                return (
                  <th
                    key={col.key}
                    scope="col"
                    className={col.numeric ? 'num' : undefined}
                    aria-sort={active ? sort.direction : undefined}
                  >
                    <button
                      type="button"
                      className={active ? 'sort-button is-sorted' : 'sort-button'}
                      onClick={() => onSort(col)}
                      title={t('operators.sortHint', { column: t(col.label) })}
                    >
                      <span>{t(col.label)}</span>
                      <SortIcon direction={active ? sort.direction : null} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.operatorId}>
                {COLUMNS.map((col) =>
                  col.key === 'name' ? (
                    <th key={col.key} scope="row" className="cell-name">
                      {o.name}
                    </th>
                  ) : (
                    <td key={col.key} className={col.numeric ? 'num' : 'cell-muted'}>
                      {col.cell(o, fmt, t)}
                    </td>
                  ),
                )}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={COLUMNS.length} className="cell-empty">
                  {t('operators.noMatch', { query: deferredQuery.trim() })}
                </td>
              </tr>
            )}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('operators.total')}</th>
                {COLUMNS.slice(1).map((col) => (
                  <td key={col.key} className={col.numeric ? 'num' : undefined}>
                    {col.numeric ? col.cell(totals, fmt, t) : ''}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="operators-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="operators-title">
            {t('operators.title')}
          </h2>
          {operators && !empty && (
            <span className="card-meta" aria-live="polite">
              {t('operators.count', { count: fmt.integer(rows.length) })}
            </span>
          )}
        </div>
        {operators && !empty && operators.length > 1 && (
          <div className="search">
            <label htmlFor={filterId} className="visually-hidden">
              {t('operators.filter')}
            </label>
            <input
              id={filterId}
              className="input input-small"
              type="search"
              placeholder={t('operators.filterPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        )}
      </header>
      {body}
    </section>
  );
}
