import { SortIcon } from '../../components/icons.tsx';
import type { SortOrder } from './queue-params.ts';

/** A column header that sorts by its key; it says which way it is sorted. */
export function SortHeader({
  label,
  k,
  sort,
  order,
  onSort,
  numeric,
}: {
  label: string;
  k: string;
  sort: string;
  order: SortOrder;
  onSort(k: string): void;
  numeric?: boolean;
}) {
  const active = sort === k;
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className={active ? 'sort-button is-sorted' : 'sort-button'}
        onClick={() => onSort(k)}
      >
        <span>{label}</span>
        <SortIcon direction={active ? (order === 'asc' ? 'ascending' : 'descending') : null} />
      </button>
    </th>
  );
}
