import type { Stores } from '../../stores/stores.ts';
import type { ScoringSettings } from '../scoring/score-range.ts';
import { payrollCsv } from './export-csv.ts';
import { payrollXlsx } from './export-xlsx.ts';
import { payRows, storedExport } from './pay-periods.service.ts';
import { payrollLines } from './payroll-rows.ts';

export interface ExportOptions {
  format: 'csv' | 'xlsx';
  delimiter: ',' | ';';
  decimal: '.' | ',';
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  source: 'live' | 'snapshot';
}

/**
 * The payroll file of a month. An approved month's file is made from its snapshot (the workbook
 * is the one stored at approval), so it is the same, byte for byte, every time it is asked for.
 */
export async function exportPayroll(
  stores: Stores,
  period: string,
  settings: ScoringSettings,
  opts: ExportOptions,
): Promise<ExportFile> {
  const { view, rows, source } = await payRows(stores, period, settings);
  const suffix = view.status === 'approved' ? '' : '-draft';
  if (opts.format === 'xlsx') {
    const stored = view.status === 'approved' ? await storedExport(stores.db, period, 'xlsx') : null;
    return {
      fileName: `payroll-${period}${suffix}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: stored ?? (await payrollXlsx(payrollLines(rows))),
      source,
    };
  }
  return {
    fileName: `payroll-${period}${suffix}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: payrollCsv(payrollLines(rows), { delimiter: opts.delimiter, decimal: opts.decimal }),
    source,
  };
}
