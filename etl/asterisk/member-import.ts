import { BIGINT, type DuckDBConnection, VARCHAR } from '@duckdb/node-api';
import {
  HORIZON_SQL,
  MEMBER_EVENTS_FRESH_SQL,
  MEMBER_NOTES_SQL,
  MEMBER_OF_SQL,
  MEMBER_STATES_TABLE_SQL,
  REPLACE_STATES_SQL,
  STATE_EVENTS_SQL,
  STATE_OPERATORS_SQL,
  STATE_TALKS_SQL,
} from './member-events.sql.ts';
import { type MemberEvent, memberStates, type Span } from './member-states.ts';

const count = async (c: DuckDBConnection, sql: string) =>
  Number((await c.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);

const byOperator = <T>(rows: unknown[][], make: (r: unknown[]) => T) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const id = String(r[0]);
    const list = out.get(id) ?? [];
    if (!list.length) out.set(id, list);
    list.push(make(r));
  }
  return out;
};

const nullable = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Rebuilds the states of the operators in `state_ops`; returns how many are still logged in, and
 * whether anything was rebuilt (an operator with no login since his `from_s` has no state there).
 */
async function rebuild(c: DuckDBConnection, importId: number): Promise<{ open: number; rebuilt: boolean }> {
  const events = byOperator(
    (await c.runAndReadAll(STATE_EVENTS_SQL)).getRows(),
    (r): MemberEvent => ({
      at: Number(r[1]),
      queue: nullable(r[2]),
      event: String(r[3]),
      data1: nullable(r[4]),
      before: r[5] === null ? null : Number(r[5]),
    }),
  );
  if (!events.size) return { open: 0, rebuilt: false };
  const horizon = await count(c, HORIZON_SQL);
  const talks = byOperator(
    (await c.runAndReadAll(STATE_TALKS_SQL)).getRows(),
    (r): Span => ({ from: Number(r[1]), to: Number(r[2]) }),
  );
  const appender = await c.createAppender('member_states', 'main', 'temp');
  let open = 0;
  for (const [operatorId, list] of events) {
    const built = memberStates(list, talks.get(operatorId) ?? [], horizon);
    if (built.open) open++;
    for (const s of built.states) {
      appender.appendVarchar(operatorId);
      appender.appendVarchar(s.state);
      appender.appendBigInt(BigInt(s.from));
      appender.appendBigInt(BigInt(s.to));
      if (s.reason === null) appender.appendNull();
      else appender.appendValue(s.reason, VARCHAR);
      appender.endRow();
    }
  }
  appender.closeSync();
  for (const sql of REPLACE_STATES_SQL) await c.run(sql, sql.includes('$importId') ? { importId } : {});
  return { open, rebuilt: true };
}

/**
 * Stores the file's login and pause events (`qlog`) and rebuilds the states of every operator
 * they, or the calls just merged (`merged`), concern, from his stored events and answered calls.
 * `horizon` is where the queue_log read so far ended before this file (HORIZON_SQL): an operator
 * still logged in there is carried on to this file's end. Returns the report's notes.
 */
export async function addMemberStates(
  c: DuckDBConnection,
  importId: number,
  pbx: string,
  horizon: number,
): Promise<string[]> {
  await c.run(MEMBER_EVENTS_FRESH_SQL, { pbx });
  await c.run(`INSERT INTO pbx_member_events BY NAME SELECT *, $importId AS import_id FROM fresh_members`, {
    importId,
  });
  await c.run(MEMBER_OF_SQL);
  await c.run(STATE_OPERATORS_SQL, { horizon }, { horizon: BIGINT });
  await c.run(MEMBER_STATES_TABLE_SQL);
  const { open, rebuilt } = await rebuild(c, importId);

  const [fresh, states, operators, added, gone] = (
    await c.runAndReadAll(`SELECT (SELECT count(*) FROM fresh_members), count(*), count(DISTINCT operator_id),
      ${rebuilt ? '(SELECT count(*) FROM added), (SELECT count(*) FROM gone)' : '0, 0'}
      FROM member_states`)
  ).getRows()[0] as bigint[];
  const notes: string[] = [];
  if (fresh || added || gone) {
    notes.push(
      `operator states from the queue members' logins and pauses: ${states} of ${operators} operators (available, talk, pause), ${added} new, ${gone} replaced`,
    );
  }
  if (open) {
    notes.push(
      `${open} operators still logged in when the file ends: their last state runs to its last event for now, and the next file's events carry it on`,
    );
  }
  const rows = (await c.runAndReadAll(MEMBER_NOTES_SQL)).getRows();
  const unknown = rows.filter((r) => r[0] === 'unknown');
  const ignored = rows.filter((r) => r[0] === 'ignored');
  if (unknown.length) {
    const n = unknown.reduce((sum, r) => sum + Number(r[2]), 0);
    const names = unknown
      .slice(0, 5)
      .map((r) => String(r[1]))
      .join(', ');
    notes.push(
      `${n} events of queue members match no operator (pbx_ids): ${names}${unknown.length > 5 ? ' …' : ''}; kept, no state`,
    );
  }
  if (ignored.length) {
    notes.push(
      `events of queues and members that give no state: ${ignored.map(([, e, n]) => `${n} ${e}`).join(', ')}`,
    );
  }
  return notes;
}
