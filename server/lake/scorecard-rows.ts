import type { DuckDBConnection } from '@duckdb/node-api';
import type { Stores } from '../../stores/stores.ts';
import { payRows } from '../payroll/pay-periods.service.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { stagedColumns, stageRows } from './stage-rows.ts';

/**
 * One month's scorecards as flat rows: every key of `callscore score --format json` (its
 * numbers as they are), each deduction as `deduction_<key>`, the flags as JSON text, and who the
 * operator is. An approved month gives its snapshot, as the command does.
 */
async function monthRows(stores: Stores, month: string): Promise<Record<string, unknown>[]> {
  const settings = await readSettings(stores.db);
  const { rows } = await payRows(stores, month, settings);
  return rows.map((r) => {
    const flat: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(r.scorecard)) {
      if (key === 'deductions' && value && typeof value === 'object') {
        for (const [d, v] of Object.entries(value)) flat[`deduction_${d}`] = v;
      } else if (key === 'flags') flat.flags = JSON.stringify(value);
      else flat[key] = value;
    }
    flat.period = month;
    flat.name = r.name;
    flat.teamId = r.teamId;
    flat.teamName = r.teamName;
    flat.department = r.department;
    return flat;
  });
}

/** Stages the scorecards of `months` as `src_scorecards`. */
export async function stageScorecards(
  stores: Stores,
  c: DuckDBConnection,
  months: readonly string[],
): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const month of months) rows.push(...(await monthRows(stores, month)));
  // Every figure as DOUBLE: a criterion whole in one month and not in the next keeps one type
  // across the table's files.
  const columns = stagedColumns(rows).map((col) =>
    col.type === 'BIGINT' ? { ...col, type: 'DOUBLE' as const } : col,
  );
  // No month scored: the table still has the columns the query names.
  if (columns.length === 0)
    columns.push({ name: 'operatorId', type: 'VARCHAR' }, { name: 'period', type: 'VARCHAR' });
  await stageRows(c, 'src_scorecards', columns, rows);
}
