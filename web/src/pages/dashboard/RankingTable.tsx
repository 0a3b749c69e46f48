import type { UseQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
} from 'react';
import { Link, useNavigate } from 'react-router';
import type { RankingEntry, RankingResponse } from '../../../../schemas/scorecard.ts';
import { SortIcon } from '../../components/icons.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { columnOf, formatCell, RANKING_COLUMNS, rankingCsv, sortRows } from './ranking.ts';
import type { DashboardFilters } from './useDashboardFilters.ts';

const ROW_PX = 41;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function coefClass(c: number) {
  return c < 0.8 ? 'coef coef-low' : c < 1 ? 'coef coef-mid' : 'coef';
}

/**
 * Every operator of the view with every criterion and the coefficient. Sorting and the filter
 * live in the URL (a tile links here sorted by its criterion); only the rows in sight are drawn,
 * so thousands of operators scroll smoothly.
 */
export function RankingTable({
  cards,
  filters,
  operatorPeriod,
  fileLabel,
  fmt,
  scrollRef,
}: {
  cards: UseQueryResult<RankingResponse>;
  filters: DashboardFilters;
  /** The month an operator's page opens on. */
  operatorPeriod: string | null;
  fileLabel: string;
  fmt: Formatters;
  scrollRef: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const filterId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const query = useDeferredValue(filters.query);
  const collator = useMemo(
    () => new Intl.Collator(fmt.locale, { sensitivity: 'base', numeric: true }),
    [fmt.locale],
  );
  const sortCol =
    columnOf(filters.sort?.key ?? '') ??
    (columnOf('coefficient') as NonNullable<ReturnType<typeof columnOf>>);
  const direction = filters.sort?.direction ?? 'ascending';
  const rows = cards.data?.operators;

  const shown = useMemo(() => {
    if (!rows) return [];
    const q = query.trim().toLocaleLowerCase(fmt.locale);
    const matching = q
      ? rows.filter(
          (r) =>
            r.name.toLocaleLowerCase(fmt.locale).includes(q) ||
            r.teamName.toLocaleLowerCase(fmt.locale).includes(q) ||
            r.scorecard.operatorId.toLocaleLowerCase(fmt.locale).includes(q),
        )
      : rows;
    return sortRows(matching, sortCol, direction, collator);
  }, [rows, query, sortCol, direction, collator, fmt.locale]);

  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  // A new order starts at its top: the rows in sight before are no longer the first ones.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the order changes, by design
  useEffect(() => {
    bodyRef.current?.scrollTo({ top: 0 });
  }, [sortCol.key, direction]);

  // The sorted column stays in sight: the default order (the coefficient) and most criteria a
  // tile opens are columns to the right of what a laptop's screen shows of the table.
  const hasRows = rows !== undefined && rows.length > 0;
  useEffect(() => {
    const box = bodyRef.current;
    if (!hasRows || !box) return;
    const keep = () => {
      const head = box.querySelector<HTMLElement>(`[data-sort="${sortCol.key}"]`)?.closest('th');
      if (!head) return;
      // The name column stays at the left edge when the table scrolls, over what passes under it.
      const covered = box.querySelector<HTMLElement>('thead th.sticky-col')?.offsetWidth ?? 0;
      const left = head.offsetLeft;
      const right = left + head.offsetWidth;
      if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth;
      else if (left < box.scrollLeft + covered) box.scrollLeft = Math.max(0, left - covered);
    };
    keep();
    // The columns widen as their figures and names arrive, and the box narrows when the page
    // grows a scroll bar: the sorted column is kept in sight through those first changes of size.
    const table = box.querySelector('table');
    const sizes = new ResizeObserver(keep);
    sizes.observe(box);
    if (table) sizes.observe(table);
    return () => sizes.disconnect();
  }, [sortCol.key, hasRows]);

  const href = (r: RankingEntry) =>
    `/operators/${encodeURIComponent(r.scorecard.operatorId)}${operatorPeriod ? `?period=${operatorPeriod}` : ''}`;

  const onSort = (key: string) => {
    const col = columnOf(key);
    if (!col) return;
    const next =
      sortCol.key === key ? (direction === 'ascending' ? 'descending' : 'ascending') : col.worstFirst;
    filters.update({ sort: key, dir: next === 'ascending' ? 'asc' : 'desc' }, { replace: true });
  };

  // Arrow keys move between the rows' links; the virtualiser brings the next row into sight.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const link = (e.target as HTMLElement).closest('tr')?.dataset.index;
    if (link === undefined) return;
    e.preventDefault();
    const next = Number(link) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= shown.length) return;
    virtual.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() =>
      bodyRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${next}"] a`)?.focus(),
    );
  };

  let body: ReactNode;
  if (cards.isError && !rows) {
    body = <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />;
  } else if (!rows) {
    body = (
      <LoadingRegion label={t('app.loading')}>
        <div className="table-skeleton">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <div className="table-skeleton-row" key={i}>
              <Skeleton width="18%" />
              <Skeleton width="12%" />
              <Skeleton width="8%" />
              <Skeleton width="8%" />
              <Skeleton width="10%" />
            </div>
          ))}
        </div>
      </LoadingRegion>
    );
  } else if (rows.length === 0) {
    body = <EmptyState title={t('ranking.empty')} />;
  } else {
    body = (
      // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the rows' links
      <div
        className={
          cards.isPlaceholderData ? 'table-scroll ranking-scroll is-stale' : 'table-scroll ranking-scroll'
        }
        ref={bodyRef}
        onKeyDown={onKeyDown}
      >
        <table className="data-table ranking-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr>
              <th scope="col" className="num rank-col">
                {t('ranking.col.rank')}
              </th>
              {RANKING_COLUMNS.map((col) => {
                const active = sortCol.key === col.key;
                const numeric = col.format !== 'text';
                return (
                  <th
                    key={col.key}
                    scope="col"
                    className={
                      `${numeric ? 'num' : ''} ${col.key === 'name' ? 'sticky-col' : ''}`.trim() || undefined
                    }
                    aria-sort={active ? direction : undefined}
                  >
                    <button
                      type="button"
                      className={active ? 'sort-button is-sorted' : 'sort-button'}
                      onClick={() => onSort(col.key)}
                      title={t('operators.sortHint', { column: t(col.label) })}
                      data-sort={col.key}
                    >
                      <span>{t(col.label)}</span>
                      <SortIcon direction={active ? direction : null} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="spacer">
                <td colSpan={RANKING_COLUMNS.length + 1} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const r = shown[item.index] as RankingEntry;
              return (
                <tr
                  key={r.scorecard.operatorId}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className="ranking-row"
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('a')) return;
                    navigate(href(r));
                  }}
                >
                  <td className="num cell-muted rank-col">{fmt.integer(item.index + 1)}</td>
                  {RANKING_COLUMNS.map((col) => {
                    const v = col.value(r);
                    if (col.key === 'name')
                      return (
                        <th key={col.key} scope="row" className="cell-name sticky-col">
                          <Link to={href(r)} title={t('ranking.open', { name: r.name })}>
                            {r.name}
                          </Link>
                        </th>
                      );
                    const text = formatCell(v, col.format, fmt, t);
                    return (
                      <td
                        key={col.key}
                        className={
                          col.format === 'text' ? 'cell-muted' : v === null ? 'num cell-muted' : 'num'
                        }
                      >
                        {col.key === 'coefficient' && typeof v === 'number' ? (
                          <span className={coefClass(v)}>{text}</span>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr className="spacer">
                <td colSpan={RANKING_COLUMNS.length + 1} style={{ height: padBottom }} />
              </tr>
            )}
            {shown.length === 0 && (
              <tr>
                <td colSpan={RANKING_COLUMNS.length + 1} className="cell-empty">
                  {t('operators.noMatch', { query: query.trim() })}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="ranking-title" id="ranking" ref={scrollRef} tabIndex={-1}>
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="ranking-title">
            {t('ranking.title')}
          </h2>
          {rows && rows.length > 0 && (
            <span className="card-meta" aria-live="polite">
              {t('ranking.sortedBy', { count: fmt.integer(shown.length), column: t(sortCol.label) })}
            </span>
          )}
        </div>
        {rows && rows.length > 0 && (
          <div className="card-actions">
            <div className="search">
              <label htmlFor={filterId} className="visually-hidden">
                {t('operators.filter')}
              </label>
              <input
                id={filterId}
                className="input input-small"
                type="search"
                placeholder={t('operators.filterPlaceholder')}
                value={filters.query}
                onChange={(e) => filters.update({ q: e.target.value || null }, { replace: true })}
              />
            </div>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                download(
                  `callscore-ranking-${fileLabel}.csv`,
                  rankingCsv(shown, t, cards.data?.currency ?? fmt.currency),
                )
              }
            >
              {t('ranking.export')}
            </button>
          </div>
        )}
      </header>
      {body}
    </section>
  );
}
