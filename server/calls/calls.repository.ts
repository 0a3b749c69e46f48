import type { CallFacts } from '../../schemas/calls.ts';
import type { Analytics, JsonCell, JsonColumns, JsonRow } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
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

/** The calls started in [from, to) with at least one evaluation (calibration ones aside). */
export async function evaluatedCallIds(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('evaluations')
    .select('call_id')
    .distinct()
    .where('calibration', '=', 0)
    .where('call_started_at', '>=', from)
    .where('call_started_at', '<', to)
    .execute();
  return rows.map((r) => r.call_id);
}

/** The operators of these ids, with name and team. */
export const operatorsByIds = (db: Db, operatorIds: string[]) =>
  db
    .selectFrom('operators')
    .select(['operator_id', 'name', 'team_id'])
    .where('operator_id', 'in', [...operatorIds, ''])
    .execute();

/** How many evaluations (calibration ones aside) each of these calls has; a call without any is absent. */
export async function evaluationCounts(db: Db, callIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('evaluations')
    .select((eb) => ['call_id', eb.fn.countAll<number>().as('n')])
    .where('calibration', '=', 0)
    .where('call_id', 'in', [...callIds, ''])
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, Number(r.n)]));
}

/** An operator with the name of his team. */
export const operatorWithTeam = (db: Db, operatorId: string) =>
  db
    .selectFrom('operators')
    .leftJoin('teams', 'teams.team_id', 'operators.team_id')
    .select(['operators.operator_id', 'operators.name', 'operators.team_id', 'teams.name as team_name'])
    .where('operators.operator_id', '=', operatorId)
    .executeTakeFirst();

/** The claims on a call or on one of its orders, of the visible operators (null: all), oldest first. */
export const claimsOfCall = (db: Db, callId: string, orderIds: string[], visible: string[] | null) =>
  db
    .selectFrom('claims')
    .selectAll()
    .where((eb) => eb.or([eb('call_id', '=', callId), eb('order_id', 'in', [...orderIds, ''])]))
    .$if(visible !== null, (q) => q.where('operator_id', 'in', visible ?? []))
    .orderBy('received_at')
    .execute();
