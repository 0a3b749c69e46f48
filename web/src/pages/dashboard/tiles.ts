import { CRITERIA, KPIS } from '../../../../schemas/criteria.ts';
import type { Aggregate } from '../../../../schemas/dashboard.ts';
import type { Formatters } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { RankingKey } from './ranking.ts';

export type TileFormat = 'count' | 'ratio' | 'score' | 'seconds' | 'money';

export interface TileDef {
  id: string;
  label: MessageKey;
  /** The ranking column a click on the tile sorts by, worst first. */
  sortKey: RankingKey;
  /** Whether a rise is good news. */
  good: 'higher' | 'lower';
  format: TileFormat;
  value(a: Aggregate): number | null;
  hint(a: Aggregate, fmt: Formatters, t: Translate): string;
  /** What the tile says when its value is null. */
  whenNull: MessageKey;
}

const directionOf = (key: string): 'higher' | 'lower' =>
  ([...CRITERIA, ...KPIS].find((m) => m.key === key)?.direction ?? 'higher') as 'higher' | 'lower';

/** The tiles of the dashboard: the criteria of docs/scoring.md and the contact-center KPIs. */
export const TILES: readonly TileDef[] = [
  {
    id: 'handledCalls',
    label: 'criterion.handledCalls',
    sortKey: 'handledCalls',
    good: directionOf('handledCalls'),
    format: 'count',
    value: (a) => a.handledCalls,
    hint: (a, f, t) => t('tile.handledCalls.hint', { operators: f.integer(a.activeOperators) }),
    whenNull: 'kpi.none',
  },
  {
    id: 'tasks',
    label: 'tile.tasks',
    sortKey: 'tasksVsNorm',
    good: directionOf('tasksCompleted'),
    format: 'ratio',
    value: (a) => a.tasksVsNorm,
    hint: (a, f, t) =>
      a.tasksNorm === null
        ? t('tile.tasks.noNorm', { done: f.integer(a.tasksCompleted) })
        : t('tile.tasks.hint', { done: f.integer(a.tasksCompletedWithNorm), norm: f.integer(a.tasksNorm) }),
    whenNull: 'flag.no-norm',
  },
  {
    id: 'qualityScore',
    label: 'criterion.qualityScore',
    sortKey: 'qualityScore',
    good: directionOf('qualityScore'),
    format: 'score',
    value: (a) => a.qualityScore,
    hint: (a, f, t) =>
      t('tile.quality.hint', {
        evaluations: f.integer(a.evaluations),
        critical: f.integer(a.criticalFailures),
      }),
    whenNull: 'flag.not-evaluated',
  },
  {
    id: 'targets',
    label: 'tile.targets',
    sortKey: 'teamAchievement',
    good: directionOf('teamAchievement'),
    format: 'ratio',
    value: (a) => a.teamAchievement,
    hint: (a, f, t) => t('tile.targets.hint', { met: f.integer(a.targetsMet), total: f.integer(a.targets) }),
    whenNull: 'flag.no-target',
  },
  {
    id: 'internalClaims',
    label: 'tile.internalClaims',
    sortKey: 'internalClaims',
    good: directionOf('internalClaims'),
    format: 'count',
    value: (a) => a.internalClaims,
    hint: (_a, _f, t) => t('tile.claims.hint'),
    whenNull: 'kpi.none',
  },
  {
    id: 'clientClaims',
    label: 'tile.clientClaims',
    sortKey: 'clientClaims',
    good: directionOf('clientClaims'),
    format: 'count',
    value: (a) => a.clientClaims,
    hint: (_a, _f, t) => t('tile.claims.hint'),
    whenNull: 'kpi.none',
  },
  {
    id: 'orderErrorRate',
    label: 'criterion.orderErrorRate',
    sortKey: 'orderErrorRate',
    good: directionOf('orderErrorRate'),
    format: 'ratio',
    value: (a) => a.orderErrorRate,
    hint: (a, f, t) =>
      t('tile.orderErrors.hint', {
        errors: f.integer(a.ordersWithErrors),
        orders: f.integer(a.ordersAccepted),
      }),
    whenNull: 'flag.no-orders',
  },
  {
    id: 'negativeAssessments',
    label: 'tile.negativeAssessments',
    sortKey: 'negativeAssessments',
    good: directionOf('negativeAssessments'),
    format: 'count',
    value: (a) => a.negativeAssessments,
    hint: (_a, _f, t) => t('tile.assessments.hint'),
    whenNull: 'kpi.none',
  },
  {
    id: 'payImpact',
    label: 'tile.payImpact',
    sortKey: 'adjustment',
    good: 'lower',
    format: 'money',
    value: (a) => (a.adjustment === null ? null : -a.adjustment),
    hint: (a, f, t) =>
      a.variableBase && a.adjustment !== null
        ? t('tile.payImpact.hint', {
            share: f.percent(-a.adjustment / a.variableBase),
            coefficient: f.decimal(a.coefficient ?? 1, 3),
          })
        : t('tile.payImpact.none'),
    whenNull: 'tile.payImpact.monthsOnly',
  },
  {
    id: 'aht',
    label: 'kpi.aht',
    sortKey: 'aht',
    good: directionOf('aht'),
    format: 'seconds',
    value: (a) => a.aht,
    hint: (a, f, t) => (a.asa === null ? t('kpi.aht.hint') : t('tile.aht.hint', { asa: f.duration(a.asa) })),
    whenNull: 'kpi.none',
  },
  {
    id: 'serviceLevel',
    label: 'tile.serviceLevel',
    sortKey: 'asa',
    good: directionOf('serviceLevel'),
    format: 'ratio',
    value: (a) => a.serviceLevel,
    hint: (_a, _f, t) => t('tile.serviceLevel.hint'),
    whenNull: 'tile.centerOnly',
  },
  {
    id: 'abandonmentRate',
    label: 'tile.abandonment',
    sortKey: 'asa',
    good: directionOf('abandonmentRate'),
    format: 'ratio',
    value: (a) => a.abandonmentRate,
    hint: (_a, _f, t) => t('tile.abandonment.hint'),
    whenNull: 'tile.centerOnly',
  },
];

export function formatValue(v: number, format: TileFormat, f: Formatters): string {
  switch (format) {
    case 'count':
      return f.integer(v);
    case 'ratio':
      return f.percent(v);
    case 'score':
      return f.decimal(v, 1);
    case 'seconds':
      return f.duration(v);
    case 'money':
      return f.moneyCompact(v);
  }
}

/**
 * The change as it is shown: rounded to the step its format prints (a tenth of a point, a second,
 * a whole count, a major unit of money), so that a change too small to print is no change at all
 * rather than a red "+0:00".
 */
export function shownChange(d: number, format: TileFormat): number {
  const step = { ratio: 0.001, score: 0.1, seconds: 1, money: 100, count: 1 }[format];
  const r = Math.round(Math.abs(d) / step) * step;
  return r === 0 ? 0 : Math.sign(d) * r;
}

/** The change from the previous period, in the figure's own unit (percentage points for ratios). */
export function formatChange(d: number, format: TileFormat, f: Formatters, t: Translate): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  switch (format) {
    case 'ratio':
      return t('tile.change.points', { sign, value: f.decimal(abs * 100, 1) });
    case 'score':
      return t('tile.change.points', { sign, value: f.decimal(abs, 1) });
    case 'seconds':
      return `${sign}${f.duration(abs)}`;
    case 'money':
      return `${sign}${f.moneyCompact(abs)}`;
    default:
      return `${sign}${f.integer(abs)}`;
  }
}
