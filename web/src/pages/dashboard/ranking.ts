import type { RankingEntry } from '../../../../schemas/scorecard.ts';
import { csvRecords, csvText } from '../../../../server/payroll/spreadsheet-cells.ts';
import { currencyDigits, type Formatters } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';

export type RankingKey =
  | 'name'
  | 'teamName'
  | 'handledCalls'
  | 'tasksCompleted'
  | 'tasksNorm'
  | 'tasksVsNorm'
  | 'qualityScore'
  | 'criticalFailures'
  | 'teamAchievement'
  | 'internalClaims'
  | 'clientClaims'
  | 'ordersAccepted'
  | 'ordersWithErrors'
  | 'orderErrorRate'
  | 'negativeAssessments'
  | 'upsellRate'
  | 'aht'
  | 'asa'
  | 'coefficient'
  | 'adjustment';

export type CellFormat = 'text' | 'count' | 'ratio' | 'score' | 'seconds' | 'coefficient' | 'money';

export interface RankingColumn {
  key: RankingKey;
  label: MessageKey;
  format: CellFormat;
  /** Worst first when a tile opens the ranking on this column. */
  worstFirst: 'ascending' | 'descending';
  value(r: RankingEntry): string | number | null;
}

const s = (k: keyof RankingEntry['scorecard']) => (r: RankingEntry) => r.scorecard[k] as number | null;

export const tasksVsNorm = (r: RankingEntry): number | null =>
  r.scorecard.tasksNorm ? r.scorecard.tasksCompleted / r.scorecard.tasksNorm : null;

export const RANKING_COLUMNS: readonly RankingColumn[] = [
  { key: 'name', label: 'ranking.col.name', format: 'text', worstFirst: 'ascending', value: (r) => r.name },
  {
    key: 'teamName',
    label: 'ranking.col.team',
    format: 'text',
    worstFirst: 'ascending',
    value: (r) => r.teamName,
  },
  {
    key: 'handledCalls',
    label: 'ranking.col.handled',
    format: 'count',
    worstFirst: 'ascending',
    value: s('handledCalls'),
  },
  {
    key: 'tasksCompleted',
    label: 'ranking.col.tasks',
    format: 'count',
    worstFirst: 'ascending',
    value: s('tasksCompleted'),
  },
  {
    key: 'tasksNorm',
    label: 'ranking.col.norm',
    format: 'count',
    worstFirst: 'descending',
    value: s('tasksNorm'),
  },
  {
    key: 'tasksVsNorm',
    label: 'ranking.col.tasksVsNorm',
    format: 'ratio',
    worstFirst: 'ascending',
    value: tasksVsNorm,
  },
  {
    key: 'qualityScore',
    label: 'ranking.col.quality',
    format: 'score',
    worstFirst: 'ascending',
    value: s('qualityScore'),
  },
  {
    key: 'criticalFailures',
    label: 'ranking.col.critical',
    format: 'count',
    worstFirst: 'descending',
    value: s('criticalFailures'),
  },
  {
    key: 'teamAchievement',
    label: 'ranking.col.targets',
    format: 'ratio',
    worstFirst: 'ascending',
    value: s('teamAchievement'),
  },
  {
    key: 'internalClaims',
    label: 'ranking.col.internalClaims',
    format: 'count',
    worstFirst: 'descending',
    value: s('internalClaims'),
  },
  {
    key: 'clientClaims',
    label: 'ranking.col.clientClaims',
    format: 'count',
    worstFirst: 'descending',
    value: s('clientClaims'),
  },
  {
    key: 'ordersAccepted',
    label: 'ranking.col.orders',
    format: 'count',
    worstFirst: 'ascending',
    value: s('ordersAccepted'),
  },
  {
    key: 'ordersWithErrors',
    label: 'ranking.col.errors',
    format: 'count',
    worstFirst: 'descending',
    value: s('ordersWithErrors'),
  },
  {
    key: 'orderErrorRate',
    label: 'ranking.col.errorRate',
    format: 'ratio',
    worstFirst: 'descending',
    value: s('orderErrorRate'),
  },
  {
    key: 'negativeAssessments',
    label: 'ranking.col.assessments',
    format: 'count',
    worstFirst: 'descending',
    value: s('negativeAssessments'),
  },
  {
    key: 'upsellRate',
    label: 'ranking.col.upsell',
    format: 'ratio',
    worstFirst: 'ascending',
    value: s('upsellRate'),
  },
  { key: 'aht', label: 'ranking.col.aht', format: 'seconds', worstFirst: 'descending', value: s('aht') },
  { key: 'asa', label: 'ranking.col.asa', format: 'seconds', worstFirst: 'descending', value: (r) => r.asa },
  {
    key: 'coefficient',
    label: 'ranking.col.coefficient',
    format: 'coefficient',
    worstFirst: 'ascending',
    value: s('coefficient'),
  },
  {
    key: 'adjustment',
    label: 'ranking.col.adjustment',
    format: 'money',
    worstFirst: 'ascending',
    value: s('adjustment'),
  },
];

export const columnOf = (key: string): RankingColumn | undefined =>
  RANKING_COLUMNS.find((c) => c.key === key);

export function formatCell(
  v: string | number | null,
  format: CellFormat,
  f: Formatters,
  t: Translate,
): string {
  if (v === null) return t('kpi.none');
  if (typeof v === 'string') return v;
  switch (format) {
    case 'count':
      return f.integer(v);
    case 'ratio':
      return f.percent(v);
    case 'score':
      return f.decimal(v, 2);
    case 'seconds':
      return f.duration(v);
    case 'coefficient':
      return f.decimal(v, 4);
    case 'money':
      return f.money(v);
    default:
      return String(v);
  }
}

/** Sorts rows by a column; rows without a value stay at the bottom either way. */
export function sortRows(
  rows: readonly RankingEntry[],
  col: RankingColumn,
  direction: 'ascending' | 'descending',
  collator: Intl.Collator,
): RankingEntry[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order * sign || collator.compare(a.name, b.name);
  });
}

/**
 * The ranking as CSV (UTF-8 with BOM, CRLF): plain numbers for every figure (ratios as 0.95, money
 * in major units), so a spreadsheet can compute with them; text cells quoted and formula-safe as in
 * every export of callscore (a spreadsheet splitting on `,` or `;` sees no formula).
 */
export function rankingCsv(rows: readonly RankingEntry[], t: Translate, currency: string): string {
  const scale = 10 ** currencyDigits(currency);
  const header = ['operatorId', ...RANKING_COLUMNS.map((c) => t(c.label))].map(csvText);
  const lines = rows.map((r) => [
    csvText(r.scorecard.operatorId),
    ...RANKING_COLUMNS.map((c) => {
      const v = c.value(r);
      if (v === null) return '';
      if (typeof v === 'string') return csvText(v);
      if (c.format === 'money') return (v / scale).toFixed(currencyDigits(currency));
      return String(Number(v.toPrecision(12)));
    }),
  ]);
  return `\uFEFF${csvRecords([header, ...lines], ',')}`;
}
