import { z } from 'zod';

/**
 * The one way a request names a span of local dates: `period=YYYY-MM`, or `from` and `to` local
 * dates with `to` exclusive. Every query schema that takes a period builds on these, so an
 * impossible date (`2026-02-30`, `0000-01`) is refused the same way everywhere, naming the field,
 * and yields the same Period (below). What the server does with a Period is server/periods/period.ts.
 */

/**
 * Years a call center's data can fall in. The bounds keep every derived date (the month after,
 * the six months of a trend) a valid ISO date for JavaScript, SQLite and DuckDB alike.
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;

const yearInRange = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= FIRST_YEAR && y <= LAST_YEAR;
};

export const period = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'is not a period (YYYY-MM)')
  .refine(yearInRange, `is not a month between ${FIRST_YEAR}-01 and ${LAST_YEAR}-12`);

/** A calendar date: the shape, a day that exists (Date.parse takes 2026-02-30 as March 2), a sane year. */
export const localDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'is not a calendar date')
  .refine(yearInRange, `is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** `2026-10` → `{from: '2026-10-01', to: '2026-11-01'}`. */
export function monthRange(p: string) {
  const [y, m] = p.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${p}-01`, to: `${next}-01` };
}

/** The fields a period query adds to a query schema. */
export const periodFields = {
  period: period.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
};

export interface PeriodFields {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The longest custom range a request may ask for. */
export const MAX_RANGE_DAYS = 366;

/**
 * The rule every period query shares: a month, or both dates in order, never both forms; at most
 * `maxDays` days (the dashboard's trend reaches six ranges back, so its ranges are bounded).
 */
export const checkPeriod =
  (opts: { maxDays?: number } = {}) =>
  (q: PeriodFields, ctx: z.RefinementCtx) => {
    if (q.period && (q.from || q.to))
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'give period or from/to, not both' });
    else if (!q.period && !(q.from && q.to))
      ctx.addIssue({
        code: 'custom',
        path: [q.from ? 'to' : 'from'],
        message: 'give period=YYYY-MM, or both from and to (YYYY-MM-DD)',
      });
    if (q.from && q.to && q.from >= q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    if (opts.maxDays && q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > opts.maxDays * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a range may span at most ${opts.maxDays} days`,
      });
  };

/**
 * A span of local dates as every service takes it, made once from the query: `to` is exclusive,
 * `month` is the `YYYY-MM` it is when it is exactly one calendar month (only such a span is a pay
 * period), `label` how it is named (`2026-10`, `2026-10-01..2026-10-15`).
 */
export const periodSchema = z.object({
  from: localDate,
  to: localDate,
  month: period.nullable(),
  label: z.string(),
});
export type Period = z.infer<typeof periodSchema>;

/** `2026-10` as a Period. */
export const monthPeriod = (month: string): Period => ({ ...monthRange(month), month, label: month });

/** `[from, to)` as a Period: a month when it is exactly one, so `from`/`to` of October is October. */
export function rangePeriod(from: string, to: string): Period {
  const month = from.slice(0, 7);
  const m = monthRange(month);
  return m.from === from && m.to === to
    ? monthPeriod(month)
    : { from, to, month: null, label: `${from}..${to}` };
}

/** The Period a checked period query names. */
export const periodOfQuery = (q: PeriodFields): Period =>
  q.period ? monthPeriod(q.period) : rangePeriod(q.from as string, q.to as string);

/**
 * A checked query with its `period`, `from` and `to` fields replaced by the one Period they name:
 * what a query schema's transform yields, so a route reads `c.req.valid('query').period`.
 */
export function withPeriod<Q extends PeriodFields>(q: Q): Omit<Q, keyof PeriodFields> & { period: Period } {
  const { period: _month, from: _from, to: _to, ...rest } = q;
  return { ...rest, period: periodOfQuery(q) };
}

/**
 * A period in a query string: `period=YYYY-MM`, or `from` and `to` local dates (to exclusive).
 * Yields the Period it names (the half-open local date range of docs/scoring.md).
 */
export const rangeQuery = z
  .object({
    ...periodFields,
    team: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine(checkPeriod())
  .transform((q) => withPeriod({ ...q, team: q.team ?? null }));
export type RangeQuery = z.infer<typeof rangeQuery>;
