/** A data-table column: its head, right-aligned when it holds numbers. */
export interface Column {
  label: string;
  num?: boolean;
}

/** A data table's header row: one head per column, in order. Labels must differ (they are the keys). */
export function ColumnHeads({ columns }: { columns: readonly (string | Column)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const { label, num } = typeof c === 'string' ? { label: c, num: false } : c;
          return (
            <th key={label} scope="col" className={num ? 'num' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
