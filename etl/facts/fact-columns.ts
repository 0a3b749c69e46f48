import {
  CALL_DIRECTIONS,
  CALL_DISPOSITIONS,
  CALL_OUTCOMES,
  CLIENT_TYPES,
  OPERATOR_STATES,
  ORDER_STATUSES,
  TASK_TYPES,
} from '../../schemas/records.ts';

/**
 * The column parsers of schemas/primitives.ts, as the set-based validator writes them in SQL.
 * Each names the zod primitive it mirrors and uses its message; the golden case
 * tests/etl/golden/csv-bad-rows checks the messages a bad cell of each kind gets.
 */
export type ColumnRule =
  | { type: 'identifier' } // primitives.identifier
  | { type: 'text' } // primitives.text
  | { type: 'timestamp' } // primitives.timestamp, then core/time.ts toInstant
  | { type: 'money' } // primitives.money: integer minor units
  | { type: 'seconds' } // primitives.seconds
  | { type: 'count' } // primitives.count
  | { type: 'currency' } // primitives.currency
  | { type: 'enum'; values: readonly string[] } // primitives.enumOf
  | { type: 'boolean' } // primitives.boolean, an empty cell false
  | { type: 'date' } // primitives.localDate
  | { type: 'list' } // primitives.list: `;`-separated (or a JSON array), an empty cell []
  | { type: 'enum-list'; values: readonly string[] }; // a list whose every item is one of `values`

export type FactKind = 'clients' | 'debts' | 'calls' | 'orders' | 'operator-states' | 'products';
export const FACT_KINDS: readonly FactKind[] = [
  'clients',
  'debts',
  'calls',
  'orders',
  'operator-states',
  'products',
];
export const isFactKind = (k: string): k is FactKind => (FACT_KINDS as readonly string[]).includes(k);
/** A kind's table in DuckDB: its name, `-` written `_` (`operator-states` → `operator_states`). */
export const factTable = (kind: FactKind): string => kind.replaceAll('-', '_');

const id = { type: 'identifier' } as const;
const text = { type: 'text' } as const;
const ts = { type: 'timestamp' } as const;
const money = { type: 'money' } as const;
const seconds = { type: 'seconds' } as const;
const count = { type: 'count' } as const;
const currency = { type: 'currency' } as const;
const oneOf = (values: readonly string[]) => ({ type: 'enum', values }) as const;
const bool = { type: 'boolean' } as const;
const date = { type: 'date' } as const;
const list = { type: 'list' } as const;

/** Column → rule, in the canonical column order of each kind (KINDS[kind].columns). */
export const FACT_COLUMNS: Record<FactKind, Record<string, ColumnRule>> = {
  clients: { client_id: id, name: text, type: oneOf(CLIENT_TYPES), manager_id: id, region: text },
  debts: {
    client_id: id,
    as_of: ts,
    balance: money,
    credit_limit: money,
    overdue_amount: money,
    currency,
  },
  calls: {
    call_id: id,
    started_at: ts,
    queued_at: ts,
    answered_at: ts,
    ended_at: ts,
    direction: oneOf(CALL_DIRECTIONS),
    operator_id: id,
    client_id: id,
    phone: text,
    queue: text,
    disposition: oneOf(CALL_DISPOSITIONS),
    task_type: oneOf(TASK_TYPES),
    outcome: oneOf(CALL_OUTCOMES),
    talk_s: seconds,
    hold_s: seconds,
    wrap_s: seconds,
    transferred_to: text,
    recording: text,
  },
  orders: {
    order_id: id,
    call_id: id,
    operator_id: id,
    client_id: id,
    created_at: ts,
    status: oneOf(ORDER_STATUSES),
    total: money,
    currency,
    lines: count,
    price_column: text,
    offered_items: count,
    error_code: text,
  },
  'operator-states': {
    operator_id: id,
    state: oneOf(OPERATOR_STATES),
    started_at: ts,
    ended_at: ts,
    reason: text,
  },
  // Small, but read by AutoQA beside the transcripts in DuckDB, so loaded as the facts are.
  products: {
    product_id: id,
    name: text,
    synonyms: list,
    category: text,
    is_new: bool,
    promo_from: date,
    promo_to: date,
    traditional_for: { type: 'enum-list', values: CLIENT_TYPES },
  },
};

/**
 * Checks across columns of a row, by the columns' typed values ($v(column)), each with the column
 * it is reported on and the schema's message; checked once every column is good.
 */
export const ROW_RULES: Partial<Record<FactKind, { column: string; bad: string; message: string }[]>> = {
  'operator-states': [
    { column: 'ended_at', bad: '$v(ended_at) < $v(started_at)', message: 'is before started_at' },
  ],
  products: [
    {
      column: 'promo_to',
      bad: '$v(promo_to) < $v(promo_from)',
      message: 'is before promo_from',
    },
  ],
};

/**
 * Columns whose value must name a known operator. A canonical call or order naming an operator
 * the roster does not have is quarantined: import the roster first. (An Asterisk CDR is different:
 * there the PBX names extensions, and an unmatched one loads as a call without an operator.)
 */
export const OPERATOR_REFERENCES: Record<FactKind, readonly string[]> = {
  clients: [],
  debts: [],
  calls: ['operator_id'],
  orders: ['operator_id'],
  'operator-states': ['operator_id'],
  products: [],
};
