/**
 * The evaluation criteria and contact-center KPIs of docs/scoring.md, declared once. The scoring code
 * computes exactly these keys, the API returns them, the web app and the exports label and format
 * them from here, so a criterion cannot be added in one place and forgotten in another.
 */

export type Unit = 'count' | 'ratio' | 'score' | 'seconds';
/** Whether a larger value is good news for the operator; null when neither (a norm). */
export type Direction = 'higher' | 'lower' | null;

export interface MetricDef<K extends string = string> {
  key: K;
  /** English label; other languages come from the web app's message catalogue, keyed by `key`. */
  label: string;
  unit: Unit;
  direction: Direction;
  /** The deduction of the pay rule this criterion feeds, if any. */
  deduction: DeductionKey | null;
  /** What the UI shows when the value is null ("not applied"). */
  whenNull?: string;
}

export const DEDUCTION_KEYS = [
  'tasks',
  'quality',
  'targets',
  'internalClaims',
  'clientClaims',
  'orderErrors',
  'negativeAssessments',
] as const;
export type DeductionKey = (typeof DEDUCTION_KEYS)[number];

export const DEDUCTION_LABELS: Record<DeductionKey, string> = {
  tasks: 'Tasks below norm',
  quality: 'Quality below threshold',
  targets: 'Team targets missed',
  internalClaims: 'Justified internal claims',
  clientClaims: 'Justified client claims',
  orderErrors: 'Order errors',
  negativeAssessments: 'Negative assessments',
};

export const CRITERIA = [
  { key: 'handledCalls', label: 'Handled calls', unit: 'count', direction: 'higher', deduction: null },
  { key: 'tasksCompleted', label: 'Tasks completed', unit: 'count', direction: 'higher', deduction: 'tasks' },
  {
    key: 'tasksNorm',
    label: 'Tasks norm',
    unit: 'count',
    direction: null,
    deduction: 'tasks',
    whenNull: 'no norm',
  },
  {
    key: 'qualityScore',
    label: 'Quality score',
    unit: 'score',
    direction: 'higher',
    deduction: 'quality',
    whenNull: 'not evaluated',
  },
  { key: 'criticalFailures', label: 'Critical failures', unit: 'count', direction: 'lower', deduction: null },
  {
    key: 'teamAchievement',
    label: 'Team target achievement',
    unit: 'ratio',
    direction: 'higher',
    deduction: 'targets',
    whenNull: 'no target',
  },
  {
    key: 'internalClaims',
    label: 'Internal claims',
    unit: 'count',
    direction: 'lower',
    deduction: 'internalClaims',
  },
  {
    key: 'clientClaims',
    label: 'Client claims',
    unit: 'count',
    direction: 'lower',
    deduction: 'clientClaims',
  },
  { key: 'ordersAccepted', label: 'Orders accepted', unit: 'count', direction: 'higher', deduction: null },
  {
    key: 'ordersWithErrors',
    label: 'Orders with errors',
    unit: 'count',
    direction: 'lower',
    deduction: 'orderErrors',
  },
  {
    key: 'orderErrorRate',
    label: 'Order error rate',
    unit: 'ratio',
    direction: 'lower',
    deduction: 'orderErrors',
    whenNull: 'no orders',
  },
  {
    key: 'negativeAssessments',
    label: 'Negative assessments',
    unit: 'count',
    direction: 'lower',
    deduction: 'negativeAssessments',
  },
  {
    key: 'upsellRate',
    label: 'Upsell rate',
    unit: 'ratio',
    direction: 'higher',
    deduction: null,
    whenNull: 'no data',
  },
] as const satisfies readonly MetricDef[];

export type CriterionKey = (typeof CRITERIA)[number]['key'];

/** Contact-center KPIs shown beside the criteria, not paid on by default. */
export const KPIS = [
  { key: 'aht', label: 'Average handle time', unit: 'seconds', direction: 'lower', deduction: null },
  { key: 'asa', label: 'Average speed of answer', unit: 'seconds', direction: 'lower', deduction: null },
  { key: 'serviceLevel', label: 'Service level', unit: 'ratio', direction: 'higher', deduction: null },
  { key: 'abandonmentRate', label: 'Abandonment rate', unit: 'ratio', direction: 'lower', deduction: null },
] as const satisfies readonly MetricDef[];

export type KpiKey = (typeof KPIS)[number]['key'];

/** Flags a scorecard carries for each criterion not applied (docs/scoring.md, Output). */
export const FLAGS = {
  noNorm: 'no-norm',
  notEvaluated: 'not-evaluated',
  noTarget: 'no-target',
  noOrders: 'no-orders',
  noVariableBase: 'no-variable-base',
  /** A range that is not one calendar month: criteria are shown, no pay is computed. */
  notAPayPeriod: 'not-a-pay-period',
} as const;
export type Flag = (typeof FLAGS)[keyof typeof FLAGS];
