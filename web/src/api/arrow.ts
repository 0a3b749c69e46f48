import { DataType, tableFromIPC } from 'apache-arrow';
import { ARROW_SCALE, ARROW_STREAM, unscale } from '../../../schemas/arrow.ts';
import { ApiError, type Query, withQuery } from './client.ts';

export type Cell = string | number | null;

/**
 * The rows of an Arrow IPC stream as the server wrote them (server/arrow.ts): dictionary text as
 * its strings, a scaled integer column as the numbers it stands for, each the identical double
 * the JSON body has, and a timestamp as the ISO text the JSON has.
 */
export function arrowRows(bytes: Uint8Array): Record<string, Cell>[] {
  const table = tableFromIPC(bytes);
  const rows: Record<string, Cell>[] = Array.from({ length: table.numRows }, () => ({}));
  table.schema.fields.forEach((field, i) => {
    const column = table.getChildAt(i);
    if (!column) return;
    const scale = Number(field.metadata.get(ARROW_SCALE) ?? 0);
    const instant = DataType.isTimestamp(field.type);
    for (let r = 0; r < rows.length; r++) {
      const v = (column.get(r) ?? null) as Cell;
      (rows[r] as Record<string, Cell>)[field.name] =
        typeof v !== 'number' ? v : instant ? new Date(v).toISOString() : scale ? unscale(v, scale) : v;
    }
  });
  return rows;
}

/**
 * `GET path` asking for Arrow IPC: the body's bytes and the answer's headers. A failure is the
 * ApiError the server's JSON error body names, as for every other request (client.ts).
 */
export async function getArrow(
  path: string,
  query: Query,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      credentials: 'same-origin',
      headers: { Accept: ARROW_STREAM },
      signal: signal ?? null,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (body?.error) throw new ApiError(res.status, body.error.code as ApiError['code'], body.error.message);
    throw new ApiError(
      res.status,
      res.status >= 500 ? 'network' : 'internal',
      `GET ${path}: HTTP ${res.status}`,
    );
  }
  if (!res.headers.get('Content-Type')?.startsWith(ARROW_STREAM))
    throw new ApiError(res.status, 'internal', `GET ${path}: the answer is not Arrow IPC`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}
