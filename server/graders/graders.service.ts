import { emptyCell, finish, tally } from '../../core/autoqa-accuracy.ts';
import type { Answers, FormDefinition } from '../../schemas/forms.ts';
import type {
  DisputesByMonitor,
  DisputesByQuestion,
  DisputesReportResponse,
  GraderRow,
} from '../../schemas/graders.ts';
import { monthRange } from '../../schemas/period.ts';
import type { UserView } from '../../schemas/users.ts';
import type { Stores } from '../../stores/stores.ts';
import { inScope, scopeIds } from '../auth/scope.ts';
import { comparedAnswers } from '../autoqa/accuracy.ts';
import { closedCalibrationSessions } from '../calibration/calibration.repository.ts';
import { submittedScorings } from '../calibration/calibration.service.ts';
import { calibrationResults } from '../calibration/results.ts';
import type { Scope } from '../context.ts';
import { round2 } from '../evaluations/stats.ts';
import { definitionOf, formDefinitionRow } from '../forms/forms.repository.ts';
import { monthOfInstant, periodInstants } from '../periods/period.ts';
import {
  displayNames,
  disputesOfGraded,
  type GradedFilter,
  gradedEvaluations,
} from './graders.repository.ts';

/**
 * Grading the graders (docs/qa-program.md): per QA monitor for a month, from the evaluations of
 * the caller's scope. A monitor (`qa`) reads his own row only.
 */

const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface Calibrated {
  deviations: number[];
  refAgree: number;
  refCompared: number;
}

/**
 * Each monitor's deviations (calibrationResults' own, the strictness of the calibration page) and
 * his answers beside the reference's, over the sessions closed in the month on calls of the scope.
 */
async function calibrationOf(stores: Stores, period: string, timeZone: string, scope: Scope) {
  const by = new Map<string, Calibrated>();
  const forms = new Map<number, FormDefinition>();
  for (const s of await closedCalibrationSessions(stores.db)) {
    if (!s.closed_at || monthOfInstant(s.closed_at, timeZone) !== period) continue;
    if (!inScope(scope, s.operator_id)) continue;
    let def = forms.get(s.form_id);
    if (!def) {
      def = definitionOf(await formDefinitionRow(stores.db, s.form_id));
      forms.set(s.form_id, def);
    }
    const r = calibrationResults(def, await submittedScorings(stores.db, s.id), s.reference_evaluator);
    for (const m of r.monitors) {
      // The reference is the yardstick of its own session: its deviation of 0 says nothing.
      if (m.reference) continue;
      const c = by.get(m.monitor) ?? { deviations: [], refAgree: 0, refCompared: 0 };
      c.deviations.push(m.deviation);
      if (r.basis === 'reference') {
        for (const q of r.questions) {
          if (q.referenceAnswer === undefined || !Object.hasOwn(q.answers, m.monitor)) continue;
          c.refCompared++;
          if (q.answers[m.monitor] === q.referenceAnswer) c.refAgree++;
        }
      }
      by.set(m.monitor, c);
    }
  }
  return by;
}

function filterOf(period: string, timeZone: string, scope: Scope, user: UserView): GradedFilter {
  return {
    range: periodInstants(monthRange(period), timeZone),
    operatorIds: scopeIds(scope),
    evaluator: user.role === 'qa' ? user.username : null,
  };
}

export async function graders(
  stores: Stores,
  user: UserView,
  scope: Scope,
  period: string,
  timeZone: string,
): Promise<GraderRow[]> {
  const f = filterOf(period, timeZone, scope, user);
  const evaluations = await gradedEvaluations(stores.db, f);
  const disputes = await disputesOfGraded(stores.db, f);
  const disputed = new Set(disputes.map((d) => d.evaluation_id));
  const calibration = await calibrationOf(stores, period, timeZone, scope);
  const autoqa = new Map<string, ReturnType<typeof emptyCell>>();
  for (const p of (await comparedAnswers(stores, period, scope)).pairs) {
    const cell = autoqa.get(p.evaluator) ?? emptyCell();
    tally(cell, p.autoResult, p.humanResult);
    autoqa.set(p.evaluator, cell);
  }
  const monitors = new Set([...evaluations.map((e) => e.evaluator), ...calibration.keys()]);
  if (f.evaluator !== null) for (const m of monitors) if (m !== f.evaluator) monitors.delete(m);
  const names = await displayNames(stores.db, [...monitors]);
  return [...monitors].sort().map((monitor): GraderRow => {
    const mine = evaluations.filter((e) => e.evaluator === monitor);
    const times = mine.flatMap((e) =>
      e.opened_at && e.submitted_at
        ? [Math.max(0, (Date.parse(e.submitted_at) - Date.parse(e.opened_at)) / 1000)]
        : [],
    );
    const med = median(times);
    const cal = calibration.get(monitor);
    const dev = cal?.deviations ?? [];
    const nDisputed = mine.filter((e) => disputed.has(e.evaluation_id)).length;
    const nRevised = mine.filter((e) => e.status === 'revised').length;
    const aq = autoqa.get(monitor);
    return {
      monitor,
      displayName: names.get(monitor) ?? monitor,
      evaluations: mine.length,
      timed: times.length,
      medianGradingSeconds: med === null ? null : Math.round(med),
      strictness: dev.length ? round2(dev.reduce((a, b) => a + b, 0) / dev.length) : null,
      calibrationSessions: dev.length,
      referenceAgreement: share(cal?.refAgree ?? 0, cal?.refCompared ?? 0),
      referenceQuestions: cal?.refCompared ?? 0,
      disputed: nDisputed,
      disputedShare: share(nDisputed, mine.length),
      revised: nRevised,
      revisedShare: share(nRevised, mine.length),
      autoqaCompared: aq?.n ?? 0,
      autoqaAgreement: aq ? (finish(aq).agreement ?? null) : null,
    };
  });
}

const parse = (json: string | null): Answers => (json ? (JSON.parse(json) as Answers) : {});

/**
 * Disputes of the month's evaluations (the scope's operators) per monitor, and per form question:
 * how often a question is named in a dispute and how often a revision changed its answer.
 */
export async function disputesReport(
  stores: Stores,
  user: UserView,
  scope: Scope,
  period: string,
  timeZone: string,
): Promise<DisputesReportResponse> {
  const f = filterOf(period, timeZone, scope, user);
  const evaluations = await gradedEvaluations(stores.db, f);
  const disputes = await disputesOfGraded(stores.db, f);
  const byEval = new Map(evaluations.map((e) => [e.evaluation_id, e]));

  const names = await displayNames(stores.db, [...new Set(evaluations.map((e) => e.evaluator))]);
  const monitors = new Map<string, DisputesByMonitor>();
  const disputedIds = new Set(disputes.filter((d) => d.level === 1).map((d) => d.evaluation_id));
  const appealedIds = new Set(disputes.filter((d) => d.level >= 2).map((d) => d.evaluation_id));
  for (const e of evaluations) {
    const m = monitors.get(e.evaluator) ?? {
      monitor: e.evaluator,
      displayName: names.get(e.evaluator) ?? e.evaluator,
      evaluations: 0,
      disputed: 0,
      appealed: 0,
      revised: 0,
      disputedShare: null,
      revisedShare: null,
    };
    m.evaluations++;
    if (disputedIds.has(e.evaluation_id)) m.disputed++;
    if (appealedIds.has(e.evaluation_id)) m.appealed++;
    if (e.status === 'revised') m.revised++;
    monitors.set(e.evaluator, m);
  }
  const byMonitor = [...monitors.values()]
    .map((m) => ({
      ...m,
      disputedShare: share(m.disputed, m.evaluations),
      revisedShare: share(m.revised, m.evaluations),
    }))
    .sort((a, b) => b.disputed - a.disputed || a.monitor.localeCompare(b.monitor));

  const forms = new Map<number, FormDefinition>();
  const questions = new Map<string, DisputesByQuestion>();
  const entry = async (formId: number, formName: string, questionId: string) => {
    const key = `${formName}\u0000${questionId}`;
    let q = questions.get(key);
    if (!q) {
      let def = forms.get(formId);
      if (!def) {
        def = definitionOf(await formDefinitionRow(stores.db, formId));
        forms.set(formId, def);
      }
      const text =
        def.sections.flatMap((s) => s.questions).find((x) => x.id === questionId)?.text ?? questionId;
      q = { formName, questionId, text, disputed: 0, revised: 0 };
      questions.set(key, q);
    }
    return q;
  };
  const firstBefore = new Map<string, string | null>();
  for (const d of disputes) {
    const e = byEval.get(d.evaluation_id);
    if (!e || e.form_id === null) continue;
    if (!firstBefore.has(d.evaluation_id)) firstBefore.set(d.evaluation_id, d.answers_before);
    if (d.level !== 1 || d.question_ids === null) continue;
    for (const qid of JSON.parse(d.question_ids) as string[])
      (await entry(e.form_id, e.form_name ?? '', qid)).disputed++;
  }
  // A revised evaluation: the answers before its first dispute beside the ones that count now.
  for (const e of evaluations) {
    if (e.status !== 'revised' || e.form_id === null || !firstBefore.has(e.evaluation_id)) continue;
    const before = parse(firstBefore.get(e.evaluation_id) ?? null);
    const after = parse(e.answers);
    for (const qid of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[qid] !== after[qid]) (await entry(e.form_id, e.form_name ?? '', qid)).revised++;
    }
  }
  const byQuestion = [...questions.values()].sort(
    (a, b) =>
      b.disputed - a.disputed ||
      b.revised - a.revised ||
      a.formName.localeCompare(b.formName) ||
      a.questionId.localeCompare(b.questionId),
  );
  return { period, byMonitor, byQuestion };
}
