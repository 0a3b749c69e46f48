/**
 * The Arrow IPC wire format of the API's big tables, declared once for the server that writes it
 * and the web app that reads it. Instants, which the JSON gives as UTC ISO text with milliseconds
 * (`2026-10-02T07:00:00.000Z`), may cross as a Timestamp column (milliseconds, UTC): the server
 * writes one only when every value is that very text, so `new Date(ms).toISOString()` gives it back.
 */

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/**
 * Field metadata: the column holds the numbers × 10^scale as integers, and reading one back is
 * `n / 10 ** scale`. The server writes a column so only when that division gives back the very
 * same double for every value, so the scaled column is lossless.
 */
export const ARROW_SCALE = 'callscore:scale';

/** 10^scale for each scale the server may write: exact doubles, written out rather than computed. */
export const POWERS_OF_TEN = [
  1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
] as const;

/**
 * A page of rows as Arrow says its paging in these response headers, as the JSON body says it in
 * `total`, `limit` and `offset`: the rows that match, and the page's size and start.
 */
export const ARROW_PAGING_HEADERS = { total: 'X-Total-Count', limit: 'X-Limit', offset: 'X-Offset' } as const;

/** A scaled column's stored integer read back as the number it stands for. */
export const unscale = (n: number, scale: number): number =>
  scale === 0 ? n : n / (POWERS_OF_TEN[scale] ?? 10 ** scale);
