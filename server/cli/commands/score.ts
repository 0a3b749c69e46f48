import { period as periodSchema } from '../../../schemas/period.ts';
import type { ScorecardRow } from '../../../schemas/scorecard.ts';
import { resolveDataDir } from '../../config.ts';
import { payRows } from '../../payroll/pay-periods.service.ts';
import { csvRecords, csvText } from '../../payroll/spreadsheet-cells.ts';
import { openDataDir } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';

const FORMATS = ['table', 'csv', 'json'] as const;

export function periodFlag(value: string | undefined): string {
  const parsed = periodSchema.safeParse(value ?? '');
  if (!parsed.success) throw new UsageError('--period YYYY-MM is required (e.g. --period 2026-10)');
  return parsed.data;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const money = (v: number | null) => (v === null ? '—' : (v / 100).toFixed(2));

/** A plain text table, the columns a department head reads first. */
function table(rows: readonly ScorecardRow[]): string {
  const head = [
    'operator',
    'name',
    'team',
    'tasks',
    'quality',
    'targets',
    'claims',
    'errors',
    'neg',
    'coef',
    'payout',
  ];
  const body = rows.map((r) => {
    const s = r.scorecard;
    return [
      s.operatorId,
      r.name,
      r.teamName,
      `${s.tasksCompleted}/${s.tasksNorm ?? '—'}`,
      s.qualityScore === null ? '—' : s.qualityScore.toFixed(2),
      pct(s.teamAchievement),
      `${s.internalClaims}+${s.clientClaims}`,
      pct(s.orderErrorRate),
      String(s.negativeAssessments),
      s.coefficient.toFixed(4),
      money(s.payout),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const numeric = new Set([3, 4, 5, 6, 7, 8, 9, 10]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/** `--format csv`: every scorecard key, then who the operator is, the deductions and the flags. */
export function scorecardsCsv(rows: readonly ScorecardRow[]): string {
  const keys = Object.keys(rows[0]?.scorecard ?? {}).filter((k) => k !== 'deductions' && k !== 'flags');
  const header = [
    ...keys,
    'name',
    'team',
    ...Object.keys(rows[0]?.scorecard.deductions ?? {}).map((k) => `deduction_${k}`),
    'flags',
  ];
  const records = rows.map((r) => {
    const s = r.scorecard as unknown as Record<string, unknown>;
    return [
      // Numbers as they are (a negative adjustment stays a number), text made formula-safe.
      ...keys.map((k) =>
        s[k] === null ? '' : typeof s[k] === 'number' ? String(s[k]) : csvText(String(s[k])),
      ),
      csvText(r.name),
      csvText(r.teamName),
      ...Object.values(r.scorecard.deductions).map(String),
      r.scorecard.flags.join(' '),
    ];
  });
  return csvRecords([header, ...records], ',', '\n');
}

/** `callscore score --period YYYY-MM [--team T] [--format table|csv|json]` */
export async function scoreCommand(argv: string[]) {
  const { values } = cliArgs(argv, {
    period: { type: 'string' },
    team: { type: 'string' },
    format: { type: 'string' },
  });
  const period = periodFlag(values.period);
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const settings = await readSettings(rt.db);
    const { rows } = await payRows(rt, period, settings);
    const picked = values.team ? rows.filter((r) => r.teamId === values.team) : rows;
    if (values.team && picked.length === 0) throw new UsageError(`no operators in team "${values.team}"`);
    if (format === 'json')
      console.log(
        JSON.stringify(
          picked.map((r) => r.scorecard),
          null,
          2,
        ),
      );
    else if (format === 'csv') process.stdout.write(scorecardsCsv(picked));
    else console.log(table(picked));
  } finally {
    await rt.close();
  }
}
