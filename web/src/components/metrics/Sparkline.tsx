/**
 * A small line of a figure over the last periods, drawn as plain SVG so the tiles need no
 * charting library. Null values are gaps.
 */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return <span className="sparkline sparkline-empty" aria-hidden="true" />;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const w = 100;
  const h = 28;
  const x = (i: number) => (values.length > 1 ? (i / (values.length - 1)) * w : w / 2);
  const y = (v: number) => (max === min ? h / 2 : h - 3 - ((v - min) / span) * (h - 6));
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'}${x(i).toFixed(2)},${y(v).toFixed(2)}`;
  });
  if (current) segments.push(current);
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${w} ${h}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {segments.map((d) => (
        <path key={d} d={d} fill="none" vectorEffect="non-scaling-stroke" />
      ))}
      {last !== null && last !== undefined && (
        <circle cx={x(lastIndex)} cy={y(last)} r="2.2" vectorEffect="non-scaling-stroke" />
      )}
    </svg>
  );
}
