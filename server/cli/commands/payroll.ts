import { writeFileSync } from 'node:fs';
import { resolveDataDir } from '../../config.ts';
import { approvePeriod, payPeriod, reopenPeriod } from '../../payroll/pay-periods.service.ts';
import { exportPayroll } from '../../payroll/payroll-export.ts';
import { openDataDir } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';
import { periodFlag } from './score.ts';

const USAGE =
  'callscore payroll export --period YYYY-MM [--format csv|xlsx] [--delimiter ,|;] [--decimal .|,] [--out FILE]\n' +
  '       callscore payroll approve --period YYYY-MM [--confirm-missing-bases OP-1,OP-2]\n' +
  '       callscore payroll reopen --period YYYY-MM --reason "…"\n' +
  '       callscore payroll status --period YYYY-MM';

/** Pay periods from the command line; the actor in the audit log is `cli`. */
export async function payrollCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {
    period: { type: 'string' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    decimal: { type: 'string' },
    out: { type: 'string' },
    reason: { type: 'string' },
    'confirm-missing-bases': { type: 'string' },
  });
  const [action] = positionals;
  if (!action || !['export', 'approve', 'reopen', 'status'].includes(action)) throw new UsageError(USAGE);
  const period = periodFlag(values.period);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
  const delimiter = values.delimiter ?? ',';
  if (delimiter !== ',' && delimiter !== ';') throw new UsageError('--delimiter must be , or ;');
  const decimal = values.decimal ?? '.';
  if (decimal !== '.' && decimal !== ',') throw new UsageError('--decimal must be . or ,');
  if (action === 'reopen' && !values.reason?.trim())
    throw new UsageError('re-opening a period needs --reason "…"');

  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const settings = await readSettings(rt.db);
    if (action === 'export') {
      const file = await exportPayroll(rt, period, settings, { format, delimiter, decimal });
      if (values.out) {
        writeFileSync(values.out, file.content);
        console.error(
          `${values.out}: ${file.content.length} bytes (${file.source === 'snapshot' ? 'approved' : 'open, a draft'})`,
        );
      } else if (format === 'xlsx' && process.stdout.isTTY) {
        throw new UsageError('an XLSX file is binary: give --out FILE');
      } else process.stdout.write(file.content);
    } else if (action === 'approve') {
      // The operators with no variable base, each by id, as the API's confirmMissingBases.
      const confirmMissingBases = (values['confirm-missing-bases'] ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      const view = await approvePeriod(rt, period, settings, 'cli', { confirmMissingBases });
      console.log(`${period} approved at ${view.approvedAt}`);
    } else if (action === 'reopen') {
      await reopenPeriod(rt.db, period, (values.reason as string).trim(), 'cli');
      console.log(`${period} re-opened`);
    } else {
      console.log(JSON.stringify(await payPeriod(rt.db, period), null, 2));
    }
  } finally {
    await rt.close();
  }
}
