import { LIST, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import { type CallCheckView, type CheckDef, type CheckResult, evidenceSchema } from '../../schemas/autoqa.ts';
import type { RuleTestResponse, RuleTestSegment, RuleTestSource } from '../../schemas/autoqa-test.ts';
import { Analytics, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { visibleCall } from '../calls/calls.service.ts';
import type { Scope } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { parsePastedTranscript } from './pasted-transcript.ts';
import { CALL_RESULTS_SQL } from './queries/results.sql.ts';
import {
  CLEAR_SQL,
  COLUMNS_SQL,
  COPIED,
  type CopiedTable,
  insertJsonSql,
  PASTED_CALL_SQL,
  PASTED_CLIENT_SQL,
  PASTED_DEBT_SQL,
  PASTED_SEGMENTS_SQL,
  PASTED_TRANSCRIPT_SQL,
  rowsJsonSql,
  SET_LANGUAGE_SQL,
  TESTED_CALL_SQL,
  TESTED_SEGMENTS_SQL,
} from './queries/rule-test.sql.ts';
import { runAutoqa } from './run.ts';

/** The id a pasted transcript's call has in the scratch store. */
const PASTED_ID = 'PASTED';
const PASTED_CLIENT = 'PASTED-CLIENT';
/** The version the draft's results are written under in the scratch store (never a stored one). */
const DRAFT_VERSION = 0;

const TEXT_LIST = LIST(VARCHAR);

/** Tests run one at a time, in the one scratch store: a crowd of them would starve the server. */
let lastTest: Promise<unknown> = Promise.resolve();

/**
 * The scratch store, opened on the first test and kept: opening one and migrating it is half of a
 * test's time. Each test empties what the last one left, but the stem lexicon, which only grows
 * with words stemmed once, stays.
 */
let scratchStore: Promise<Analytics> | null = null;
function scratch(): Promise<Analytics> {
  scratchStore ??= Analytics.scratch().catch((e: unknown) => {
    scratchStore = null;
    throw e;
  });
  return scratchStore;
}

/**
 * Runs a draft rule set on one transcript with the real engine and stores nothing in the data: a
 * scratch in-memory DuckDB has the same tables, gets the call with what its checks read (its
 * client, the client's debt snapshot, the product catalogue) and the transcript, and runAutoqa
 * checks it there under the draft. A picked call must be one the caller may read.
 */
export function testRules(
  stores: Stores,
  checks: CheckDef[],
  source: RuleTestSource,
  scope: Scope,
  actor: string,
): Promise<RuleTestResponse> {
  const turn = lastTest.then(() => testRulesNow(stores, checks, source, scope, actor));
  lastTest = turn.catch(() => {});
  return turn;
}

async function testRulesNow(
  stores: Stores,
  checks: CheckDef[],
  source: RuleTestSource,
  scope: Scope,
  actor: string,
): Promise<RuleTestResponse> {
  const started = performance.now();
  const { timeZone } = await readSettings(stores.db);
  // Parsed before anything is opened: a bad transcript is the caller's 400, at once.
  const pasted = source.from === 'text' ? parsePastedTranscript(source.text) : null;
  if (source.from === 'call') await visibleCall(stores.analytics, source.callId, scope);
  const store = await scratch();
  for (const sql of CLEAR_SQL) await store.rows(sql);
  const callId = source.from === 'call' ? source.callId : PASTED_ID;
  if (source.from === 'call') {
    await copyFromData(stores.analytics, store, 'products', {});
    for (const table of ['calls', 'clients', 'debts', 'transcripts', 'transcript_segments'] as const)
      await copyFromData(stores.analytics, store, table, { id: callId });
    const [t] = await store.rows('SELECT language FROM transcripts WHERE call_id = $id', { id: callId });
    if (!t) throw new AppError('not_found', `call ${callId} has no transcript`);
    if (source.language) await store.rows(SET_LANGUAGE_SQL, { id: callId, language: source.language });
  } else {
    await copyFromData(stores.analytics, store, 'products', {});
    await loadPasted(store, source, pasted as RuleTestSegment[], timeZone);
  }
  const [call] = await store.rows(TESTED_CALL_SQL, { id: callId, tz: timeZone });
  const date = String(call?.date);
  await runAutoqa({ db: stores.db, analytics: store }, date.slice(0, 7), undefined, undefined, {
    version: DRAFT_VERSION,
    createdAt: new Date().toISOString(),
    createdBy: actor,
    checks,
  });
  const results = await store.rows(CALL_RESULTS_SQL, { id: callId, version: DRAFT_VERSION });
  const found = new Map(results.filter((r) => r.check_key != null).map((r) => [String(r.check_key), r]));
  const segments = (await store.rows(TESTED_SEGMENTS_SQL, { id: callId })).map(
    (s): RuleTestSegment => ({
      seq: Number(s.seq),
      speaker: String(s.speaker) as RuleTestSegment['speaker'],
      startS: Number(s.start_s),
      endS: Number(s.end_s),
      text: String(s.text),
    }),
  );
  return {
    callId: source.from === 'call' ? callId : null,
    language: String(results[0]?.language ?? source.language ?? ''),
    date,
    segments,
    checks: checks.flatMap((c): CallCheckView[] => {
      const r = found.get(c.key);
      if (!r) return [];
      const evidence = evidenceSchema.parse(JSON.parse(String(r.evidence ?? '{}')));
      return [{ key: c.key, labels: c.labels, result: r.result as CheckResult, evidence }];
    }),
    ms: Math.round(performance.now() - started),
  };
}

/** Copies a table's rows the test needs from the data into the scratch store, types and all. */
async function copyFromData(
  data: Analytics,
  scratch: Analytics,
  table: CopiedTable,
  params: { id?: string },
): Promise<void> {
  const sql = rowsJsonSql(table);
  const [row] = await data.rows(sql, COPIED[table].includes('$id') ? { id: params.id ?? '' } : {});
  if (row?.j == null) return;
  const columns = await scratch.rows(COLUMNS_SQL, { table });
  const shape = JSON.stringify(
    Object.fromEntries(columns.map((c) => [String(c.column_name), String(c.data_type)])),
  );
  await scratch.rows(insertJsonSql(table), { rows: String(row.j), shape: `[${shape}]` });
}

/** A pasted transcript's call, with the client and debt the tester chose, and its segments. */
async function loadPasted(
  scratch: Analytics,
  source: Extract<RuleTestSource, { from: 'text' }>,
  segments: RuleTestSegment[],
  timeZone: string,
): Promise<void> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  // A client only when something about him is given: without a type the product check is `na`.
  const client = source.clientType || source.debt ? PASTED_CLIENT : null;
  await scratch.rows(PASTED_CALL_SQL, { id: PASTED_ID, tz: timeZone, date: source.date ?? today, client });
  if (source.clientType) await scratch.rows(PASTED_CLIENT_SQL, { client, type: source.clientType });
  if (source.debt) await scratch.rows(PASTED_DEBT_SQL, { client: PASTED_CLIENT, id: PASTED_ID });
  await scratch.rows(PASTED_TRANSCRIPT_SQL, {
    id: PASTED_ID,
    language: source.language,
    known: segments.some((s) => s.speaker !== 'unknown'),
    count: segments.length,
  });
  const list = (f: (s: RuleTestSegment) => string | number) => textList(segments.map((s) => String(f(s))));
  await scratch.rows(
    PASTED_SEGMENTS_SQL,
    {
      id: PASTED_ID,
      seq: list((s) => s.seq),
      speaker: list((s) => s.speaker),
      start: list((s) => s.startS),
      end: list((s) => s.endS),
      text: list((s) => s.text),
    },
    { seq: TEXT_LIST, speaker: TEXT_LIST, start: TEXT_LIST, end: TEXT_LIST, text: TEXT_LIST },
  );
}
