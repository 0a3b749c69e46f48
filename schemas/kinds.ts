import type { z } from 'zod';
import {
  assessmentRecord,
  callRecord,
  claimRecord,
  clientRecord,
  debtRecord,
  evaluationRecord,
  normRecord,
  operatorRecord,
  operatorStateRecord,
  orderRecord,
  productRecord,
  targetRecord,
  teamRecord,
  variablePayRecord,
} from './records.ts';

/** Where a kind is stored: large facts in DuckDB, small edited records in SQLite. */
export type Store = 'duckdb' | 'sqlite';

export interface KindSpec {
  schema: z.ZodType<Record<string, unknown>>;
  /** Every column the file may have, in canonical order. */
  columns: readonly string[];
  /** Columns the file must have; a file without one is rejected whole. */
  required: readonly string[];
  /** Columns that identify a record: a re-imported record replaces the one with the same key. */
  key: readonly string[];
  store: Store;
}

const columnsOf = (schema: z.ZodType) => {
  // Refined objects keep their shape one level in.
  const s = schema as unknown as {
    shape?: Record<string, unknown>;
    def?: { in?: { shape?: Record<string, unknown> } };
  };
  const shape = s.shape ?? s.def?.in?.shape;
  if (!shape) throw new Error('kind schema must be an object');
  return Object.keys(shape);
};

const spec = (
  schema: z.ZodType,
  required: readonly string[],
  key: readonly string[],
  store: Store,
): KindSpec => ({
  schema: schema as z.ZodType<Record<string, unknown>>,
  columns: columnsOf(schema),
  required,
  key,
  store,
});

export const KINDS = {
  teams: spec(teamRecord, ['team_id', 'name'], ['team_id'], 'sqlite'),
  operators: spec(operatorRecord, ['operator_id', 'name', 'team_id'], ['operator_id'], 'sqlite'),
  clients: spec(clientRecord, ['client_id', 'type'], ['client_id'], 'duckdb'),
  debts: spec(
    debtRecord,
    ['client_id', 'as_of', 'balance', 'credit_limit', 'overdue_amount'],
    ['client_id', 'as_of'],
    'duckdb',
  ),
  calls: spec(callRecord, ['call_id', 'started_at', 'direction', 'disposition'], ['call_id'], 'duckdb'),
  orders: spec(
    orderRecord,
    ['order_id', 'operator_id', 'client_id', 'created_at', 'status', 'total'],
    ['order_id'],
    'duckdb',
  ),
  targets: spec(
    targetRecord,
    ['team_id', 'period', 'metric', 'target'],
    ['team_id', 'period', 'metric'],
    'sqlite',
  ),
  norms: spec(normRecord, ['period', 'tasks_norm'], ['operator_id', 'team_id', 'period'], 'sqlite'),
  'variable-pay': spec(
    variablePayRecord,
    ['operator_id', 'period', 'variable_base', 'currency'],
    ['operator_id', 'period'],
    'sqlite',
  ),
  claims: spec(
    claimRecord,
    ['claim_id', 'operator_id', 'source', 'received_at', 'status'],
    ['claim_id'],
    'sqlite',
  ),
  assessments: spec(
    assessmentRecord,
    ['assessment_id', 'operator_id', 'assessed_at', 'polarity'],
    ['assessment_id'],
    'sqlite',
  ),
  evaluations: spec(
    evaluationRecord,
    ['evaluation_id', 'call_id', 'evaluator', 'score', 'status'],
    ['evaluation_id'],
    'sqlite',
  ),
} as const satisfies Record<string, KindSpec>;

export type Kind = keyof typeof KINDS;
/** The kinds of the center's own records, in dependency order: the demo writes each of them. */
export const KIND_NAMES = Object.keys(KINDS) as Kind[];
export const isKind = (k: string): k is Kind => Object.hasOwn(KINDS, k);

/** The inputs of AutoQA: the product catalogue, a table like the others, and the transcripts. */
export const AUTOQA_KINDS = {
  products: spec(productRecord, ['product_id', 'name'], ['product_id'], 'duckdb'),
} as const satisfies Record<string, KindSpec>;

/**
 * Operators' time logged in, by state (available, talk, wrap, pause), as a dialler or ACD writes
 * it: the base of occupancy and pause time. Not among KINDS: a center without such a system has
 * none, and the demo writes none.
 */
export const AGENT_TIME_KINDS = {
  'operator-states': spec(
    operatorStateRecord,
    ['operator_id', 'state', 'started_at', 'ended_at'],
    ['operator_id', 'state', 'started_at'],
    'duckdb',
  ),
} as const satisfies Record<string, KindSpec>;

/** Every kind of file with columns: the center's records, agent time and the product catalogue. */
export const RECORD_KINDS = { ...KINDS, ...AGENT_TIME_KINDS, ...AUTOQA_KINDS } as const;
export type RecordKind = keyof typeof RECORD_KINDS;

/**
 * A transcript is not a table of columns (one per call, its segments nested or in rows of their
 * own, or a file per call): its formats are read by etl/transcripts/, not by this registry.
 */
export const TRANSCRIPTS = 'transcripts';

/** Everything `callscore import` and the imports page take, roster first, transcripts after calls. */
export const IMPORT_KINDS = [...KIND_NAMES, 'operator-states', 'products', TRANSCRIPTS] as const;
export type ImportKind = RecordKind | typeof TRANSCRIPTS;
export const isImportKind = (k: string): k is ImportKind => (IMPORT_KINDS as readonly string[]).includes(k);
