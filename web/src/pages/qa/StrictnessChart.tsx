import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MonitorStrictness } from '../../../../schemas/calibration.ts';
import { useNames } from '../../api/names.ts';
import { monthLabels } from '../../components/charts/months.ts';
import { EDGE_PADDING } from '../../components/charts/size.ts';
import type { Formatters } from '../../format.ts';
import { signed } from './shared.tsx';

const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 };
const COLORS = ['#3355c4', '#d9822b', '#2e9d6b', '#9b51e0', '#c43355', '#1f2937'];

/** Each monitor's mean deviation from the basis per month: below 0 stricter, above more lenient. */
export default function StrictnessChart({
  monitors,
  fmt,
}: {
  monitors: MonitorStrictness[];
  fmt: Formatters;
}) {
  const periods = [...new Set(monitors.flatMap((m) => m.byPeriod.map((p) => p.period)))].sort();
  const names = useNames();
  const labels = monthLabels(periods, fmt.locale);
  const data = periods.map((period, i) => {
    const row: Record<string, string | number | null> = { period, label: labels[i] ?? period };
    for (const m of monitors)
      row[m.monitor] = m.byPeriod.find((p) => p.period === period)?.meanDeviation ?? null;
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={{ stroke: 'var(--border-strong)' }}
          interval={0}
          padding={EDGE_PADDING}
        />
        <YAxis
          tick={AXIS_TICK}
          tickLine={false}
          axisLine={false}
          width={44}
          tickFormatter={(v: number) => signed(fmt, v, 0)}
        />
        <ReferenceLine y={0} stroke="var(--border-strong)" />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? signed(fmt, v) : String(v ?? ''))}
          labelFormatter={(label) => {
            const i = labels.indexOf(String(label));
            return fmt.period(periods[i] ?? String(label));
          }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {monitors.map((m, i) => (
          <Line
            key={m.monitor}
            type="monotone"
            dataKey={m.monitor}
            name={names.user(m.monitor)}
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
