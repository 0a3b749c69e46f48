import { PAY_PERCENT_DIGITS, payShare } from '../../../../core/round.ts';
import type { MetricDef } from '../../../../schemas/criteria.ts';
import type { Aggregate } from '../../../../schemas/dashboard.ts';
import type { Formatters } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { formatValue, type ValueFormat } from '../../metric-format.ts';
import { METRIC_LIST, message } from '../../metrics.ts';
import type { RankingKey } from './ranking.ts';

export interface TileDef {
  id: string;
  label: MessageKey;
  /** The ranking column a click on the tile sorts by, worst first. */
  sortKey: RankingKey;
  /** Whether a rise is good news. */
  good: 'higher' | 'lower';
  format: ValueFormat;
  value(a: Aggregate): number | null;
  hint(a: Aggregate, fmt: Formatters, t: Translate): string;
  /** What the tile says when its value is null. */
  whenNull: MessageKey;
}

type Hint = TileDef['hint'];

/** What a tile says under its figure, by tile id; a tile without one says nothing more. */
const HINTS: Readonly<Record<string, Hint>> = {
  handledCalls: (a, f, t) => t('tile.handledCalls.hint', { operators: f.integer(a.activeOperators) }),
  tasks: (a, f, t) =>
    a.tasksNorm === null
      ? t('tile.tasks.noNorm', { done: f.integer(a.tasksCompleted) })
      : t('tile.tasks.hint', { done: f.integer(a.tasksCompletedWithNorm), norm: f.integer(a.tasksNorm) }),
  qualityScore: (a, f, t) =>
    t('tile.quality.hint', {
      evaluations: f.integer(a.evaluations),
      critical: f.integer(a.criticalFailures),
    }),
  targets: (a, f, t) => t('tile.targets.hint', { met: f.integer(a.targetsMet), total: f.integer(a.targets) }),
  internalClaims: (_a, _f, t) => t('tile.claims.hint'),
  clientClaims: (_a, _f, t) => t('tile.claims.hint'),
  orderErrorRate: (a, f, t) =>
    t('tile.orderErrors.hint', {
      errors: f.integer(a.ordersWithErrors),
      orders: f.integer(a.ordersAccepted),
    }),
  negativeAssessments: (_a, _f, t) => t('tile.assessments.hint'),
  aht: (a, f, t) =>
    a.asa === null ? t('kpi.aht.hint') : t('tile.aht.hint', { asa: formatValue(a.asa, 'seconds', f) }),
  serviceLevel: (_a, _f, t) => t('tile.serviceLevel.hint'),
  abandonmentRate: (_a, _f, t) => t('tile.abandonment.hint'),
};

/** The money the deductions cost: not a metric of the list, the tile after the criteria. */
const PAY_IMPACT: TileDef = {
  id: 'payImpact',
  label: 'tile.payImpact',
  sortKey: 'adjustment',
  good: 'lower',
  format: 'money',
  value: (a) => (a.adjustment === null ? null : -a.adjustment),
  hint: (a, f, t) =>
    a.variableBase && a.adjustment !== null
      ? t('tile.payImpact.hint', {
          // A share of pay: printed as the payroll page, its CSV and the explanation print it.
          share: f.percent(payShare(-a.adjustment / a.variableBase), PAY_PERCENT_DIGITS),
          coefficient: formatValue(a.coefficient ?? 1, 'coefficient', f),
        })
      : t('tile.payImpact.none'),
  whenNull: 'tile.payImpact.monthsOnly',
};

function tileOf(m: MetricDef): TileDef {
  const id = m.tile?.id ?? m.key;
  return {
    id,
    label: message(m.tile?.label ?? m.label),
    sortKey: (m.rankBy ?? m.key) as RankingKey,
    good: m.direction ?? 'higher',
    format: m.unit,
    value: (a) => ((a as unknown as Record<string, number | null>)[m.key] ?? null) as number | null,
    hint: HINTS[id] ?? (() => ''),
    whenNull: message(m.whenNull ?? 'kpi.none'),
  };
}

/** The tiles for a list of metrics: its criteria with a tile, the pay deducted, its KPIs. */
export function tilesOf(metrics: readonly MetricDef[]): TileDef[] {
  const tiled = metrics.filter((m) => m.tile);
  return [
    ...tiled.filter((m) => m.kind === 'criterion').map(tileOf),
    PAY_IMPACT,
    ...tiled.filter((m) => m.kind === 'kpi').map(tileOf),
  ];
}

/** The tiles of the dashboard: the criteria of docs/scoring.md and the contact-center KPIs. */
export const TILES: readonly TileDef[] = tilesOf(METRIC_LIST);
