import { type CsvDelimiter, csvRecords, csvText, majorUnits } from '../../core/spreadsheet-cells.ts';
import { PAYROLL_HEADER, type PayrollLine } from './payroll-rows.ts';

export interface CsvOptions {
  delimiter: CsvDelimiter;
  /** Decimal separator of amounts; `,` for spreadsheets set to a comma-decimal locale. */
  decimal: '.' | ',';
}

/**
 * The payroll file as CSV: UTF-8 with a byte-order mark so Excel reads the names right, one row
 * per operator. The same lines always give the same bytes. Text cells are quoted for the delimiter
 * and made formula-safe for a reading on either delimiter (spreadsheet-cells.ts).
 */
export function payrollCsv(lines: readonly PayrollLine[], opts: CsvOptions): Buffer {
  const money = (v: number | null) => (v === null ? '' : majorUnits(v, opts.decimal));
  const records = lines.map((l) => [
    csvText(l.employeeId),
    csvText(l.name),
    csvText(l.team),
    l.period,
    csvText(l.currency),
    money(l.variableBase),
    l.coefficient.toFixed(4).replace('.', opts.decimal),
    money(l.payout),
    money(l.adjustment),
    csvText(l.reasons),
  ]);
  const text = csvRecords([[...PAYROLL_HEADER], ...records], opts.delimiter);
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}
