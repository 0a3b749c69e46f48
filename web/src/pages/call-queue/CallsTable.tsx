import type { CallListItem } from '../../../../schemas/calls.ts';
import { useClock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CallRow } from './CallRow.tsx';
import { type SortOrder, toggled } from './queue-params.ts';
import { SortHeader } from './SortHeader.tsx';

/**
 * One page of the search's calls, sortable by start, operator and talk time, each with the AutoQA
 * checks it failed; a lead ticks calls.
 */
export function CallsTable({
  rows,
  stale,
  sort,
  order,
  onSort,
  lead,
  selected,
  onSelect,
  fmt,
  checkLabel,
}: {
  rows: readonly CallListItem[];
  stale: boolean;
  sort: string;
  order: SortOrder;
  onSort(key: string): void;
  lead: boolean;
  selected: readonly string[];
  onSelect(update: (selected: string[]) => string[]): void;
  fmt: Formatters;
  /** A check's label in the user's language, by its key. */
  checkLabel(key: string): string;
}) {
  const t = useT();
  const dt = useClock();
  const sortable = { sort, order, onSort };
  return (
    <div className={stale ? 'table-scroll is-stale' : 'table-scroll'}>
      <table className="data-table calls-table">
        <thead>
          <tr>
            {lead && (
              <th scope="col">
                <span className="visually-hidden">{t('qa.search.select')}</span>
              </th>
            )}
            <th scope="col">{t('qa.col.call')}</th>
            <SortHeader label={dt.withZone(t('qa.col.started'))} k="startedAt" {...sortable} />
            <SortHeader label={t('qa.col.operator')} k="operator" {...sortable} />
            <th scope="col">{t('qa.col.type')}</th>
            <SortHeader label={t('qa.col.talk')} k="talk" {...sortable} numeric />
            <th scope="col">{t('qa.col.disposition')}</th>
            <th scope="col" className="num">
              {t('qa.col.evaluations')}
            </th>
            <th scope="col">{t('aq.col.failedChecks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <CallRow
              key={c.callId}
              c={c}
              fmt={fmt}
              dt={dt}
              lead={lead}
              checked={selected.includes(c.callId)}
              onCheck={(on) => onSelect((s) => toggled(s, c.callId, on))}
              checkLabel={checkLabel}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
