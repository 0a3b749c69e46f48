import { type ReactNode, useId } from 'react';
import type { Formatters } from '../format.ts';

/**
 * The month a page shows, picked from those it can show (newest first); the page keeps it in the
 * address with usePeriodParam. Nothing is drawn while there is no month to pick.
 */
export function PeriodSelect({
  label,
  period,
  periods,
  onChange,
  fmt,
  optionLabel = fmt.period,
  children,
}: {
  label: string;
  /** The month shown, or another option's value given in `children`. */
  period: string | null;
  periods: readonly string[];
  onChange(value: string): void;
  fmt: Formatters;
  optionLabel?: (period: string) => string;
  /** Options after the months. */
  children?: ReactNode;
}) {
  const id = useId();
  if (periods.length === 0) return null;
  return (
    <div className="field field-inline">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={period ?? ''} onChange={(e) => onChange(e.target.value)}>
        {periods.map((p) => (
          <option key={p} value={p}>
            {optionLabel(p)}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}
