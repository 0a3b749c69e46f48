import { z } from 'zod';
import { metricValue } from '../../../core/metric-values.ts';
import { csvRecords, csvText } from '../../../core/spreadsheet-cells.ts';
import {
  type DeductionKey,
  joinFlags,
  METRICS,
  type MetricDef,
  RANKING_COLUMNS,
  type Unit,
} from '../../../schemas/criteria.ts';
import {
  checkPeriod,
  MAX_RANGE_DAYS,
  monthPeriod,
  type Period,
  periodFields,
  periodOfQuery,
  period as periodSchema,
} from '../../../schemas/period.ts';
import type { ScorecardRow } from '../../../schemas/scorecard.ts';
import { resolveDataDir } from '../../config.ts';
import { payRows } from '../../payroll/pay-periods.service.ts';
import { openDataDir } from '../../runtime.ts';
import { cachedScoreRange } from '../../scoring/score-cache.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';

const FORMATS = ['table', 'csv', 'json'] as const;

export function periodFlag(value: string | undefined): string {
  const parsed = periodSchema.safeParse(value ?? '');
  if (!parsed.success) throw new UsageError('--period YYYY-MM is required (e.g. --period 2026-10)');
  return parsed.data;
}

/** `--period YYYY-MM`, or `--from` and `--to` local dates (`to` exclusive), checked as the API checks them. */
export function periodFlags(values: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Period {
  // A month alone keeps the message every command that takes --period gives.
  if (values.from === undefined && values.to === undefined) return monthPeriod(periodFlag(values.period));
  const q = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const parsed = z
    .object(periodFields)
    .superRefine(checkPeriod({ maxDays: MAX_RANGE_DAYS }))
    .safeParse(q);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'period')}: ${i.message}`).join('; ');
    throw new UsageError(`${why} (e.g. --period 2026-10, or --from 2026-10-05 --to 2026-10-20)`);
  }
  return periodOfQuery(parsed.data);
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const money = (v: number | null) => (v === null ? '—' : (v / 100).toFixed(2));

/** A figure in the CLI's table, by its unit. */
function cell(v: number | null, unit: Unit): string {
  if (v === null) return '—';
  if (unit === 'ratio') return pct(v);
  if (unit === 'score') return v.toFixed(2);
  if (unit === 'seconds') return v.toFixed(1);
  return String(v);
}

/**
 * A plain text table, the columns a department head reads first: who, the metrics the list gives
 * a `cli` column (some with a second figure in the cell: tasks/norm), the coefficient and payout.
 */
export function scoreTable(rows: readonly ScorecardRow[], metrics: readonly MetricDef[] = METRICS): string {
  const columns = metrics.filter((m) => m.cli);
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const head = ['operator', 'name', 'team', ...columns.map((m) => m.cli?.head ?? m.key), 'coef', 'payout'];
  const body = rows.map((r) => {
    const s = r.scorecard;
    const figures = columns.map((m) => {
      const first = cell(metricValue(m, r), m.unit);
      const second = m.cli?.with ? byKey.get(m.cli.with) : undefined;
      return second ? `${first}${m.cli?.join ?? ' '}${cell(metricValue(second, r), second.unit)}` : first;
    });
    return [s.operatorId, r.name, r.teamName, ...figures, s.coefficient.toFixed(4), money(s.payout)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  // Who the operator is reads left-aligned; every figure after it right-aligned.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 3 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
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
    ...(Object.keys(rows[0]?.scorecard.deductions ?? {}) as DeductionKey[]).map(RANKING_COLUMNS.deduction),
    RANKING_COLUMNS.flags,
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
      joinFlags(r.scorecard.flags),
    ];
  });
  return csvRecords([header, ...records], ',', '\n');
}

/**
 * `callscore score --period YYYY-MM | --from D --to D [--team T] [--format table|csv|json]`. A month
 * is its pay period (an approved one prints its snapshot); another range is scored live, without
 * pay, as the API does.
 */
export async function scoreCommand(argv: string[]) {
  const { values } = cliArgs(argv, {
    period: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    team: { type: 'string' },
    format: { type: 'string' },
  });
  const period = periodFlags({ period: values.period, from: values.from, to: values.to });
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const settings = await readSettings(rt.db);
    const rows = period.month
      ? (await payRows(rt, period.month, settings)).rows
      : await cachedScoreRange(rt, period, settings);
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
    else console.log(scoreTable(picked));
  } finally {
    await rt.close();
  }
}
