import { stringify } from 'csv-stringify/sync';
import { PAYROLL_HEADER, type PayrollLine } from './payroll-rows.ts';
import { majorUnits, safeText } from './spreadsheet-cells.ts';

export interface CsvOptions {
  delimiter: ',' | ';';
  /** Decimal separator of amounts; `,` for spreadsheets set to a comma-decimal locale. */
  decimal: '.' | ',';
}

/**
 * The payroll file as CSV: UTF-8 with a byte-order mark so Excel reads the names right, one row
 * per operator. The same lines always give the same bytes.
 */
export function payrollCsv(lines: readonly PayrollLine[], opts: CsvOptions): Buffer {
  const money = (v: number | null) => (v === null ? '' : majorUnits(v, opts.decimal));
  const records = lines.map((l) => [
    safeText(l.employeeId),
    safeText(l.name),
    safeText(l.team),
    l.period,
    safeText(l.currency),
    money(l.variableBase),
    l.coefficient.toFixed(4).replace('.', opts.decimal),
    money(l.payout),
    money(l.adjustment),
    safeText(l.reasons),
  ]);
  const text = stringify([[...PAYROLL_HEADER], ...records], {
    delimiter: opts.delimiter,
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$/,
  });
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}
