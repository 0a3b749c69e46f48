import type { MetricDef } from './metric-def.ts';

/**
 * The evaluation criteria and contact-center KPIs of docs/scoring.md, declared once, as data. The
 * `Scorecard` and `Aggregate` types take their keys from this list; the aggregate, the ranking
 * (JSON, Arrow, CSV), the CLI table, the tiles, the charts and the operator page read it. Adding
 * a criterion is its SQL in server/scoring, one entry here, and its messages.
 */

// The schema (zod) stays in metric-def.ts: the web app's first load reads this list without it.
export type { MetricDef } from './metric-def.ts';

export const UNITS = ['count', 'ratio', 'score', 'seconds'] as const;
export type Unit = (typeof UNITS)[number];

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

/** English names of the deductions, for the exports (the web app has its catalogues). */
export const DEDUCTION_LABELS: Record<DeductionKey, string> = {
  tasks: 'Tasks below norm',
  quality: 'Quality below threshold',
  targets: 'Team targets missed',
  internalClaims: 'Justified internal claims',
  clientClaims: 'Justified client claims',
  orderErrors: 'Order errors',
  negativeAssessments: 'Negative assessments',
};

// The order is the order of the ranking's columns, the scorecard's rows and the CLI's columns.
export const METRICS = [
  {
    key: 'handledCalls',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.handledCalls',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.handled',
    unit: 'count',
    direction: 'higher',
    deduction: null,
    tile: {},
  },
  {
    key: 'tasksCompleted',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.tasksCompleted',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.tasks',
    unit: 'count',
    direction: 'higher',
    deduction: 'tasks',
    carriesDeduction: true,
    // The tasks deduction reads completed tasks against the norm.
    rankBy: 'tasksVsNorm',
    cli: { head: 'tasks', with: 'tasksNorm', join: '/' },
  },
  {
    key: 'tasksNorm',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.tasksNorm',
    short: 'ranking.col.norm',
    unit: 'count',
    direction: null,
    deduction: 'tasks',
    whenNull: 'flag.no-norm',
    rollup: { kind: 'sumOfPresent', places: 2 },
    card: false,
  },
  {
    // Not on a scorecard: completed tasks over the norm, for the operators who have one.
    key: 'tasksVsNorm',
    kind: 'criterion',
    source: 'derived',
    label: 'tile.tasks',
    short: 'ranking.col.tasksVsNorm',
    unit: 'ratio',
    direction: 'higher',
    deduction: 'tasks',
    whenNull: 'flag.no-norm',
    rollup: { kind: 'ratioOfSums', numerator: 'tasksCompleted', denominator: 'tasksNorm', places: 4 },
    tile: { id: 'tasks' },
    trend: { position: 2, reference: 'full' },
  },
  {
    key: 'qualityScore',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.qualityScore',
    short: 'ranking.col.quality',
    unit: 'score',
    direction: 'higher',
    deduction: 'quality',
    carriesDeduction: true,
    whenNull: 'flag.not-evaluated',
    rollup: { kind: 'weightedMean', by: 'evaluations', places: 2 },
    tile: {},
    trend: { position: 1, reference: 'threshold' },
    cli: { head: 'quality' },
  },
  {
    // AutoQA's auto evaluations (docs/autoqa.md): the mean score over the operator's handled calls
    // that have one. Paid on only where the pay rule's quality source says so (docs/scoring.md).
    key: 'autoQualityScore',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.autoQualityScore',
    short: 'ranking.col.autoQuality',
    unit: 'score',
    direction: 'higher',
    deduction: null,
    whenNull: 'flag.not-auto-evaluated',
    rollup: { kind: 'weightedMean', by: 'autoEvaluations', places: 2 },
    tile: {},
    cli: { head: 'auto' },
  },
  {
    // The share of handled calls with a transcript: how much of the work AutoQA hears.
    key: 'autoCoverage',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.autoCoverage',
    short: 'ranking.col.autoCoverage',
    unit: 'ratio',
    direction: 'higher',
    deduction: null,
    whenNull: 'flag.no-handled-calls',
    rollup: { kind: 'ratioOfSums', numerator: 'transcribedCalls', denominator: 'handledCalls', places: 4 },
    tile: { label: 'tile.autoCoverage' },
    cli: { head: 'heard' },
  },
  {
    key: 'criticalFailures',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.criticalFailures',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.critical',
    unit: 'count',
    direction: 'lower',
    deduction: null,
  },
  {
    key: 'teamAchievement',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.teamAchievement',
    short: 'ranking.col.targets',
    unit: 'ratio',
    direction: 'higher',
    deduction: 'targets',
    carriesDeduction: true,
    whenNull: 'flag.no-target',
    rollup: { kind: 'teamTargets', places: 4 },
    tile: { id: 'targets', label: 'tile.targets' },
    cli: { head: 'targets' },
  },
  {
    key: 'internalClaims',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.internalClaims',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.internalClaims',
    unit: 'count',
    direction: 'lower',
    deduction: 'internalClaims',
    carriesDeduction: true,
    tile: { label: 'tile.internalClaims' },
    cli: { head: 'claims', with: 'clientClaims', join: '+' },
  },
  {
    key: 'clientClaims',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.clientClaims',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.clientClaims',
    unit: 'count',
    direction: 'lower',
    deduction: 'clientClaims',
    carriesDeduction: true,
    tile: { label: 'tile.clientClaims' },
  },
  {
    key: 'ordersAccepted',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.ordersAccepted',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.orders',
    unit: 'count',
    direction: 'higher',
    deduction: null,
  },
  {
    key: 'ordersWithErrors',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.ordersWithErrors',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.errors',
    unit: 'count',
    direction: 'lower',
    deduction: 'orderErrors',
  },
  {
    key: 'orderErrorRate',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.orderErrorRate',
    short: 'ranking.col.errorRate',
    unit: 'ratio',
    direction: 'lower',
    deduction: 'orderErrors',
    carriesDeduction: true,
    whenNull: 'flag.no-orders',
    // Over all orders, not a mean of the operators' rates.
    rollup: { kind: 'ratioOfSums', numerator: 'ordersWithErrors', denominator: 'ordersAccepted', places: 4 },
    tile: {},
    trend: { position: 3, reference: 'threshold' },
    cli: { head: 'errors' },
  },
  {
    key: 'negativeAssessments',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.negativeAssessments',
    whenNull: null,
    rollup: { kind: 'sum' },
    short: 'ranking.col.assessments',
    unit: 'count',
    direction: 'lower',
    deduction: 'negativeAssessments',
    carriesDeduction: true,
    tile: { label: 'tile.negativeAssessments' },
    cli: { head: 'neg' },
  },
  {
    key: 'upsellRate',
    kind: 'criterion',
    source: 'scorecard',
    label: 'criterion.upsellRate',
    short: 'ranking.col.upsell',
    unit: 'ratio',
    direction: 'higher',
    deduction: null,
    whenNull: 'opPage.noData',
    rollup: { kind: 'mean', places: 4 },
  },
  // Contact-center KPIs shown beside the criteria, not paid on by default.
  {
    key: 'aht',
    kind: 'kpi',
    source: 'scorecard',
    label: 'kpi.aht',
    short: 'ranking.col.aht',
    unit: 'seconds',
    direction: 'lower',
    deduction: null,
    // Null without handled calls.
    whenNull: 'kpi.none',
    rollup: { kind: 'weightedMean', by: 'handledCalls', places: 1 },
    tile: {},
  },
  {
    key: 'asa',
    kind: 'kpi',
    source: 'row',
    label: 'opPage.asa',
    short: 'ranking.col.asa',
    unit: 'seconds',
    direction: 'lower',
    deduction: null,
    whenNull: 'kpi.none',
    // Measured on the calls of the view (a team's ASA is its operators' answers), not averaged.
    rollup: { kind: 'queue' },
  },
  {
    key: 'serviceLevel',
    kind: 'kpi',
    source: 'queue',
    label: 'tile.serviceLevel',
    short: 'tile.serviceLevel',
    unit: 'ratio',
    direction: 'higher',
    deduction: null,
    // Queues belong to the whole center, not to a team.
    whenNull: 'tile.centerOnly',
    rollup: { kind: 'queue' },
    rankBy: 'asa',
    tile: {},
  },
  {
    key: 'abandonmentRate',
    kind: 'kpi',
    source: 'queue',
    label: 'tile.abandonment',
    short: 'tile.abandonment',
    unit: 'ratio',
    direction: 'lower',
    deduction: null,
    whenNull: 'tile.centerOnly',
    rollup: { kind: 'queue' },
    rankBy: 'asa',
    tile: {},
  },
] as const satisfies readonly MetricDef[];

export type Metric = (typeof METRICS)[number];
export type MetricKey = Metric['key'];
/** A metric's value: a number, or null when the list says what null means. */
type ValueOf<M> = M extends { whenNull: null } ? number : number | null;
type ValuesOf<M extends Metric> = { [E in M as E['key']]: ValueOf<E> };

/** The metrics of docs/scoring.md's Output on every scorecard. */
export type ScorecardMetrics = ValuesOf<Extract<Metric, { source: 'scorecard' }>>;
/** Every metric, rolled up over a set of operators. */
export type AggregateMetrics = ValuesOf<Metric>;
/** The metrics measured on the queues, handed to the aggregate as they are. */
export type QueueMetrics = ValuesOf<Extract<Metric, { rollup: { kind: 'queue' } }>>;
/** The metrics a ranking row has per operator (the derived ones are computed where shown). */
export type OperatorMetricKey = Extract<Metric, { source: 'scorecard' | 'row' | 'derived' }>['key'];

export const CRITERIA = METRICS.filter((m) => m.kind === 'criterion');
export const KPIS = METRICS.filter((m) => m.kind === 'kpi');

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

/**
 * The ranking's flat columns (its Arrow body and its JSON), written by the server's encoder and
 * read by the web's decoder: one number column per deduction, and the flags as one text column.
 */
export const RANKING_COLUMNS = {
  /** The column of a deduction: `deduction_<key>`. */
  deduction: <K extends DeductionKey>(key: K) => `deduction_${key}` as const,
  flags: 'flags',
} as const;

/** A scorecard's flags as the ranking's one text cell: joined by spaces. */
export const joinFlags = (flags: readonly Flag[]): string => flags.join(' ');
/** The ranking's flags cell back to the scorecard's flags. */
export const splitFlags = (cell: string): Flag[] => cell.split(' ').filter(Boolean) as Flag[];
