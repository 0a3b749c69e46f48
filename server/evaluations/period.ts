import { monthRange } from '../../schemas/api.ts';
import { toInstant } from '../time.ts';

/**
 * A local month as the UTC instants bounding it, in the form `call_started_at` is stored in
 * (ISO with milliseconds and Z), so SQLite compares them as text.
 */
export function periodInstants(period: string, timeZone: string): { from: string; to: string } {
  const { from, to } = monthRange(period);
  return { from: toInstant(from, timeZone).toISOString(), to: toInstant(to, timeZone).toISOString() };
}

/** The local month (YYYY-MM) of an instant. */
export function periodOf(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(instant));
  const y = parts.find((p) => p.type === 'year')?.value;
  const m = parts.find((p) => p.type === 'month')?.value;
  return `${y}-${m}`;
}
