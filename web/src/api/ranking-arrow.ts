import { tableFromIPC } from 'apache-arrow';
import { ARROW_SCALE, ARROW_STREAM, unscale } from '../../../schemas/arrow.ts';
import { DEDUCTION_KEYS, type DeductionKey, type Flag } from '../../../schemas/criteria.ts';
import type { RankingEntry, RankingResponse, Scorecard } from '../../../schemas/scorecard.ts';
import { ApiError, type Query } from './client.ts';

type Cell = string | number | null;

/**
 * The rows of an Arrow IPC stream as the server wrote them (server/arrow.ts): dictionary text as
 * its strings, and a scaled integer column as the numbers it stands for, each the identical
 * double the JSON body has.
 */
export function arrowRows(bytes: Uint8Array): Record<string, Cell>[] {
  const table = tableFromIPC(bytes);
  const rows: Record<string, Cell>[] = Array.from({ length: table.numRows }, () => ({}));
  table.schema.fields.forEach((field, i) => {
    const column = table.getChildAt(i);
    if (!column) return;
    const scale = Number(field.metadata.get(ARROW_SCALE) ?? 0);
    for (let r = 0; r < rows.length; r++) {
      const v = (column.get(r) ?? null) as Cell;
      (rows[r] as Record<string, Cell>)[field.name] = scale && typeof v === 'number' ? unscale(v, scale) : v;
    }
  });
  return rows;
}

/** The ranking's Arrow body as the table's entries. */
export function rankingFromArrow(bytes: Uint8Array): RankingResponse {
  const operators: RankingEntry[] = [];
  let currency = '';
  for (const r of arrowRows(bytes)) {
    currency ||= String(r.currency ?? '');
    const deductions = Object.fromEntries(
      DEDUCTION_KEYS.map((d) => [d, Number(r[`deduction_${d}`] ?? 0)]),
    ) as Record<DeductionKey, number>;
    const scorecard = {
      ...r,
      deductions,
      flags: String(r.flags ?? '')
        .split(' ')
        .filter(Boolean) as Flag[],
    } as unknown as Scorecard;
    operators.push({
      scorecard,
      name: String(r.name),
      teamId: String(r.teamId),
      teamName: String(r.teamName),
      department: (r.department as string | null) ?? null,
      asa: (r.asa as number | null) ?? null,
    });
  }
  return { currency, operators };
}

/**
 * `GET /api/ranking` as Arrow IPC: the big table's 2,000 rows arrive as typed columns, about an
 * eighth of the JSON's size, and are read without parsing text.
 */
export async function fetchRanking(query: Query, signal?: AbortSignal): Promise<RankingResponse> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined) params.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(`/api/ranking?${params}`, {
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
      `GET /api/ranking: HTTP ${res.status}`,
    );
  }
  return rankingFromArrow(new Uint8Array(await res.arrayBuffer()));
}
