import {
  type AutoqaCallRow,
  type AutoqaRunResponse,
  type CallAutoqaResponse,
  type CheckResult,
  type Evidence,
  evidenceSchema,
} from '../../schemas/autoqa.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { PERIOD_AUTO_SCORES_SQL } from './queries/evaluations.sql.ts';
import { CALL_RESULTS_SQL, PERIOD_RESULTS_SQL } from './queries/results.sql.ts';
import { currentRuleSet } from './rules.service.ts';
import { type AutoqaProgress, runAutoqa } from './run.ts';

/**
 * One row per transcribed call of `period` (local dates, the company's time zone): its checks
 * under the rule set in force, keyed in the rule set's order. A call not checked yet has none.
 */
export async function autoqaRows(stores: Stores, period: string): Promise<AutoqaCallRow[]> {
  const ruleSet = await currentRuleSet(stores.db);
  const { timeZone } = await readSettings(stores.db);
  const range = { tz: timeZone, ...monthRange(period) };
  const [rows, scored] = await Promise.all([
    stores.analytics.rows(PERIOD_RESULTS_SQL, { ...range, version: ruleSet.version }),
    stores.analytics.rows(PERIOD_AUTO_SCORES_SQL, range),
  ]);
  const autoScores = new Map(
    scored.map((r) => [String(r.call_id), r.score == null ? null : Number(r.score)]),
  );
  const order = ruleSet.checks.map((c) => c.key);
  const byCall = new Map<string, AutoqaCallRow & { found: Map<string, CheckResult> }>();
  for (const r of rows) {
    const callId = String(r.call_id);
    let row = byCall.get(callId);
    if (!row) {
      row = {
        callId,
        operatorId: r.operator_id == null ? null : String(r.operator_id),
        language: String(r.language),
        checks: {},
        // The call's auto evaluation (auto-evaluations.ts); null without one or when nothing was answered.
        autoScore: autoScores.get(callId) ?? null,
        found: new Map(),
      };
      byCall.set(callId, row);
    }
    if (r.check_key != null) row.found.set(String(r.check_key), r.result as CheckResult);
  }
  return [...byCall.values()].map(({ found, ...row }) => ({
    ...row,
    checks: Object.fromEntries(
      order.filter((k) => found.has(k)).map((k) => [k, found.get(k) as CheckResult]),
    ),
  }));
}

type ResultRow = Awaited<ReturnType<Stores['analytics']['rows']>>[number];

/** The checked rows of CALL_RESULTS_SQL, each with its evidence parsed. */
const parseResults = (rows: ResultRow[]) =>
  rows
    .filter((r) => r.check_key != null)
    .map((r) => ({
      checkKey: String(r.check_key),
      result: r.result as CheckResult,
      evidence: evidenceSchema.parse(JSON.parse(String(r.evidence ?? '{}'))) as Evidence,
      checkedAt: r.checked_at == null ? null : String(r.checked_at),
    }));

/** One call's results of rule-set `version`, with their evidence; empty when not checked under it. */
export async function callResults(stores: Stores, callId: string, version: number) {
  return parseResults(await stores.analytics.rows(CALL_RESULTS_SQL, { id: callId, version }));
}

/** One call's results under the rule set in force, each with its evidence and labels. */
export async function callAutoqa(stores: Stores, callId: string): Promise<CallAutoqaResponse> {
  const ruleSet = await currentRuleSet(stores.db);
  const rows = await stores.analytics.rows(CALL_RESULTS_SQL, { id: callId, version: ruleSet.version });
  const found = new Map(parseResults(rows).map((r) => [r.checkKey, r]));
  return {
    callId,
    rulesVersion: ruleSet.version,
    language: rows[0]?.language == null ? null : String(rows[0].language),
    checkedAt: [...found.values()].find((r) => r.checkedAt != null)?.checkedAt ?? null,
    checks: ruleSet.checks.flatMap((c) => {
      const r = found.get(c.key);
      if (!r) return [];
      return [{ key: c.key, labels: c.labels, result: r.result, evidence: r.evidence }];
    }),
  };
}

/** Runs one after another: two at once would both find the same calls unchecked. */
let lastRun: Promise<unknown> = Promise.resolve();

/** Runs `work` once no run is under way, and holds the next run until it is done. */
export function betweenRuns<T>(work: () => Promise<T>): Promise<T> {
  const turn = lastRun.then(work);
  lastRun = turn.catch(() => {});
  return turn;
}

/** A run with its audit row: what ran, by whom, under which rule-set version, how many calls. */
export async function runAutoqaAudited(
  stores: Stores,
  period: string,
  actor: string,
  onProgress?: AutoqaProgress,
): Promise<AutoqaRunResponse> {
  const run = await betweenRuns(() => runAutoqa(stores, period, onProgress));
  const transcribed = (await autoqaRows(stores, period)).length;
  const body: AutoqaRunResponse = {
    period,
    rulesVersion: run.rulesVersion,
    transcribed,
    checked: run.checked,
  };
  await audit(stores.db, { actor, action: 'run', entity: 'autoqa', entityId: period, after: body });
  return body;
}
