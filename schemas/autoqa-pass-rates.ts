import { z } from 'zod';
import { period } from './period.ts';

/**
 * Each AutoQA check's pass rate per operator, team and month (docs/autoqa.md, "Pass rates and
 * sampling"): the results of the rule set in force over the calls of a local month.
 */

const id = z.string().trim().min(1).max(200);

/** `GET /api/autoqa/pass-rates?period=YYYY-MM[&department=][&team=][&operator=]`. */
export const passRatesQuery = z.object({
  period,
  department: id.optional(),
  team: id.optional(),
  operator: id.optional(),
});
export type PassRatesQuery = z.infer<typeof passRatesQuery>;

/** One check's counts over some calls; `rate` is pass / (pass + fail), null when neither. */
export interface CheckRate {
  key: string;
  pass: number;
  fail: number;
  na: number;
  rate: number | null;
}

export interface PassRateGroup {
  /** Checked calls (each has one result per check). */
  calls: number;
  /** In the rule set's order, every check of it. */
  checks: CheckRate[];
}

export interface TeamPassRates extends PassRateGroup {
  teamId: string;
  name: string;
}

export interface OperatorPassRates extends PassRateGroup {
  operatorId: string;
  name: string;
  teamId: string;
}

export interface PassRatesResponse {
  period: string;
  rulesVersion: number;
  /** The checks of the rule set in force, in its order, with their labels. */
  checks: { key: string; labels: { en: string; ru: string; ro: string } }[];
  /** Every operator of the selection the caller may see, together. */
  total: PassRateGroup;
  /**
   * The teams of those operators with a checked call (or the named operator's), each counted
   * whole, as a scorecard's team achievement is.
   */
  teams: TeamPassRates[];
  /** Those operators with a checked call (or the one named). */
  operators: OperatorPassRates[];
}
