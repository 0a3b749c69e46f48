import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { safeText } from '../../core/spreadsheet-cells.ts';
import { PAYROLL_HEADER, type PayrollLine } from './payroll-rows.ts';

const MONEY = '#,##0.00';

/**
 * The payroll file as an Excel workbook: amounts as numbers in major units with two decimals,
 * computed from integer minor units (an integer divided by 100 is the nearest double to the
 * decimal, so Excel shows it exactly).
 */
export async function payrollXlsx(lines: readonly PayrollLine[]): Promise<Buffer> {
  const money = (v: number | null) => (v === null ? null : { value: v / 100, type: Number, format: MONEY });
  const header: Row = PAYROLL_HEADER.map((h) => ({ value: h, fontWeight: 'bold' as const }));
  const rows: Row[] = lines.map((l) => [
    { value: safeText(l.employeeId), type: String },
    { value: safeText(l.name), type: String },
    { value: safeText(l.team), type: String },
    { value: l.period, type: String },
    { value: safeText(l.currency), type: String },
    money(l.variableBase),
    { value: l.coefficient, type: Number, format: '0.0000' },
    money(l.payout),
    money(l.adjustment),
    { value: safeText(l.reasons), type: String },
  ]);
  return writeXlsxFile([header, ...rows], {
    columns: [
      { width: 12 },
      { width: 28 },
      { width: 20 },
      { width: 9 },
      { width: 9 },
      { width: 14 },
      { width: 11 },
      { width: 14 },
      { width: 14 },
      { width: 60 },
    ],
    sheet: 'Payroll',
    stickyRowsCount: 1,
  }).toBuffer();
}
