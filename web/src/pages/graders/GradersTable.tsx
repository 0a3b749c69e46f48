import type { GraderRow } from '../../../../schemas/graders.ts';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/states.tsx';
import { type Formatters, useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { SortHeader } from '../call-queue/SortHeader.tsx';
import { type GraderSort, type Order, sortGraders } from './sort.ts';

const dash = '—';
const ratio = (fmt: Formatters, v: number | null) => (v === null ? dash : fmt.percent(v, 1));
/** A deviation from the calibration basis, signed: below it is stricter, above it more lenient. */
const signed = (fmt: Formatters, v: number | null) =>
  v === null ? dash : v > 0 ? `+${fmt.decimal(v, 2)}` : fmt.decimal(v, 2);

/** The monitors of the month, one row each, sorted by any figure; a row opens his evaluations. */
export function GradersTable({
  rows,
  sort,
  order,
  selected,
  onSort,
  onSelect,
}: {
  rows: readonly GraderRow[];
  sort: GraderSort;
  order: Order;
  selected: string | null;
  onSort(k: GraderSort): void;
  onSelect(monitor: string): void;
}) {
  const t = useT();
  const fmt = useFormat();
  const head = (k: GraderSort, label: string, numeric = true) => (
    <SortHeader
      label={label}
      k={k}
      sort={sort}
      order={order}
      onSort={(x) => onSort(x as GraderSort)}
      numeric={numeric}
    />
  );
  return (
    <Card
      id="graders-title"
      title={t('gr.table.title')}
      meta={<span className="card-meta">{t('gr.table.meta', { count: rows.length })}</span>}
    >
      {rows.length === 0 ? (
        <EmptyState title={t('gr.empty.title')}>{t('gr.empty.body')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="graders-table">
            <thead>
              <tr>
                {head('name', t('gr.col.monitor'), false)}
                {head('evaluations', t('gr.col.evaluations'))}
                {head('medianGradingSeconds', t('gr.col.gradingTime'))}
                {head('strictness', t('gr.col.strictness'))}
                {head('referenceAgreement', t('gr.col.reference'))}
                {head('disputedShare', t('gr.col.disputed'))}
                {head('revisedShare', t('gr.col.revised'))}
                {head('autoqaAgreement', t('gr.col.autoqa'))}
              </tr>
            </thead>
            <tbody>
              {sortGraders(rows, sort, order).map((r) => (
                <tr key={r.monitor} className={r.monitor === selected ? 'is-expanded' : undefined}>
                  <td className="cell-name">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={r.monitor === selected}
                      onClick={() => onSelect(r.monitor)}
                    >
                      {r.displayName}
                    </button>
                    <span className="cell-sub">{r.monitor}</span>
                  </td>
                  <td className="num">{fmt.integer(r.evaluations)}</td>
                  <td className="num">
                    {r.medianGradingSeconds === null ? dash : fmt.duration(r.medianGradingSeconds)}
                    <span className="cell-sub">{t('gr.timed', { count: r.timed })}</span>
                  </td>
                  <td className="num">
                    {signed(fmt, r.strictness)}
                    <span className="cell-sub">{t('gr.sessions', { count: r.calibrationSessions })}</span>
                  </td>
                  <td className="num">
                    {ratio(fmt, r.referenceAgreement)}
                    <span className="cell-sub">{t('gr.questions', { count: r.referenceQuestions })}</span>
                  </td>
                  <td className="num">
                    {ratio(fmt, r.disputedShare)}
                    <span className="cell-sub">{fmt.integer(r.disputed)}</span>
                  </td>
                  <td className="num">
                    {ratio(fmt, r.revisedShare)}
                    <span className="cell-sub">{fmt.integer(r.revised)}</span>
                  </td>
                  <td className="num">
                    {ratio(fmt, r.autoqaAgreement)}
                    <span className="cell-sub">{t('gr.answers', { count: r.autoqaCompared })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="card-body">
        <p className="aside-note">{t('gr.table.note')}</p>
      </div>
    </Card>
  );
}
