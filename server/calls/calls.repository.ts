import type { CallFacts } from '../../schemas/calls.ts';
import type { Analytics, JsonRow } from '../stores/duckdb.ts';
import { CALL_FACTS_SQL } from './queries/call-facts.sql.ts';

const text = (v: JsonRow[string] | undefined) => (v == null ? null : String(v));
const number = (v: JsonRow[string] | undefined) => (v == null ? null : Number(v));

/** A calls row (as the call SQL modules select it) to its API shape. */
export const callRowToFacts = (r: JsonRow): CallFacts => ({
  callId: String(r.call_id),
  operatorId: text(r.operator_id),
  clientId: text(r.client_id),
  direction: String(r.direction),
  disposition: String(r.disposition),
  taskType: text(r.task_type),
  outcome: text(r.outcome),
  queue: text(r.queue),
  phone: text(r.phone),
  startedAt: String(r.started_at),
  queuedAt: text(r.queued_at),
  answeredAt: text(r.answered_at),
  endedAt: text(r.ended_at),
  talkS: number(r.talk_s),
  holdS: number(r.hold_s),
  wrapS: number(r.wrap_s),
  transferredTo: text(r.transferred_to),
  recording: text(r.recording),
});

export async function findCall(analytics: Analytics, callId: string): Promise<CallFacts | null> {
  const [row] = await analytics.rows(CALL_FACTS_SQL, { id: callId });
  return row ? callRowToFacts(row) : null;
}
