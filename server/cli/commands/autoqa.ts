import type { AutoqaCallRow } from '../../../schemas/autoqa.ts';
import { autoqaRows, runAutoqaAudited } from '../../autoqa/autoqa.service.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { cliArgs, UsageError } from '../args.ts';
import { progressBar } from '../progress-bar.ts';
import { periodFlag } from './score.ts';

const FORMATS = ['table', 'json'] as const;
const MARK = { pass: '✓', fail: '✗', na: '–' } as const;

/**
 * A plain text table: who, then one column per check (✓ pass, ✗ fail, – not applicable), then
 * the call's auto score (— without one).
 */
export function autoqaTable(rows: readonly AutoqaCallRow[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.checks)))];
  const head = ['call', 'operator', 'lang', ...keys, 'auto'];
  const body = rows.map((r) => [
    r.callId,
    r.operatorId ?? '',
    r.language,
    ...keys.map((k) => {
      const v = r.checks[k];
      return v ? MARK[v] : '';
    }),
    r.autoScore === null ? '—' : r.autoScore.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  const passed = (k: string) => rows.filter((r) => r.checks[k] === 'pass').length;
  const applied = (k: string) => rows.filter((r) => r.checks[k] && r.checks[k] !== 'na').length;
  const rates = keys.map((k) => `${k} ${passed(k)}/${applied(k)}`).join(', ');
  return [line(head), ...body.map(line), '', `passed of applicable: ${rates}`].join('\n');
}

/**
 * `callscore autoqa --period YYYY-MM [--format table|json]`: checks the month's transcribed calls
 * not yet checked under the rule set in force, then prints every transcribed call's results.
 */
export async function autoqaCommand(argv: string[]) {
  const { values } = cliArgs(argv, { period: { type: 'string' }, format: { type: 'string' } });
  const period = periodFlag(values.period);
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const bar = progressBar(`autoqa ${period}`, true);
    await runAutoqaAudited(rt, period, 'cli', (done, total) =>
      bar.update('checking', total ? done / total : 1),
    );
    bar.done();
    const rows = await autoqaRows(rt, period);
    if (format === 'json') console.log(JSON.stringify(rows, null, 2));
    else console.log(autoqaTable(rows));
  } finally {
    await rt.close();
  }
}
