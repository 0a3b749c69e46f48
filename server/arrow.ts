import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/** Does the request ask for Arrow IPC rather than JSON? */
export const wantsArrow = (accept: string | undefined): boolean => !!accept && accept.includes(ARROW_STREAM);

export type Column = { name: string; type: 'number' | 'text'; values: (number | string | null)[] };

/**
 * Columns as an Arrow IPC stream. Types are declared, not inferred, so a column whose first
 * values are null still gets its real type and the client reads the same schema every time.
 */
export function arrowStream(columns: readonly Column[]): Uint8Array {
  const vectors = Object.fromEntries(
    columns.map((c) => [
      c.name,
      c.type === 'number'
        ? vectorFromArray(c.values as (number | null)[], new Float64())
        : vectorFromArray(c.values as (string | null)[], new Utf8()),
    ]),
  );
  return tableToIPC(new Table(vectors), 'stream');
}
