import type { ReactNode } from 'react';
import type { Formatters } from '../format.ts';
import { Field } from './Field.tsx';

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
  if (periods.length === 0) return null;
  return (
    <Field label={label} inline>
      {(control) => (
        <select
          {...control}
          className="select"
          value={period ?? ''}
          onChange={(e) => onChange(e.target.value)}
        >
          {periods.map((p) => (
            <option key={p} value={p}>
              {optionLabel(p)}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}
