import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { formatMaybe, formatValue } from '../../metric-format.ts';
import { QUALITY_WINDOW, type QualityPoint } from './rolling.ts';
import { EDGE_PADDING } from './size.ts';
import { niceScale, niceTicks } from './ticks.ts';

/** The dashboard's charts, in one chunk loaded after the figures around them. */

const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 };

export const SMALL_CHART_PX = 240;

function TooltipBox({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; value: string; swatch?: string }[];
}) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title}</p>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                <span className="swatch" style={{ background: r.swatch ?? 'transparent' }} />
                {r.label}
              </th>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Calls per day (handled and abandoned, stacked) with the quality score as a line: the mean of the
 * last days' evaluations (rolling.ts), with a gap where they are too few to mean much.
 */
export function DailyTrendChart({ days, fmt }: { days: QualityPoint[]; fmt: Formatters }) {
  const t = useT();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const ticks = niceTicks(Math.max(0, ...days.map((d) => d.handled + d.abandoned)));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={days} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap="22%">
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => fmt.dayShort(d)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: 'var(--border-strong)' }}
          minTickGap={18}
          interval="preserveStartEnd"
        />
        <YAxis
          yAxisId="calls"
          domain={[0, ticks[ticks.length - 1] ?? 'auto']}
          ticks={ticks}
          tickFormatter={(v: number) => fmt.integer(v)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={52}
        />
        <YAxis
          yAxisId="quality"
          orientation="right"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={36}
        />
        <Tooltip
          cursor={{ fill: 'var(--chart-cursor)' }}
          isAnimationActive={false}
          content={({ active, label }) => {
            const d = active ? byDate.get(String(label)) : undefined;
            if (!d) return null;
            return (
              <TooltipBox
                title={fmt.dayLong(d.date)}
                rows={[
                  { label: t('daily.calls'), value: fmt.integer(d.calls) },
                  {
                    label: t('daily.handled'),
                    value: fmt.integer(d.handled),
                    swatch: 'var(--chart-handled)',
                  },
                  {
                    label: t('daily.abandoned'),
                    value: fmt.integer(d.abandoned),
                    swatch: 'var(--chart-abandoned)',
                  },
                  {
                    label: t('chart.qualityTrend', { days: QUALITY_WINDOW.days }),
                    value:
                      d.qualityTrend === null ? t('kpi.none') : formatValue(d.qualityTrend, 'score', fmt),
                    swatch: 'var(--chart-orders)',
                  },
                  {
                    label: t('chart.qualityDay'),
                    value: formatMaybe(d.quality, 'score', fmt, t),
                  },
                  { label: t('chart.evaluations'), value: fmt.integer(d.evaluations) },
                ]}
              />
            );
          }}
        />
        <Bar
          yAxisId="calls"
          dataKey="handled"
          stackId="c"
          fill="var(--chart-handled)"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="calls"
          dataKey="abandoned"
          stackId="c"
          fill="var(--chart-abandoned)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="quality"
          dataKey="qualityTrend"
          type="monotone"
          stroke="var(--chart-orders)"
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** Shown in the tooltip instead of the bare value. */
  display: string;
  tone?: 'accent' | 'muted' | 'danger';
}

const FILL = {
  accent: 'var(--chart-handled)',
  muted: 'var(--border-strong)',
  danger: 'var(--chart-abandoned)',
};

/** Vertical bars over categories (the quality distribution). */
export function ColumnChart({ data, valueLabel }: { data: BarDatum[]; valueLabel: string }) {
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  return (
    <ResponsiveContainer width="100%" height={SMALL_CHART_PX}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }} barCategoryGap="18%">
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: 'var(--border-strong)' }}
        />
        <YAxis
          domain={[0, ticks[ticks.length - 1] ?? 'auto']}
          ticks={ticks}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={40}
          allowDecimals={false}
        />
        <Tooltip
          cursor={{ fill: 'var(--chart-cursor)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const d = active ? (payload?.[0]?.payload as BarDatum | undefined) : undefined;
            return d ? <TooltipBox title={d.label} rows={[{ label: valueLabel, value: d.display }]} /> : null;
          }}
        />
        <Bar dataKey="value" radius={[3, 3, 0, 0]} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.key} fill={FILL[d.tone ?? 'accent']} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/**
 * Horizontal bars, one per category, longest first as given; a click on a bar (or Enter on the
 * list beside it) calls onSelect. `reference` draws a line at that value (100% of a target).
 */
export function BarListChart({
  data,
  valueLabel,
  format,
  reference,
  onSelect,
}: {
  data: BarDatum[];
  valueLabel: string;
  format(v: number): string;
  reference?: number;
  onSelect?(key: string): void;
}) {
  const height = Math.max(120, data.length * 34 + 30);
  const ticks = niceScale(Math.max(reference ?? 0, ...data.map((d) => d.value)));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 0, left: 0 }}
        barCategoryGap="24%"
      >
        <CartesianGrid horizontal={false} stroke="var(--border)" />
        <XAxis
          type="number"
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          tickFormatter={format}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={170}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: 'var(--border-strong)' }}
        />
        <Tooltip
          cursor={{ fill: 'var(--chart-cursor)' }}
          isAnimationActive={false}
          content={({ active, payload }) => {
            const d = active ? (payload?.[0]?.payload as BarDatum | undefined) : undefined;
            return d ? <TooltipBox title={d.label} rows={[{ label: valueLabel, value: d.display }]} /> : null;
          }}
        />
        {reference !== undefined && (
          <ReferenceLine x={reference} stroke="var(--text-subtle)" strokeDasharray="4 3" />
        )}
        <Bar
          dataKey="value"
          radius={[0, 3, 3, 0]}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={onSelect ? (d: { payload?: BarDatum }) => d.payload && onSelect(d.payload.key) : undefined}
        >
          {data.map((d) => (
            <Cell key={d.key} fill={FILL[d.tone ?? 'accent']} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A figure over the last periods, small: the operator page's trends. */
export function TrendChart({
  data,
  format,
  tick,
  reference,
}: {
  data: { label: string; value: number | null }[];
  /** A point's value, in the tooltip. */
  format(v: number): string;
  /** A tick of the value axis. */
  tick(v: number): string;
  reference?: number | null;
}) {
  const t = useT();
  if (data.every((d) => d.value === null)) return <div className="trend-empty">{t('opPage.trendEmpty')}</div>;
  const ticks = niceScale(Math.max(reference ?? 0, ...data.map((d) => d.value ?? 0)));
  return (
    <ResponsiveContainer width="100%" height={140}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tick={{ ...AXIS_TICK, fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          interval={0}
          padding={EDGE_PADDING}
        />
        <YAxis
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          tickFormatter={tick}
          tick={{ ...AXIS_TICK, fontSize: 11 }}
          tickLine={false}
          axisLine={false}
          width={48}
        />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload, label }) => {
            const v = active ? (payload?.[0]?.value as number | null | undefined) : undefined;
            return v === undefined ? null : (
              <TooltipBox title={String(label)} rows={[{ label: '', value: v === null ? '—' : format(v) }]} />
            );
          }}
        />
        {reference != null && (
          <ReferenceLine y={reference} stroke="var(--text-subtle)" strokeDasharray="4 3" />
        )}
        <Line
          dataKey="value"
          type="monotone"
          stroke="var(--chart-handled)"
          strokeWidth={2}
          dot={{ r: 3, strokeWidth: 0, fill: 'var(--chart-handled)' }}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
