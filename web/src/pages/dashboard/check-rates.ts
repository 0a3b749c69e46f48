import type { CheckRate, PassRatesResponse } from '../../../../schemas/autoqa-pass-rates.ts';

/**
 * The AutoQA checks card's views: every check over the selection, or one check per team or per
 * operator. Pure functions of the pass rates, so the card and the unit tests read them alike.
 */
export const CHECK_RATE_VIEWS = ['selection', 'team', 'operator'] as const;
export type CheckRateView = (typeof CHECK_RATE_VIEWS)[number];

export const checkRateView = (v: string | null): CheckRateView =>
  (CHECK_RATE_VIEWS as readonly string[]).includes(v ?? '') ? (v as CheckRateView) : 'selection';

export interface CheckRateRow extends CheckRate {
  /** What the row is: a check's key (selection), a team's or an operator's id. */
  id: string;
  /** The team or the operator a drill to the calls names, if any. */
  team: string | null;
  operator: string | null;
  /** The team's or operator's name; null for a check (its label is the check's). */
  name: string | null;
}

/** Lowest rate first, checks that never applied last: what needs a look comes first. */
const worstFirst = (a: CheckRateRow, b: CheckRateRow) =>
  (a.rate ?? 2) - (b.rate ?? 2) || (a.name ?? a.id).localeCompare(b.name ?? b.id);

/**
 * The rows of a view: in `selection` every check of the rule set in its order; in `team` and
 * `operator` each team's or operator's figures for `check`, worst first.
 */
export function checkRateRows(
  data: PassRatesResponse,
  view: CheckRateView,
  check: string,
  team: string | null,
): CheckRateRow[] {
  if (view === 'selection')
    return data.total.checks.map((c) => ({ ...c, id: c.key, team, operator: null, name: null }));
  const of = (checks: CheckRate[]) =>
    checks.find((c) => c.key === check) ?? { key: check, pass: 0, fail: 0, na: 0, rate: null };
  if (view === 'team')
    return data.teams
      .map((t) => ({ ...of(t.checks), id: t.teamId, team: t.teamId, operator: null, name: t.name }))
      .sort(worstFirst);
  return data.operators
    .map((o) => ({ ...of(o.checks), id: o.operatorId, team: null, operator: o.operatorId, name: o.name }))
    .sort(worstFirst);
}

/** The check a per-team or per-operator view shows: the one asked for, else the worst of the selection. */
export function shownCheck(data: PassRatesResponse, wanted: string | null): string {
  if (wanted && data.checks.some((c) => c.key === wanted)) return wanted;
  const rows = checkRateRows(data, 'selection', '', null).sort(worstFirst);
  return rows[0]?.key ?? data.checks[0]?.key ?? '';
}
