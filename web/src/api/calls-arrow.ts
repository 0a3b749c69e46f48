import { ARROW_PAGING_HEADERS } from '../../../schemas/arrow.ts';
import type { CallListItem, CallsResponse } from '../../../schemas/calls.ts';
import { arrowRows, getArrow } from './arrow.ts';
import { ApiError, type Query } from './client.ts';

/** The calls list's Arrow body as its rows: the very objects the JSON body's `calls` holds. */
export const callsFromArrow = (bytes: Uint8Array): CallListItem[] =>
  arrowRows(bytes) as unknown as CallListItem[];

/**
 * `GET /api/calls` as Arrow IPC, for the big calls tables: the rows as typed columns, the paging
 * from the answer's headers (ARROW_PAGING_HEADERS), read back to the JSON body's shape.
 */
export async function fetchCalls(query: Query, signal?: AbortSignal): Promise<CallsResponse> {
  const { bytes, headers } = await getArrow('/api/calls', query, signal);
  const paging = (name: string) => {
    const n = Number(headers.get(name) ?? Number.NaN);
    if (!Number.isInteger(n)) throw new ApiError(200, 'internal', `GET /api/calls: no ${name} header`);
    return n;
  };
  return {
    total: paging(ARROW_PAGING_HEADERS.total),
    limit: paging(ARROW_PAGING_HEADERS.limit),
    offset: paging(ARROW_PAGING_HEADERS.offset),
    calls: callsFromArrow(bytes),
  };
}
