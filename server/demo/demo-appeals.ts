import { scoreAnswers } from '../../core/form-score.ts';
import type { Answers, FormDefinition } from '../../schemas/forms.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { definitionOf, formDefinitionRow } from '../forms/forms.repository.ts';
import { periodInstants } from '../periods/period.ts';
import type { Runtime } from '../runtime.ts';
import { writeSetting } from '../settings/settings.repository.ts';

const HOUR = 3_600_000;

/**
 * Seconds a demo monitor took to grade an evaluation, from its id alone (the same demo, the same
 * times): 2½ to 17½ minutes, as a form of a few dozen questions beside a call of a few minutes.
 */
export function demoGradingSeconds(evaluationId: string): number {
  let h = 2166136261;
  for (let i = 0; i < evaluationId.length; i++) h = Math.imul(h ^ evaluationId.charCodeAt(i), 16777619);
  return 150 + ((h >>> 0) % 900);
}

/**
 * The question each demo dispute contests, as the operator would name it: the one the demo's
 * generator contests (the first plain yes/no answered no before the dispute).
 */
async function nameContestedQuestions(tx: Db): Promise<void> {
  const disputes = await tx
    .selectFrom('evaluation_disputes')
    .innerJoin('evaluations', 'evaluations.evaluation_id', 'evaluation_disputes.evaluation_id')
    .select(['evaluation_disputes.id', 'evaluation_disputes.answers_before', 'evaluations.form_id'])
    .where('evaluation_disputes.level', '=', 1)
    .where('evaluation_disputes.question_ids', 'is', null)
    .orderBy('evaluation_disputes.id')
    .execute();
  const forms = new Map<number, FormDefinition>();
  for (const d of disputes) {
    if (d.form_id === null) continue;
    let def = forms.get(d.form_id);
    if (!def) {
      def = definitionOf(await formDefinitionRow(tx, d.form_id));
      forms.set(d.form_id, def);
    }
    const before = (d.answers_before ? JSON.parse(d.answers_before) : {}) as Answers;
    const q = def.sections
      .flatMap((s) => s.questions)
      .find((x) => x.type === 'yes_no' && x.critical === 'none' && before[x.id] === false);
    if (!q) continue;
    await tx
      .updateTable('evaluation_disputes')
      .set({ question_ids: JSON.stringify([q.id]) })
      .where('id', '=', d.id)
      .execute();
  }
}

/** What the first three upheld disputes of the month become: an appeal waiting, one upheld, one revised. */
const PLAN = ['open', 'upheld', 'revised'] as const;

/**
 * Two levels of disputes in the demo: appeals on, and the first upheld disputes of the latest
 * month (by evaluation id) appealed by their operator to the demo head, one still waiting for him.
 */
export async function loadDemoAppeals(
  rt: Runtime,
  opts: { month: string; timeZone: string; head: string },
): Promise<void> {
  await writeSetting(rt.db, 'appealLevels', 2, 'demo');
  const range = periodInstants(monthRange(opts.month), opts.timeZone);
  await rt.db.transaction().execute(async (tx) => {
    await nameContestedQuestions(tx);
    const upheld = await tx
      .selectFrom('evaluation_disputes')
      .innerJoin('evaluations', 'evaluations.evaluation_id', 'evaluation_disputes.evaluation_id')
      .select([
        'evaluations.evaluation_id',
        'evaluations.form_id',
        'evaluations.answers',
        'evaluations.score',
        'evaluations.critical_failed',
        'evaluation_disputes.opened_by',
        'evaluation_disputes.decided_at',
        'evaluation_disputes.question_ids',
      ])
      .where('evaluation_disputes.status', '=', 'upheld')
      .where('evaluation_disputes.level', '=', 1)
      .where('evaluations.status', '=', 'upheld')
      .where('evaluations.call_started_at', '>=', range.from)
      .where('evaluations.call_started_at', '<', range.to)
      .orderBy('evaluations.evaluation_id')
      .limit(PLAN.length)
      .execute();
    const appealed: string[] = [];
    for (const [i, e] of upheld.entries()) {
      let outcome = PLAN[i] ?? 'open';
      const answers = (e.answers ? JSON.parse(e.answers) : {}) as Answers;
      const def = e.form_id === null ? null : definitionOf(await formDefinitionRow(tx, e.form_id));
      // The head gives back a point the lead kept off: the first plain yes/no answered no.
      const point = def?.sections
        .flatMap((s) => s.questions)
        .find((q) => q.type === 'yes_no' && q.critical === 'none' && answers[q.id] === false);
      if (outcome === 'revised' && (!def || !point)) outcome = 'upheld';
      const revisedAnswers = point ? { ...answers, [point.id]: true } : answers;
      const revised = outcome === 'revised' && def ? scoreAnswers(def, revisedAnswers) : null;
      const opened = Date.parse(e.decided_at ?? range.from) + 5 * HOUR;
      const decidedAt = outcome === 'open' ? null : new Date(opened + 20 * HOUR).toISOString();
      await tx
        .insertInto('evaluation_disputes')
        .values({
          evaluation_id: e.evaluation_id,
          level: 2,
          reason: 'I ask the head of department to listen to the call himself.',
          question_ids: e.question_ids,
          opened_by: e.opened_by,
          opened_at: new Date(opened).toISOString(),
          status: outcome,
          decided_by: outcome === 'open' ? null : opts.head,
          decided_at: decidedAt,
          decision_note:
            outcome === 'upheld'
              ? 'Listened to the call: the QA lead’s decision stands.'
              : outcome === 'revised'
                ? 'Listened to the call: the operator did this part; the point is given back.'
                : null,
          score_before: e.score,
          answers_before: e.answers,
          critical_failed_before: e.critical_failed,
          score_after: outcome === 'open' ? null : (revised?.score ?? e.score),
          answers_after: outcome === 'open' ? null : JSON.stringify(revised ? revisedAnswers : answers),
        })
        .execute();
      if (outcome !== 'upheld') {
        await tx
          .updateTable('evaluations')
          .set({
            status: outcome === 'open' ? 'disputed' : 'revised',
            ...(revised
              ? {
                  answers: JSON.stringify(revisedAnswers),
                  score: revised.score,
                  critical_failed: revised.criticalFailed ? 1 : 0,
                }
              : {}),
          })
          .where('evaluation_id', '=', e.evaluation_id)
          .execute();
      }
      appealed.push(`${e.evaluation_id}:${outcome}`);
    }
    await audit(tx, { actor: 'demo', action: 'load', entity: 'appeal', after: { appealed } });
  });
}
