import { BOOLEAN, DOUBLE, LIST, VARCHAR } from '@duckdb/node-api';
import type { UserView } from '../../schemas/api.ts';
import type {
  CallDetail,
  CallListItem,
  CallOrder,
  CallSearchQuery,
  CallsResponse,
} from '../../schemas/calls.ts';
import type { Scope } from '../context.ts';
import { AppError } from '../errors.ts';
import { listEvaluations } from '../evaluations/evaluations.service.ts';
import { type Analytics, num, textList } from '../stores/duckdb.ts';
import type { Db } from '../stores/sqlite.ts';
import { toInstant } from '../time.ts';
import { callRowToFacts, findCall } from './calls.repository.ts';
import { CALL_CLIENT_SQL, CALL_ORDERS_SQL } from './queries/call-orders.sql.ts';
import { CALL_SORT_COLUMNS, searchCallsSql } from './queries/search-calls.sql.ts';

/** The operators a request may see, narrowed to a team; null: everyone. */
export async function visibleOperators(db: Db, scope: Scope, team: string | null): Promise<string[] | null> {
  let ids: string[] | null = scope.operatorIds ? [...scope.operatorIds] : null;
  if (team) {
    const rows = await db.selectFrom('operators').select('operator_id').where('team_id', '=', team).execute();
    const inTeam = new Set(rows.map((r) => r.operator_id));
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
};

export async function searchCalls(
  db: Db,
  analytics: Analytics,
  q: CallSearchQuery,
  scope: Scope,
  timeZone: string,
): Promise<CallsResponse> {
  const ops = await visibleOperators(db, scope, q.team ?? null);
  const fromInstant = toInstant(q.from, timeZone).toISOString();
  const toInstantIso = toInstant(q.to, timeZone).toISOString();
  // Only the evaluated calls of the range cross from SQLite, and only when the filter asks.
  const evaluated =
    q.hasEvaluation === undefined
      ? []
      : (
          await db
            .selectFrom('evaluations')
            .select('call_id')
            .distinct()
            .where('calibration', '=', 0)
            .where('call_started_at', '>=', fromInstant)
            .where('call_started_at', '<', toInstantIso)
            .execute()
        ).map((r) => r.call_id);
  const order = `${CALL_SORT_COLUMNS[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
  const rows = await analytics.rows(
    searchCallsSql(order),
    {
      tz: timeZone,
      from: q.from,
      to: q.to,
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
      limit: q.limit,
      offset: q.offset,
    },
    SEARCH_TYPES,
  );
  const facts = rows.map(callRowToFacts);
  const opIds = [...new Set(facts.map((f) => f.operatorId).filter((x): x is string => x !== null))];
  const names = new Map(
    (
      await db
        .selectFrom('operators')
        .select(['operator_id', 'name', 'team_id'])
        .where('operator_id', 'in', [...opIds, ''])
        .execute()
    ).map((o) => [o.operator_id, o]),
  );
  const counts = new Map(
    (
      await db
        .selectFrom('evaluations')
        .select((eb) => ['call_id', eb.fn.countAll<number>().as('n')])
        .where('calibration', '=', 0)
        .where('call_id', 'in', [...facts.map((f) => f.callId), ''])
        .groupBy('call_id')
        .execute()
    ).map((r) => [r.call_id, Number(r.n)]),
  );
  return {
    total: rows.length ? num(rows[0]?.total) : 0,
    limit: q.limit,
    offset: q.offset,
    calls: facts.map(
      (f): CallListItem => ({
        ...f,
        operatorName: f.operatorId ? (names.get(f.operatorId)?.name ?? null) : null,
        teamId: f.operatorId ? (names.get(f.operatorId)?.team_id ?? null) : null,
        evaluations: counts.get(f.callId) ?? 0,
      }),
    ),
  };
}

/** A call the user may see: an operator only his own. */
export async function visibleCall(analytics: Analytics, callId: string, user: UserView) {
  const call = await findCall(analytics, callId);
  if (!call) throw new AppError('not_found', `no call ${callId}`);
  if (user.role === 'operator' && call.operatorId !== user.operatorId) {
    throw new AppError('forbidden', 'an operator can only see his own calls');
  }
  return call;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** One call with everything known about it: who, with whom, what was ordered, claims, evaluations. */
export async function callDetail(
  db: Db,
  analytics: Analytics,
  callId: string,
  user: UserView,
  settings: { timeZone: string; disputeDays: number },
): Promise<CallDetail> {
  const call = await visibleCall(analytics, callId, user);
  const operator = call.operatorId
    ? await db
        .selectFrom('operators')
        .leftJoin('teams', 'teams.team_id', 'operators.team_id')
        .select(['operators.operator_id', 'operators.name', 'operators.team_id', 'teams.name as team_name'])
        .where('operators.operator_id', '=', call.operatorId)
        .executeTakeFirst()
    : undefined;
  const [client] = call.clientId ? await analytics.rows(CALL_CLIENT_SQL, { id: call.clientId }) : [];
  const orderRows = await analytics.rows(CALL_ORDERS_SQL, { id: callId });
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
      // SCORING.md, order rules: overdue or over the limit when the order was taken
      breaksDebtRule: debt !== null && (debt.overdueAmount > 0 || debt.balance > debt.creditLimit),
      breaksRoutingRule: o.client_type != null && (o.client_type === 'key' || o.manager_id == null),
    };
  });
  const orderIds = orders.map((o) => o.orderId);
  const claims = await db
    .selectFrom('claims')
    .selectAll()
    .where((eb) => eb.or([eb('call_id', '=', callId), eb('order_id', 'in', [...orderIds, ''])]))
    .$if(user.role === 'operator', (q) => q.where('operator_id', '=', user.operatorId ?? ''))
    .orderBy('received_at')
    .execute();
  const { evaluations } = await listEvaluations(
    db,
    user,
    { callId, calibration: false, limit: 500, offset: 0 },
    settings,
  );
  return {
    ...call,
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
