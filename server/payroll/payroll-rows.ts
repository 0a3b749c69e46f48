import { PAY_PERCENT_DIGITS, payShare } from '../../core/round.ts';
import { DEDUCTION_LABELS } from '../../schemas/criteria.ts';
import type { ScorecardRow } from '../../schemas/scorecard.ts';

/** One line of the payroll export, in the order of its columns. */
export interface PayrollLine {
  employeeId: string;
  name: string;
  team: string;
  period: string;
  currency: string;
  variableBase: number | null;
  coefficient: number;
  payout: number | null;
  adjustment: number | null;
  reasons: string;
}

export const PAYROLL_HEADER = [
  'employee_id',
  'name',
  'team',
  'period',
  'currency',
  'variable_base',
  'coefficient',
  'payout',
  'adjustment',
  'reasons',
] as const;

/** The deductions that cost the most, largest first: "Quality below threshold −15.38%; …". */
export function topReasons(row: ScorecardRow, limit = 3): string {
  const lines = row.explanation
    .filter((l) => l.fraction > 0)
    .sort((a, b) => b.fraction - a.fraction || a.key.localeCompare(b.key))
    .slice(0, limit);
  // Rounded and printed as the screens print it (core/round.ts), so the file and they agree.
  const reasons = lines.map(
    (l) => `${DEDUCTION_LABELS[l.key]} −${(payShare(l.fraction) * 100).toFixed(PAY_PERCENT_DIGITS)}%`,
  );
  const noBase = row.scorecard.flags.includes('no-variable-base') ? ['no variable base set'] : [];
  return [...reasons, ...noBase].join('; ');
}

/** Payroll lines ordered by team and name, so the file reads like the roster. */
export function payrollLines(rows: readonly ScorecardRow[]): PayrollLine[] {
  return [...rows]
    .sort(
      (a, b) =>
        a.teamName.localeCompare(b.teamName) ||
        a.name.localeCompare(b.name) ||
        a.scorecard.operatorId.localeCompare(b.scorecard.operatorId),
    )
    .map((r) => ({
      employeeId: r.scorecard.operatorId,
      name: r.name,
      team: r.teamName,
      period: r.scorecard.period,
      currency: r.scorecard.currency,
      variableBase: r.scorecard.variableBase,
      coefficient: r.scorecard.coefficient,
      payout: r.scorecard.payout,
      adjustment: r.scorecard.adjustment,
      reasons: topReasons(r),
    }));
}
