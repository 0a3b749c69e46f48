import { toInstant } from '../core/time.ts';

/** Timestamp columns are the `*_at` ones and `as_of`: their text becomes a UTC instant. */
export const isTimestampColumn = (col: string) => col.endsWith('_at') || col === 'as_of';

export type Cells = Record<string, string | number | null>;

/**
 * A validated record as the stores take it: instants in UTC (wall-clock times read in the
 * company zone), money already in minor units, booleans as 0/1, lists as JSON.
 */
export function toStoreCells(record: Record<string, unknown>, columns: readonly string[], tz: string): Cells {
  const out: Cells = {};
  for (const col of columns) {
    const v = record[col];
    if (v === null || v === undefined) out[col] = null;
    else if (isTimestampColumn(col)) {
      try {
        out[col] = toInstant(String(v), tz).toISOString();
      } catch {
        // The shape passed the schema but the time does not exist (25:00, 31 February).
        throw new Error(`${col}: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])`);
      }
    } else if (typeof v === 'boolean') out[col] = v ? 1 : 0;
    else if (Array.isArray(v)) out[col] = JSON.stringify(v);
    else if (typeof v === 'number') out[col] = v;
    else out[col] = String(v);
  }
  return out;
}
