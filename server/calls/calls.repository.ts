import type { CallFacts } from '../../schemas/calls.ts';
import type { Analytics, JsonCell, JsonColumns, JsonRow } from '../../stores/duckdb.ts';
import type { Column } from '../arrow.ts';
import { CALL_FACTS_SQL } from './queries/call-facts.sql.ts';

/** How a value crosses as Arrow (server/arrow.ts): a number as a number, text as one of the text kinds. */
type Kind<T> = T extends number ? 'number' : Exclude<Column['type'], 'number'>;

/**
 * Each call fact in the API's order: the column the call SQL modules select it as, and its kind.
 * Read by the one-row and the column-by-column mappings below, and by the calls list's Arrow body.
 */
export const CALL_FACT_COLUMNS = {
  callId: { column: 'call_id', kind: 'text' },
  operatorId: { column: 'operator_id', kind: 'label' },
  clientId: { column: 'client_id', kind: 'text' },
  direction: { column: 'direction', kind: 'label' },
  disposition: { column: 'disposition', kind: 'label' },
  taskType: { column: 'task_type', kind: 'label' },
  outcome: { column: 'outcome', kind: 'label' },
  queue: { column: 'queue', kind: 'label' },
  phone: { column: 'phone', kind: 'text' },
  startedAt: { column: 'started_at', kind: 'instant' },
  queuedAt: { column: 'queued_at', kind: 'instant' },
  answeredAt: { column: 'answered_at', kind: 'instant' },
  endedAt: { column: 'ended_at', kind: 'instant' },
  talkS: { column: 'talk_s', kind: 'number' },
  holdS: { column: 'hold_s', kind: 'number' },
  wrapS: { column: 'wrap_s', kind: 'number' },
  transferredTo: { column: 'transferred_to', kind: 'label' },
  recording: { column: 'recording', kind: 'text' },
} as const satisfies {
  [K in keyof CallFacts]-?: { column: string; kind: Kind<NonNullable<CallFacts[K]>> };
};

const FIELDS = Object.keys(CALL_FACT_COLUMNS) as (keyof CallFacts)[];

/** A cell of a DuckDB JSON row as its API value: BIGINT arrives as text and leaves as a number. */
const value = (kind: Column['type'], v: JsonCell | undefined) =>
  v == null ? null : kind === 'number' ? Number(v) : String(v);

/** A calls row (as the call SQL modules select it) to its API shape. */
export const callRowToFacts = (r: JsonRow): CallFacts =>
  Object.fromEntries(
    FIELDS.map((f) => [f, value(CALL_FACT_COLUMNS[f].kind, r[CALL_FACT_COLUMNS[f].column])]),
  ) as unknown as CallFacts;

/** Call facts column by column: each field's values, in the rows' order. */
export type CallFactColumns = { [K in keyof CallFacts]: CallFacts[K][] };

/** DuckDB's result columns (as the call SQL modules select them) to the facts' columns. */
export const callColumnsToFacts = (c: JsonColumns): CallFactColumns =>
  Object.fromEntries(
    FIELDS.map((f) => {
      const { column, kind } = CALL_FACT_COLUMNS[f];
      return [f, (c[column] ?? []).map((v) => value(kind, v))];
    }),
  ) as unknown as CallFactColumns;

export async function findCall(analytics: Analytics, callId: string): Promise<CallFacts | null> {
  const [row] = await analytics.rows(CALL_FACTS_SQL, { id: callId });
  return row ? callRowToFacts(row) : null;
}
