import { z } from 'zod';
import { DEDUCTION_KEYS, UNITS } from './criteria.ts';

/**
 * What one metric (a criterion of docs/scoring.md or a contact-center KPI) is, as data: the list in
 * criteria.ts is checked against this schema, and every table of the app (the aggregate, the
 * ranking, the CLI table, the tiles, the operator page) is built by reading the list.
 */

const key = z.string().regex(/^[a-z][a-zA-Z]*$/, 'a metric key is camelCase');
/** A key of the web app's message catalogues (checked against them by type in the web app). */
const message = z.string().regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z-]+)+$/, 'a message key');
const places = z.number().int().min(0).max(6);

/**
 * How the operators' values roll up into a team's or the center's figure. Means and ratios are
 * taken over the underlying events, so a busy and an idle operator do not weigh the same.
 */
export const rollup = z.discriminatedUnion('kind', [
  /** A plain sum (counts). */
  z.object({ kind: z.literal('sum') }),
  /** A sum over the operators who have a value; null when none has one (a norm). */
  z.object({ kind: z.literal('sumOfPresent'), places }),
  /** Σ value × weight / Σ weight over the operators with a value and a positive weight. */
  z.object({ kind: z.literal('weightedMean'), by: key, places }),
  /** Σ numerator / Σ denominator over the operators whose denominator is not null. */
  z.object({ kind: z.literal('ratioOfSums'), numerator: key, denominator: key, places }),
  /** The plain mean over the operators who have a value. */
  z.object({ kind: z.literal('mean'), places }),
  /** The mean achievement over the targets of the teams in view, each team's targets once. */
  z.object({ kind: z.literal('teamTargets'), places }),
  /** Measured on the queues, not rebuilt from scorecards: given to the aggregate as it is. */
  z.object({ kind: z.literal('queue') }),
]);
export type Rollup = z.infer<typeof rollup>;

export const metricDef = z.strictObject({
  key,
  kind: z.enum(['criterion', 'kpi']),
  /**
   * Where an operator's value lives: a key of the scorecard (docs/scoring.md's Output), of the
   * scorecard row beside it (`asa`), derived from other keys by its `ratioOfSums` rollup, or
   * only on the queues.
   */
  source: z.enum(['scorecard', 'row', 'derived', 'queue']),
  /** Message keys: the full label, and the short one of the ranking's column header. */
  label: message,
  short: message,
  unit: z.enum(UNITS),
  /** Whether a larger value is good news for the operator; null when neither (a norm). */
  direction: z.enum(['higher', 'lower']).nullable(),
  /** The deduction of the pay rule this metric feeds, if any. */
  deduction: z.enum(DEDUCTION_KEYS).nullable(),
  /** The one metric of its deduction that shows it: the scorecard's row, the chart's drill-down. */
  carriesDeduction: z.boolean().optional(),
  /** What a null value means, as a message key; null: the value is never null. */
  whenNull: message.nullable(),
  rollup,
  /** The ranking column that orders operators by this metric, when not its own. */
  rankBy: key.optional(),
  /** false: not a row of the operator's scorecard (a norm is shown as its criterion's target). */
  card: z.boolean().optional(),
  /** A tile of the dashboard: its id (default the key) and label (default the metric's). */
  tile: z.strictObject({ id: z.string().optional(), label: message.optional() }).optional(),
  /**
   * A chart of the operator page's trend, at `position`; its reference line is the threshold of
   * the metric's deduction or a full (1) ratio.
   */
  trend: z.strictObject({ position: z.number().int(), reference: z.enum(['threshold', 'full']) }).optional(),
  /** A column of `callscore score`'s table: its header, and a second metric shown in the cell. */
  cli: z
    .strictObject({ head: z.string().min(1), with: key.optional(), join: z.string().optional() })
    .optional(),
});
export type MetricDef = z.infer<typeof metricDef>;
