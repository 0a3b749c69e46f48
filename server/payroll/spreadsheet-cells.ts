/**
 * What goes into a payroll file's cells. Text that a spreadsheet would read as a formula
 * (`=`, `+`, `-`, `@`, and tab or carriage return before them) is neutralised with a leading
 * apostrophe, so a name like `=HYPERLINK(…)` stays text. Amounts are written by us as plain
 * decimals and need no guard.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Integer minor units as a decimal string with two places, without floating point. */
export function majorUnits(minor: number, decimal: '.' | ',' = '.'): string {
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${minor < 0 ? '-' : ''}${whole}${decimal}${cents}`;
}
