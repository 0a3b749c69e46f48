import { metricValue } from '../../../../core/metric-values.ts';
import { csvRecords, csvText } from '../../../../core/spreadsheet-cells.ts';
import type { MetricDef, OperatorMetricKey } from '../../../../schemas/criteria.ts';
import type { RankingEntry } from '../../../../schemas/scorecard.ts';
import { currencyDigits, type Formatters } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { formatValue, type ValueFormat } from '../../metric-format.ts';
import { METRIC_LIST, message, perOperator } from '../../metrics.ts';

/** The columns of the ranking: who the operator is, every metric he has a value of, the pay. */
export type RankingKey = 'name' | 'teamName' | OperatorMetricKey | 'coefficient' | 'adjustment';

export type CellFormat = ValueFormat | 'text';

export interface RankingColumn {
  key: RankingKey;
  label: MessageKey;
  format: CellFormat;
  /** Worst first when a tile opens the ranking on this column. */
  worstFirst: 'ascending' | 'descending';
  value(r: RankingEntry): string | number | null;
}

/** The ranking's columns for a list of metrics (the app's, or a test's copy of it). */
export function rankingColumns(metrics: readonly MetricDef[]): RankingColumn[] {
  return [
    { key: 'name', label: 'ranking.col.name', format: 'text', worstFirst: 'ascending', value: (r) => r.name },
    {
      key: 'teamName',
      label: 'ranking.col.team',
      format: 'text',
      worstFirst: 'ascending',
      value: (r) => r.teamName,
    },
    ...metrics.filter(perOperator).map(
      (m): RankingColumn => ({
        key: m.key as RankingKey,
        label: message(m.short),
        format: m.unit,
        // A norm (no direction) is worst when highest, as a cost is.
        worstFirst: m.direction === 'higher' ? 'ascending' : 'descending',
        value: (r) => metricValue(m, r),
      }),
    ),
    {
      key: 'coefficient',
      label: 'ranking.col.coefficient',
      format: 'coefficient',
      worstFirst: 'ascending',
      value: (r) => r.scorecard.coefficient,
    },
    {
      key: 'adjustment',
      label: 'ranking.col.adjustment',
      format: 'money',
      worstFirst: 'ascending',
      value: (r) => r.scorecard.adjustment,
    },
  ];
}

export const RANKING_COLUMNS: readonly RankingColumn[] = rankingColumns(METRIC_LIST);

export const columnOf = (key: string): RankingColumn | undefined =>
  RANKING_COLUMNS.find((c) => c.key === key);

/** A cell of the ranking: text as it is, a figure by the one metric formatter. */
export function formatCell(
  v: string | number | null,
  format: CellFormat,
  f: Formatters,
  t: Translate,
): string {
  if (v === null) return t('kpi.none');
  if (typeof v === 'string' || format === 'text') return String(v);
  return formatValue(v, format, f);
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
export function rankingCsv(
  rows: readonly RankingEntry[],
  t: Translate,
  currency: string,
  columns: readonly RankingColumn[] = RANKING_COLUMNS,
): string {
  const scale = 10 ** currencyDigits(currency);
  const header = ['operatorId', ...columns.map((c) => t(c.label))].map(csvText);
  const lines = rows.map((r) => [
    csvText(r.scorecard.operatorId),
    ...columns.map((c) => {
      const v = c.value(r);
      if (v === null) return '';
      if (typeof v === 'string') return csvText(v);
      if (c.format === 'money') return (v / scale).toFixed(currencyDigits(currency));
      return String(Number(v.toPrecision(12)));
    }),
  ]);
  return `\uFEFF${csvRecords([header, ...lines], ',')}`;
}
