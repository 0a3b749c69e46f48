import { Fragment, useDeferredValue, useId, useMemo, useState } from 'react';
import type { ScorecardRow } from '../../../../schemas/scorecard.ts';
import { SortIcon } from '../../components/icons.tsx';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { Explanation, share } from './Explanation.tsx';

type SortKey = 'name' | 'team' | 'coefficient' | 'base' | 'payout' | 'adjustment';
type Direction = 'ascending' | 'descending';

const VALUE: Record<SortKey, (r: ScorecardRow) => string | number | null> = {
  name: (r) => r.name,
  team: (r) => r.teamName,
  coefficient: (r) => r.scorecard.coefficient,
  base: (r) => r.scorecard.variableBase,
  payout: (r) => r.scorecard.payout,
  adjustment: (r) => r.scorecard.adjustment,
};

const COLUMNS: readonly { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'name', label: 'payroll.col.name', numeric: false },
  { key: 'team', label: 'payroll.col.team', numeric: false },
  { key: 'coefficient', label: 'payroll.col.coefficient', numeric: true },
  { key: 'base', label: 'payroll.col.base', numeric: true },
  { key: 'payout', label: 'payroll.col.payout', numeric: true },
  { key: 'adjustment', label: 'payroll.col.adjustment', numeric: true },
];

/** The two deductions that cost the most, for the row; the full list opens below it. */
function mainReasons(r: ScorecardRow) {
  return r.explanation
    .filter((l) => l.fraction > 0)
    .sort((a, b) => b.fraction - a.fraction)
    .slice(0, 2);
}

export function PayrollTable({ rows, fmt }: { rows: readonly ScorecardRow[]; fmt: Formatters }) {
  const t = useT();
  const filterId = useId();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'coefficient',
    direction: 'ascending',
  });
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const collator = useMemo(
    () => new Intl.Collator(fmt.locale, { sensitivity: 'base', numeric: true }),
    [fmt.locale],
  );

  const shown = useMemo(() => {
    const q = deferred.trim().toLocaleLowerCase(fmt.locale);
    const matching = q
      ? rows.filter(
          (r) =>
            r.name.toLocaleLowerCase(fmt.locale).includes(q) ||
            r.teamName.toLocaleLowerCase(fmt.locale).includes(q) ||
            r.scorecard.operatorId.toLocaleLowerCase(fmt.locale).includes(q),
        )
      : rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const value = VALUE[sort.key];
    return [...matching].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order * sign || collator.compare(a.name, b.name);
    });
  }, [rows, deferred, sort, collator, fmt.locale]);

  const onSort = (key: SortKey, numeric: boolean) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: numeric && key !== 'coefficient' ? 'descending' : 'ascending' },
    );

  return (
    <section className="card" aria-labelledby="payroll-table-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="payroll-table-title">
            {t('payroll.table.title')}
          </h2>
          <span className="card-meta" aria-live="polite">
            {t('operators.count', { count: fmt.integer(shown.length) })}
          </span>
        </div>
        <div className="search">
          <label htmlFor={filterId} className="visually-hidden">
            {t('payroll.table.filter')}
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
      </header>
      <div className="table-scroll">
        <table className="data-table payroll-table">
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
                      onClick={() => onSort(col.key, col.numeric)}
                      title={t('operators.sortHint', { column: t(col.label) })}
                    >
                      <span>{t(col.label)}</span>
                      <SortIcon direction={active ? sort.direction : null} />
                    </button>
                  </th>
                );
              })}
              <th scope="col">{t('payroll.col.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const s = r.scorecard;
              const id = s.operatorId;
              const expanded = open === id;
              const reasons = mainReasons(r);
              return (
                <Fragment key={id}>
                  <tr className={expanded ? 'is-expanded' : undefined}>
                    <th scope="row" className="cell-name">
                      {r.name}
                      <span className="cell-sub">{id}</span>
                    </th>
                    <td className="cell-muted">{r.teamName}</td>
                    <td className="num">
                      <span
                        className={
                          s.coefficient < 0.8 ? 'coef coef-low' : s.coefficient < 1 ? 'coef coef-mid' : 'coef'
                        }
                      >
                        {fmt.decimal(s.coefficient, 4)}
                      </span>
                    </td>
                    <td className="num">{s.variableBase === null ? '—' : fmt.money(s.variableBase)}</td>
                    <td className="num">{s.payout === null ? '—' : fmt.money(s.payout)}</td>
                    <td className="num">{s.adjustment === null ? '—' : fmt.money(s.adjustment)}</td>
                    <td>
                      <button
                        type="button"
                        className="reason-button"
                        aria-expanded={expanded}
                        aria-controls={`explain-${id}`}
                        onClick={() => setOpen(expanded ? null : id)}
                      >
                        {reasons.length === 0 ? (
                          <span className="cell-muted">{t('payroll.noDeduction')}</span>
                        ) : (
                          reasons.map((l) => (
                            <span key={l.key} className="reason">
                              {t(`deduction.${l.key}`)} <strong>−{share(l.fraction, fmt)}</strong>
                            </span>
                          ))
                        )}
                        <span className="reason-more">{t('payroll.explain')}</span>
                      </button>
                    </td>
                  </tr>
                  {expanded && (
                    <tr className="explain-row" id={`explain-${id}`}>
                      <td colSpan={COLUMNS.length + 1}>
                        <Explanation row={r} fmt={fmt} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
