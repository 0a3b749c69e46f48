/**
 * What goes into the cells of an exported file. Shared by every export (the payroll CSV and
 * XLSX, `callscore score --format csv`, the web app's ranking CSV), so they all guard the same way.
 */

/** A formula start: what makes a spreadsheet run a cell's text (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * An XLSX text cell: a cell is a cell there, so only its start matters. Text a spreadsheet would
 * read as a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so a
 * name like `=HYPERLINK(…)` stays text. Amounts are written by us as numbers and need no guard.
 */
export function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV text cell. A spreadsheet may split a file on `,` or on `;` whatever the file was written
 * with (its locale decides), and may break lines inside quotes, so any field it could see starts
 * at the cell's start or after a `,`, `;`, CR or LF inside it, spaces and quotes skipped. Each such
 * start that is a formula character gets an apostrophe in front: `a;=1+1` → `a;'=1+1`, which
 * no reading of the file turns into a field beginning with `=`.
 */
export function csvText(value: string): string {
  return value.replace(/(^|[,;\r\n])(?=[ "]*[=+\-@\t\r])/g, "$1'");
}

export type CsvDelimiter = ',' | ';';

/**
 * One field as RFC 4180 writes it for `delimiter`: quoted when it holds the delimiter, a quote,
 * CR or LF (a lone LF too: a record ends at CRLF, but a spreadsheet ends it at either), or
 * starts or ends with a space, which a reader might trim; quotes inside doubled.
 */
export function csvField(value: string, delimiter: CsvDelimiter): string {
  const needs = value.includes(delimiter) || /["\r\n]|^\s|\s$/.test(value);
  return needs ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records of fields as CSV, every record ended by `eol` (CRLF unless said). */
export function csvRecords(
  records: readonly (readonly string[])[],
  delimiter: CsvDelimiter,
  eol = '\r\n',
): string {
  return records.map((r) => r.map((f) => csvField(f, delimiter)).join(delimiter) + eol).join('');
}

/** Integer minor units as a decimal string with two places, without floating point. */
export function majorUnits(minor: number, decimal: '.' | ',' = '.'): string {
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${minor < 0 ? '-' : ''}${whole}${decimal}${cents}`;
}
