import type { DemoEvaluationDetail } from '../../fixtures/demo/evaluations.ts';
import { DEMO_FORMS, INBOUND_FORM, OUTBOUND_FORM } from '../../fixtures/demo/forms.ts';
import { audit } from '../audit/audit.ts';
import { createSession } from '../calibration/calibration.service.ts';
import { assignCalls } from '../calls/assignments.service.ts';
import { findCall } from '../calls/calls.repository.ts';
import { createForm } from '../forms/forms.service.ts';
import type { Runtime } from '../runtime.ts';
import { findUserByName, userRowToView } from '../users/users.repository.ts';
import { demoGradingSeconds } from './demo-appeals.ts';
import { addCalibrationReference, type DemoCalibration } from './demo-calibration-reference.ts';

/**
 * QA records of the demo month beyond the evaluations CSV: the two forms, the answers each
 * imported evaluation was scored from, acknowledgements, disputes and their decisions, comments,
 * the closed calibration sessions, each with the lead's reference scoring; then a worklist and an open calibration for the demo monitor.
 */
export async function loadDemoQa(
  rt: Runtime,
  details: readonly DemoEvaluationDetail[],
  opts: { month: string; timeZone: string; lead: string; monitor: string },
): Promise<void> {
  const formIds = new Map<string, number>();
  for (const f of DEMO_FORMS) {
    const form = await createForm(
      rt.db,
      { name: f.name, description: f.description, definition: f.definition },
      'demo',
    );
    formIds.set(f.key, form.id);
  }

  await rt.db.transaction().execute(async (tx) => {
    const sessions = new Map<number, DemoCalibration & { formKey: string }>();
    for (const d of details) {
      const ev = await tx
        .selectFrom('evaluations')
        .selectAll()
        .where('evaluation_id', '=', d.evaluationId)
        .executeTakeFirst();
      // A row the importer quarantined has nothing to attach to.
      if (!ev) continue;
      const formId = formIds.get(d.formKey) ?? null;
      let sessionId: number | null = null;
      if (d.calibrationSession !== null) {
        let s = sessions.get(d.calibrationSession);
        if (!s) {
          const row = await tx
            .insertInto('calibration_sessions')
            .values({
              call_id: ev.call_id,
              operator_id: ev.operator_id,
              call_started_at: ev.call_started_at,
              form_id: formId as number,
              reference_evaluator: null,
              status: 'closed',
              note: 'Monthly calibration',
              created_by: opts.lead,
              closed_by: opts.lead,
              closed_at: ev.submitted_at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          s = {
            id: row.id,
            closedAt: ev.submitted_at ?? '',
            callId: ev.call_id,
            operatorId: ev.operator_id,
            callStartedAt: ev.call_started_at,
            formId: formId as number,
            formKey: d.formKey,
            firstEvaluationId: d.evaluationId,
            scorings: [],
          };
          sessions.set(d.calibrationSession, s);
        }
        s.scorings.push(d.answers);
        if ((ev.submitted_at ?? '') > s.closedAt) {
          s.closedAt = ev.submitted_at ?? '';
          await tx
            .updateTable('calibration_sessions')
            .set({ closed_at: s.closedAt })
            .where('id', '=', s.id)
            .execute();
        }
        await tx
          .insertInto('calibration_participants')
          .values({ session_id: s.id, monitor: ev.evaluator })
          .onConflict((oc) => oc.doNothing())
          .execute();
        sessionId = s.id;
      }
      await tx
        .updateTable('evaluations')
        .set({
          form_id: formId,
          answers: JSON.stringify(d.answers),
          origin: 'demo',
          // A draft has no counted score yet, as one made through the API.
          score: ev.status === 'draft' ? null : ev.score,
          acknowledged_at: d.acknowledgedAt,
          acknowledged_by: d.acknowledgedAt ? ev.operator_id : null,
          calibration_session_id: sessionId,
          // The opening the grading time runs from, as if the monitor had scored it here.
          opened_at: ev.submitted_at
            ? new Date(Date.parse(ev.submitted_at) - demoGradingSeconds(d.evaluationId) * 1000).toISOString()
            : null,
        })
        .where('evaluation_id', '=', d.evaluationId)
        .execute();
      if (d.dispute) {
        await tx
          .insertInto('evaluation_disputes')
          .values({
            evaluation_id: d.evaluationId,
            reason: d.dispute.reason,
            opened_by: ev.operator_id ?? 'operator',
            opened_at: d.dispute.openedAt,
            status: d.dispute.decision ?? 'open',
            decided_by: d.dispute.decision ? opts.lead : null,
            decided_at: d.dispute.decidedAt,
            decision_note: d.dispute.note,
            score_before: d.dispute.scoreBefore,
            answers_before: JSON.stringify(d.dispute.answersBefore),
            critical_failed_before: d.dispute.criticalFailedBefore ? 1 : 0,
            score_after: d.dispute.decision ? ev.score : null,
            answers_after: d.dispute.decision ? JSON.stringify(d.answers) : null,
          })
          .execute();
      }
      for (const c of d.comments) {
        await tx
          .insertInto('evaluation_comments')
          .values({
            evaluation_id: d.evaluationId,
            author: ev.evaluator,
            question_id: c.questionId,
            offset_s: c.offsetS,
            text: c.text,
            created_at: ev.submitted_at ?? new Date().toISOString(),
          })
          .execute();
      }
    }
    for (const s of sessions.values()) {
      const form = DEMO_FORMS.find((f) => f.key === s.formKey) ?? INBOUND_FORM;
      await addCalibrationReference(tx, s, form.definition, opts.lead);
    }
    await audit(tx, {
      actor: 'demo',
      action: 'load',
      entity: 'evaluation',
      after: { evaluations: details.length, calibrationSessions: sessions.size },
    });
  });

  // Something to do for the demo's own monitor: one sampled call per operator, and a calibration
  // he is invited to with the lead.
  const lead = await findUserByName(rt.db, opts.lead);
  if (!lead) return;
  const leadView = userRowToView(lead);
  const { created } = await assignCalls(
    rt,
    leadView,
    { period: opts.month, monitors: [opts.monitor], sample: { perOperator: 1 } },
    opts.timeZone,
  );
  const call = created.at(-1);
  const facts = call ? await findCall(rt.analytics, call.callId) : null;
  if (call && facts) {
    await createSession(rt, leadView, {
      callId: call.callId,
      formId: formIds.get(facts.direction === 'inbound' ? INBOUND_FORM.key : OUTBOUND_FORM.key) as number,
      monitors: [opts.monitor, opts.lead],
      reference: opts.lead,
      note: 'Calibration of the month: score it without talking to each other',
    });
  }
}
