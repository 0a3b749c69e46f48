import type { Insertable } from 'kysely';
import { autoAnswer, boundQuestions } from '../../core/auto-answer.ts';
import type { CheckResult, Evidence } from '../../schemas/autoqa.ts';
import type { AutoAnswerView } from '../../schemas/evaluations.ts';
import type { Answers, AnswerValue, FormDefinition } from '../../schemas/forms.ts';
import type { Stores } from '../../stores/stores.ts';
import type { EvaluationAutoAnswersTable } from '../../stores/tables.ts';
import { callAutoqa, callResults } from '../autoqa/autoqa.service.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import { autoAnswersOf, decideAutoAnswer } from './auto-answers.repository.ts';

/**
 * AutoQA's answers on a monitor's evaluation (docs/autoqa.md, "The workspace"): proposed when the
 * draft starts, decided when it is submitted, shown with the check's evidence.
 */

type Row = Insertable<EvaluationAutoAnswersTable>;

/**
 * The answers the call's results under the rule set in force give the form's questions that name
 * a check, and a row per question answered so. None when the call has no results of that version.
 */
export async function proposedAnswers(
  stores: Stores,
  callId: string,
  def: FormDefinition,
): Promise<{ answers: Answers; rows: Omit<Row, 'evaluation_id'>[] }> {
  const results = await callAutoqa(stores, callId);
  const byKey = new Map(results.checks.map((c) => [c.key, c.result]));
  const answers: Answers = {};
  const rows: Omit<Row, 'evaluation_id'>[] = [];
  for (const q of boundQuestions(def)) {
    const check = q.auto?.check ?? '';
    const result = byKey.get(check);
    const v = autoAnswer(q, result);
    if (v === undefined || result === undefined) continue;
    answers[q.id] = v;
    rows.push({
      question_id: q.id,
      check_key: check,
      rules_version: results.rulesVersion,
      result,
      auto_value: JSON.stringify(v),
      final_value: null,
      decision: null,
      decided_by: null,
      decided_at: null,
    });
  }
  return { answers, rows };
}

/**
 * On submit: each proposed answer gets the value submitted and whether the monitor kept it.
 * Returns the decisions, for the audit row.
 */
export async function decideAutoAnswers(
  tx: Stores['db'],
  evaluationId: string,
  final: Answers,
  actor: string,
  at: string,
): Promise<{ questionId: string; decision: 'accepted' | 'overridden'; finalValue: AnswerValue | null }[]> {
  const out: { questionId: string; decision: 'accepted' | 'overridden'; finalValue: AnswerValue | null }[] =
    [];
  for (const r of await autoAnswersOf(tx, evaluationId)) {
    const finalValue = final[r.question_id] ?? null;
    const decision = JSON.stringify(finalValue) === r.auto_value ? 'accepted' : 'overridden';
    await decideAutoAnswer(tx, evaluationId, r.question_id, {
      final_value: JSON.stringify(finalValue),
      decision,
      decided_by: actor,
      decided_at: at,
    });
    out.push({ questionId: r.question_id, decision, finalValue });
  }
  return out;
}

/**
 * The evaluation's proposed answers in form order, each with its check's labels and evidence; and
 * the questions naming a check whose result gave them no answer (`na` where N/A is not allowed),
 * shown with that result and its reason but nothing to accept (`proposes: false`).
 */
export async function autoAnswerViews(
  stores: Stores,
  evaluationId: string,
  callId: string,
  def: FormDefinition | null,
): Promise<AutoAnswerView[]> {
  const rows = await autoAnswersOf(stores.db, evaluationId);
  // An evaluation AutoQA did not pre-answer (no results then, a calibration) shows nothing of it.
  const version = rows[0]?.rules_version;
  if (version === undefined) return [];
  const ruleSet = await currentRuleSet(stores.db);
  const labelsOf = (key: string) =>
    ruleSet.checks.find((c) => c.key === key)?.labels ?? { en: key, ru: key, ro: key };
  const results = new Map<string, { result: CheckResult; evidence: Evidence }>();
  for (const v of new Set(rows.map((r) => r.rules_version)))
    for (const r of await callResults(stores, callId, v)) results.set(`${v}|${r.checkKey}`, r);
  const byQuestion = new Map(rows.map((r) => [r.question_id, r]));
  const views: AutoAnswerView[] = [];
  const bound = def ? boundQuestions(def) : [];
  for (const q of bound) {
    // The form is the evaluation's own version: its questions are those the proposals were made for.
    const r = byQuestion.get(q.id);
    if (r) {
      views.push({
        questionId: r.question_id,
        checkKey: r.check_key,
        labels: labelsOf(r.check_key),
        rulesVersion: r.rules_version,
        result: r.result,
        proposes: true,
        proposed: JSON.parse(r.auto_value) as AnswerValue,
        evidence: results.get(`${r.rules_version}|${r.check_key}`)?.evidence ?? null,
        finalValue: r.final_value === null ? null : (JSON.parse(r.final_value) as AnswerValue),
        decision: r.decision,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
      });
      continue;
    }
    const key = q.auto?.check ?? '';
    const found = results.get(`${version}|${key}`);
    if (!found) continue;
    views.push({
      questionId: q.id,
      checkKey: key,
      labels: labelsOf(key),
      rulesVersion: version,
      result: found.result,
      proposes: false,
      proposed: null,
      evidence: found.evidence,
      finalValue: null,
      decision: null,
      decidedBy: null,
      decidedAt: null,
    });
  }
  return views;
}
