import type { Insertable } from 'kysely';
import { autoAnswer, boundQuestions } from '../../core/auto-answer.ts';
import { evidenceSchema } from '../../schemas/autoqa.ts';
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

/** The evaluation's proposed answers in form order, each with its check's labels and evidence. */
export async function autoAnswerViews(
  stores: Stores,
  evaluationId: string,
  callId: string,
  def: FormDefinition | null,
): Promise<AutoAnswerView[]> {
  const rows = await autoAnswersOf(stores.db, evaluationId);
  if (!rows.length) return [];
  const ruleSet = await currentRuleSet(stores.db);
  const labels = new Map(ruleSet.checks.map((c) => [c.key, c.labels]));
  const evidence = new Map<string, unknown>();
  for (const version of new Set(rows.map((r) => r.rules_version))) {
    for (const r of await callResults(stores, callId, version))
      evidence.set(`${version}|${r.checkKey}`, r.evidence);
  }
  const order = new Map((def ? boundQuestions(def) : []).map((q, i) => [q.id, i]));
  return rows
    .sort((a, b) => (order.get(a.question_id) ?? 1e9) - (order.get(b.question_id) ?? 1e9))
    .map((r) => {
      const found = evidence.get(`${r.rules_version}|${r.check_key}`);
      const parsed = found === undefined ? null : evidenceSchema.safeParse(found);
      return {
        questionId: r.question_id,
        checkKey: r.check_key,
        labels: labels.get(r.check_key) ?? { en: r.check_key, ru: r.check_key, ro: r.check_key },
        rulesVersion: r.rules_version,
        result: r.result,
        proposed: JSON.parse(r.auto_value) as AnswerValue,
        evidence: parsed?.success ? parsed.data : null,
        finalValue: r.final_value === null ? null : (JSON.parse(r.final_value) as AnswerValue),
        decision: r.decision,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
      };
    });
}
