import { METRICS, type Metric, type MetricDef, type MetricKey } from '../../schemas/criteria.ts';
import type { MessageKey } from './i18n/index.ts';

/**
 * The web app's reading of the metric list (schemas/criteria.ts). The list names its labels by
 * message key; this type fails to compile when one of them is missing from the catalogues.
 */
type Messages<T extends MessageKey> = T;
export type MetricMessage = Messages<
  | Metric['label']
  | Metric['short']
  | NonNullable<Metric['whenNull']>
  | NonNullable<Extract<Metric, { tile: { label: string } }>['tile']['label']>
>;

/** The list as plain entries, so a builder can take a copy of it (a test's fixture) too. */
export const METRIC_LIST: readonly MetricDef[] = METRICS;

/** A message key of the list; checked for the real list by MetricMessage above. */
export const message = (key: string) => key as MessageKey;

/** Metrics an operator has a value of (the ranking's columns). */
export const perOperator = (m: MetricDef) => m.source !== 'queue';

/** Metrics that are rows of the operator's scorecard. */
export const onScorecard = (m: MetricDef) =>
  (m.source === 'scorecard' || m.source === 'row') && m.card !== false;

/** The metric whose row and ranking column show a deduction. */
export const carrierOf = (key: string, metrics: readonly MetricDef[] = METRIC_LIST) =>
  metrics.find((m) => m.carriesDeduction && m.deduction === key);

const BY_KEY: ReadonlyMap<string, MetricDef> = new Map(METRIC_LIST.map((m) => [m.key, m]));

/** A metric's declaration by its key (every key of the list has one). */
export const metricOf = (key: MetricKey): MetricDef => BY_KEY.get(key) as MetricDef;
