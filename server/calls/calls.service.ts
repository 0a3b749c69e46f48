import { BOOLEAN, DOUBLE, LIST, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import { pbxCallId } from '../../core/pbx-call-id.ts';
import type {
  CallDetail,
  CallFacts,
  CallListItem,
  CallOrder,
  CallSearchQuery,
  CallsResponse,
} from '../../schemas/calls.ts';
import type { UserView } from '../../schemas/users.ts';
import { type Analytics, num, textList } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import { arrowStream, type Column } from '../arrow.ts';
import { assertInScope, scopeIds } from '../auth/scope.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import type { Scope } from '../context.ts';
import { listEvaluations } from '../evaluations/evaluations.service.ts';
import { periodInstants } from '../periods/period.ts';
import { teamOperatorIds } from '../roster/roster.repository.ts';
import {
  CALL_FACT_COLUMNS,
  callColumnsToFacts,
  claimsOfCall,
  evaluatedCallIds,
  evaluationCounts,
  findCall,
  operatorsByIds,
  operatorWithTeam,
} from './calls.repository.ts';
import { FAILED_CHECKS_SQL } from './queries/call-checks.sql.ts';
import { CALL_FROM_PBX_SQL } from './queries/call-facts.sql.ts';
import { CALL_CLIENT_SQL, CALL_ORDERS_SQL } from './queries/call-orders.sql.ts';
import { CALL_SORT_COLUMNS, searchCallsSql } from './queries/search-calls.sql.ts';

/** The operators a request may see, narrowed to a team; null: everyone. */
export async function visibleOperators(db: Db, scope: Scope, team: string | null): Promise<string[] | null> {
  let ids: string[] | null = scope.operatorIds ? [...scope.operatorIds] : null;
  if (team) {
    const inTeam = new Set(await teamOperatorIds(db, team));
    ids = ids ? ids.filter((id) => inTeam.has(id)) : [...inTeam];
  }
  return ids;
}

const SEARCH_TYPES = {
  ops: LIST(VARCHAR),
  evaluated: LIST(VARCHAR),
  min_talk: DOUBLE,
  max_talk: DOUBLE,
  has_recording: BOOLEAN,
  has_evaluation: BOOLEAN,
  operator: VARCHAR,
  client: VARCHAR,
  direction: VARCHAR,
  task_type: VARCHAR,
  disposition: VARCHAR,
  check: VARCHAR,
  check_result: VARCHAR,
};

/** The calls list's columns: each CallListItem field's values, in the rows' order. */
export type CallColumns = { [K in keyof CallListItem]: CallListItem[K][] };

/** A page of the calls list, column by column, with what the JSON body says beside its rows. */
export interface CallsPage extends Omit<CallsResponse, 'calls'> {
  columns: CallColumns;
}

/**
 * A page of calls, column by column as DuckDB gives them, with each call's operator name, team
 * and evaluation count from the operational store. The JSON rows and the Arrow body are both
 * made from these columns.
 */
export async function searchCallColumns(
  db: Db,
  analytics: Analytics,
  q: CallSearchQuery,
  scope: Scope,
  timeZone: string,
): Promise<CallsPage> {
  const ops = await visibleOperators(db, scope, q.team ?? null);
  const instants = periodInstants(q.period, timeZone);
  // Only the evaluated calls of the range cross from SQLite, and only when the filter asks.
  const evaluated =
    q.hasEvaluation === undefined ? [] : await evaluatedCallIds(db, instants.from, instants.to);
  const ruleSet = await currentRuleSet(db);
  const checkKeys = ruleSet.checks.map((c) => c.key);
  if (q.check !== undefined && !checkKeys.includes(q.check))
    throw new AppError(
      'bad_request',
      `invalid query: check: "${q.check}" is no check of the rule set in force (${checkKeys.join(', ')})`,
    );
  const order = `${CALL_SORT_COLUMNS[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
  const result = await analytics.columns(
    searchCallsSql(order),
    {
      tz: timeZone,
      from: q.period.from,
      to: q.period.to,
      all: ops === null,
      ops: textList(ops ?? []),
      operator: q.operator ?? null,
      client: q.client ?? null,
      direction: q.direction ?? null,
      task_type: q.taskType ?? null,
      disposition: q.disposition ?? null,
      min_talk: q.minDuration ?? null,
      max_talk: q.maxDuration ?? null,
      has_recording: q.hasRecording ?? null,
      has_evaluation: q.hasEvaluation ?? null,
      evaluated: textList(evaluated),
      rules_version: ruleSet.version,
      check: q.check ?? null,
      check_result: q.checkResult ?? null,
      limit: q.limit,
      offset: q.offset,
    },
    SEARCH_TYPES,
  );
  const facts = callColumnsToFacts(result);
  const opIds = [...new Set(facts.operatorId.filter((x): x is string => x !== null))];
  const names = new Map((await operatorsByIds(db, opIds)).map((o) => [o.operator_id, o]));
  const counts = await evaluationCounts(db, facts.callId);
  const failed = await failedChecks(analytics, facts.callId, ruleSet.version, checkKeys);
  const operator = (id: string | null) => (id ? names.get(id) : undefined);
  return {
    total: facts.callId.length ? num(result.total?.[0]) : 0,
    limit: q.limit,
    offset: q.offset,
    columns: {
      ...facts,
      operatorName: facts.operatorId.map((id) => operator(id)?.name ?? null),
      teamId: facts.operatorId.map((id) => operator(id)?.team_id ?? null),
      evaluations: facts.callId.map((id) => counts.get(id) ?? 0),
      failedChecks: facts.callId.map((id) => failed.get(id) ?? null),
    },
  };
}

/** Each checked call's failed checks, space-separated in the rule set's order. */
async function failedChecks(
  analytics: Analytics,
  callIds: string[],
  version: number,
  order: readonly string[],
): Promise<Map<string, string>> {
  if (!callIds.length) return new Map();
  const rows = await analytics.rows(
    FAILED_CHECKS_SQL,
    { ids: textList(callIds), version },
    { ids: LIST(VARCHAR) },
  );
  return new Map(
    rows.map((r) => {
      const keys = new Set((r.failed as string[] | null) ?? []);
      return [String(r.call_id), order.filter((k) => keys.has(k)).join(' ')];
    }),
  );
}

/** What the list adds to a call's facts, and how each crosses as Arrow. */
const ADDED_KINDS = {
  operatorName: 'label',
  teamId: 'label',
  evaluations: 'number',
  failedChecks: 'text',
} as const satisfies Record<Exclude<keyof CallListItem, keyof CallFacts>, Column['type']>;

/** The list's fields in the JSON's order, each with how it crosses as Arrow. */
const LIST_FIELDS = [
  ...Object.entries(CALL_FACT_COLUMNS).map(([field, c]) => ({ field, kind: c.kind })),
  ...Object.entries(ADDED_KINDS).map(([field, kind]) => ({ field, kind })),
] as { field: keyof CallListItem; kind: Column['type'] }[];

/** A page of calls, as the JSON body gives them: one object a row. */
export async function searchCalls(
  db: Db,
  analytics: Analytics,
  q: CallSearchQuery,
  scope: Scope,
  timeZone: string,
): Promise<CallsResponse> {
  const { columns, ...meta } = await searchCallColumns(db, analytics, q, scope, timeZone);
  const calls = columns.callId.map(
    (_, i) =>
      Object.fromEntries(
        LIST_FIELDS.map(({ field }) => [field, columns[field][i]]),
      ) as unknown as CallListItem,
  );
  return { ...meta, calls };
}

/**
 * The same page as Arrow IPC, one column a CallListItem field in the JSON's order: repeating
 * text as dictionaries, instants as timestamps and numbers as small integers where exact.
 */
export function callsArrow(columns: CallColumns): Uint8Array {
  return arrowStream(
    LIST_FIELDS.map(({ field, kind }) => ({ name: field, type: kind, values: columns[field] }) as Column),
  );
}

/** A call of an operator in the scope (an operator's scope is himself); any other is "no call". */
export async function visibleCall(analytics: Analytics, callId: string, scope: Scope) {
  const call = await findCall(analytics, callId);
  if (!call) throw new AppError('not_found', `no call ${callId}`);
  assertInScope(scope, call.operatorId, `no call ${callId}`);
  return call;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** One call with everything known about it: who, with whom, what was ordered, claims, evaluations. */
export async function callDetail(
  db: Db,
  analytics: Analytics,
  callId: string,
  user: UserView,
  scope: Scope,
  settings: { timeZone: string; disputeDays: number },
): Promise<CallDetail> {
  const call = await visibleCall(analytics, callId, scope);
  const visible = scopeIds(scope);
  const operator = call.operatorId ? await operatorWithTeam(db, call.operatorId) : undefined;
  const [client] = call.clientId ? await analytics.rows(CALL_CLIENT_SQL, { id: call.clientId }) : [];
  const orderRows = await analytics.rows(CALL_ORDERS_SQL, { id: callId });
  const [fromPbx] = await analytics.rows(CALL_FROM_PBX_SQL, { id: callId });
  const orders = orderRows.map((o): CallOrder => {
    const debt =
      o.debt_as_of == null
        ? null
        : {
            asOf: String(o.debt_as_of),
            balance: num(o.balance),
            creditLimit: num(o.credit_limit),
            overdueAmount: num(o.overdue_amount),
          };
    return {
      orderId: String(o.order_id),
      createdAt: String(o.created_at),
      status: String(o.status),
      total: num(o.total),
      currency: o.currency == null ? null : String(o.currency),
      lines: o.lines == null ? null : Number(o.lines),
      priceColumn: o.price_column == null ? null : String(o.price_column),
      offeredItems: o.offered_items == null ? null : Number(o.offered_items),
      errorCode: o.error_code == null ? null : String(o.error_code),
      debt,
      // docs/scoring.md, order rules: overdue or over the limit when the order was taken
      breaksDebtRule: debt !== null && (debt.overdueAmount > 0 || debt.balance > debt.creditLimit),
      breaksRoutingRule: o.client_type != null && (o.client_type === 'key' || o.manager_id == null),
    };
  });
  const orderIds = orders.map((o) => o.orderId);
  const claims = await claimsOfCall(db, callId, orderIds, visible);
  const { evaluations } = await listEvaluations(
    db,
    user,
    scope,
    { callId, calibration: false, limit: 500, offset: 0 },
    settings,
  );
  return {
    ...call,
    pbx: fromPbx?.from_pbx ? pbxCallId(callId, true) : null,
    operator: operator
      ? {
          operatorId: operator.operator_id,
          name: operator.name,
          teamId: operator.team_id,
          teamName: operator.team_name,
        }
      : null,
    client: client
      ? {
          clientId: String(client.client_id),
          name: client.name == null ? null : String(client.name),
          type: String(client.type),
          managerId: client.manager_id == null ? null : String(client.manager_id),
          region: client.region == null ? null : String(client.region),
        }
      : null,
    orders,
    claims: claims.map((c) => ({
      claimId: c.claim_id,
      source: c.source,
      status: c.status,
      receivedAt: c.received_at,
      decidedAt: c.decided_at,
      description: c.description,
      orderId: c.order_id,
    })),
    evaluations,
    recordingUrl:
      call.recording === null
        ? null
        : isUrl(call.recording)
          ? call.recording
          : `/api/calls/${encodeURIComponent(callId)}/recording`,
  };
}
