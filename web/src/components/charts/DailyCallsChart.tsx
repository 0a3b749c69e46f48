import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DailyPoint } from '../../../../schemas/api.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

import { CHART_HEIGHT_PX } from './size.ts';
import { niceTicks } from './ticks.ts';

const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 };

function DayTooltip({ day, fmt }: { day: DailyPoint | undefined; fmt: Formatters }) {
  const t = useT();
  if (!day) return null;
  const rows = [
    { key: 'calls', label: t('daily.calls'), value: day.calls, swatch: null },
    { key: 'handled', label: t('daily.handled'), value: day.handled, swatch: 'var(--chart-handled)' },
    { key: 'abandoned', label: t('daily.abandoned'), value: day.abandoned, swatch: 'var(--chart-abandoned)' },
    { key: 'orders', label: t('daily.orders'), value: day.orders, swatch: 'var(--chart-orders)' },
  ];
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{fmt.dayLong(day.date)}</p>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <span className="swatch" style={{ background: r.swatch ?? 'transparent' }} />
                {r.label}
              </th>
              <td className="num">{fmt.integer(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Calls per day as stacked bars (handled, abandoned) with orders as a line on its own axis.
 * `days` must already hold every date of the range.
 */
export default function DailyCallsChart({ days, fmt }: { days: DailyPoint[]; fmt: Formatters }) {
  const t = useT();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const callTicks = niceTicks(Math.max(0, ...days.map((d) => d.handled + d.abandoned)));
  const orderTicks = niceTicks(Math.max(0, ...days.map((d) => d.orders)));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
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
          domain={[0, callTicks[callTicks.length - 1] ?? 'auto']}
          ticks={callTicks}
          tickFormatter={(v: number) => fmt.integer(v)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={52}
          allowDecimals={false}
        />
        <YAxis
          yAxisId="orders"
          orientation="right"
          domain={[0, orderTicks[orderTicks.length - 1] ?? 'auto']}
          ticks={orderTicks}
          tickFormatter={(v: number) => fmt.integer(v)}
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={44}
          allowDecimals={false}
        />
        <Tooltip
          cursor={{ fill: 'var(--chart-cursor)' }}
          content={({ active, label }) =>
            active ? <DayTooltip day={byDate.get(String(label))} fmt={fmt} /> : null
          }
          isAnimationActive={false}
        />
        <Bar
          yAxisId="calls"
          dataKey="handled"
          name={t('daily.handled')}
          stackId="calls"
          fill="var(--chart-handled)"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="calls"
          dataKey="abandoned"
          name={t('daily.abandoned')}
          stackId="calls"
          fill="var(--chart-abandoned)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="orders"
          dataKey="orders"
          name={t('daily.orders')}
          type="monotone"
          stroke="var(--chart-orders)"
          strokeWidth={2}
          dot={false}
          activeDot={{ r: 4, strokeWidth: 0, fill: 'var(--chart-orders)' }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
