import { scoreAnswers } from '../../core/form-score.ts';
import { shiftPeriod } from '../../fixtures/demo/time.ts';
import type { CoachingGoal } from '../../schemas/coaching.ts';
import { COUNTED_STATUSES } from '../../schemas/evaluations.ts';
import type { Answers, FormDefinition } from '../../schemas/forms.ts';
import { monthRange } from '../../schemas/period.ts';
import { audit } from '../audit/audit.ts';
import { insertCoachingRow } from '../coaching/coaching.repository.ts';
import { insertNoteRow } from '../coaching/coaching-notes.repository.ts';
import { addDays, goalShape, measureGoal, windows } from '../coaching/progress.ts';
import { definitionOf, findForm } from '../forms/forms.repository.ts';
import { periodInstants } from '../periods/period.ts';
import type { Runtime } from '../runtime.ts';
import type { ScoringSettings } from '../scoring/score-range.ts';
import { insertSelfRow } from '../self-evaluations/self-evaluations.repository.ts';

/** A day of a month: `2026-10`, 5 → `2026-10-05`. */
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const lastDay = (month: string) =>
  new Date(Date.parse(`${monthRange(month).to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** What a proud operator answers: every yes, the top of every scale, the best choice. */
function proudAnswers(def: FormDefinition, monitor: Answers): Answers {
  const out: Answers = {};
  for (const q of def.sections.flatMap((s) => s.questions)) {
    if (monitor[q.id] === null) out[q.id] = null;
    else if (q.type === 'yes_no') out[q.id] = true;
    else if (q.type === 'scale') out[q.id] = q.max;
    else out[q.id] = [...q.options].sort((a, b) => b.points - a.points)[0]?.label ?? null;
  }
  return out;
}

/**
 * Coaching sessions of the demo's latest month in every state, and a few self-evaluations by the
 * demo's operator. Met and missed sessions were followed up within the month, their targets set
 * from the measure the app makes of them (met: what was reached; missed: a little more than it),
 * so they stay met and missed whatever day the demo is opened. A due session's follow-up is a
 * quarter ahead; an overdue one's passed within the month.
 */
export async function loadDemoCoaching(
  rt: Runtime,
  opts: { month: string; settings: ScoringSettings; head: string; lead: string },
): Promise<void> {
  const m = opts.month;
  const ops = (
    await rt.db
      .selectFrom('operators')
      .select('operator_id')
      .where('active', '=', 1)
      .orderBy('operator_id')
      .execute()
  ).map((o) => o.operator_id);
  if (ops.length < 6) return;
  const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  // Closed sessions: the same windows for each, so the scorecards of those days are scored once.
  const openedOn = day(m, 12);
  const followUpOn = day(m, 28);
  const w = windows(openedOn, followUpOn, followUpOn);
  const measure = async (goal: CoachingGoal, op: string) =>
    (await measureGoal(rt, goal, op, w.after, opts.settings)).value;

  type Plan = {
    op: string;
    goal: CoachingGoal;
    target: number;
    opened: string;
    followUp: string;
    closed: boolean;
    acknowledged: string | null;
    by: string;
    notes: string;
    findings: string[];
    /** Notes added since it opened: [days after, text, whether the operator reads it]. */
    added?: [number, string, boolean][];
  };
  const plans: Plan[] = [];
  const quality: CoachingGoal = { kind: 'criterion', key: 'qualityScore' };
  const upsell: CoachingGoal = { kind: 'criterion', key: 'upsellRate' };
  // Met: the demo operator reached what he was set: the first of these goals he improved on,
  // its target what he then reached (rounded toward where he started).
  const improved = async (op: string) => {
    for (const key of ['qualityScore', 'upsellRate', 'aht', 'orderErrorRate'] as const) {
      const goal: CoachingGoal = { kind: 'criterion', key };
      const before = (await measureGoal(rt, goal, op, w.before, opts.settings)).value;
      const after = await measure(goal, op);
      if (before === null || after === null || after === before) continue;
      const lower = goalShape(goal).direction === 'lower';
      if (lower ? after < before : after > before) {
        const unit = goalShape(goal).unit === 'ratio' ? 100 : 1;
        const target = (lower ? Math.ceil(after * unit) : Math.floor(after * unit)) / unit;
        return { goal, target };
      }
    }
    return { goal: quality, target: Math.floor((await measure(quality, op)) ?? 0) };
  };
  const met = await improved(ops[0] as string);
  plans.push({
    op: ops[0] as string,
    goal: met.goal,
    target: met.target,
    opened: openedOn,
    followUp: followUpOn,
    closed: true,
    acknowledged: at(openedOn, 12),
    by: opts.head,
    notes: 'Listened to two calls together and agreed the goal.',
    findings: ['Below the team on this criterion last month'],
    added: [
      [7, 'Halfway there: the calls of this week are better. Keep it up until the follow-up.', true],
      [8, 'Check two of his calls again the day before the follow-up.', false],
    ],
  });
  // Missed: an upsell rate set a little above what the operator then reached.
  const upsellNow = (await measure(upsell, ops[1] as string)) ?? 0;
  plans.push({
    op: ops[1] as string,
    goal: upsell,
    target: Math.min(1, Math.round((upsellNow + 0.1) * 100) / 100),
    opened: openedOn,
    followUp: followUpOn,
    closed: true,
    acknowledged: at(openedOn, 13),
    by: opts.lead,
    notes: 'Offer the accessory of the main product on every order.',
    findings: ['No offer on most orders of the week'],
  });
  if (upsellNow >= 1) (plans[1] as Plan).goal = quality;
  // Overdue: followed up never, its date passed within the month.
  plans.push({
    op: ops[2] as string,
    goal: { kind: 'check', key: 'upsell-offers' },
    target: 0.8,
    opened: day(m, 14),
    followUp: day(m, 22),
    closed: false,
    acknowledged: at(day(m, 14), 14),
    by: opts.lead,
    notes: 'Listen back to the two calls together.',
    findings: ['upsell-offers failed'],
    added: [[9, 'Follow-up put off: the operator was on leave. Hold it on his first day back.', false]],
  });
  // Due, unacknowledged: the demo operator's open goal, a quarter long.
  plans.push({
    op: ops[0] as string,
    goal: { kind: 'criterion', key: 'aht' },
    target: 300,
    opened: day(m, 20),
    followUp: lastDay(shiftPeriod(m, 3)),
    closed: false,
    acknowledged: null,
    by: opts.head,
    notes: 'Shorter holds: check stock before putting the client on hold.',
    findings: ['Long holds while checking stock'],
  });
  // Due and acknowledged.
  plans.push({
    op: ops[3] as string,
    goal: quality,
    target: 85,
    opened: day(m, 18),
    followUp: lastDay(shiftPeriod(m, 3)),
    closed: false,
    acknowledged: at(day(m, 19), 9),
    by: opts.head,
    notes: 'Greeting and introduction by the script.',
    findings: [],
  });
  // Missed, unmeasured: the goal's calls never came.
  plans.push({
    op: ops[4] as string,
    goal: { kind: 'check', key: 'new-product' },
    target: 0.9,
    opened: openedOn,
    followUp: followUpOn,
    closed: true,
    acknowledged: null,
    by: opts.lead,
    notes: '',
    findings: [],
  });

  await rt.db.transaction().execute(async (tx) => {
    for (const p of plans) {
      const row = {
        operator_id: p.op,
        opened_by: p.by,
        opened_at: at(p.opened, 9),
        opened_on: p.opened,
        source: p.goal.kind === 'check' ? 'check' : 'ranking',
        source_ref: p.goal.kind === 'check' ? m : null,
        call_ids: '[]',
        findings: JSON.stringify(p.findings),
        goal: JSON.stringify(p.goal),
        target: p.target,
        follow_up_on: p.followUp,
        notes: p.notes,
        acknowledged_at: p.acknowledged,
        acknowledgement_comment: p.acknowledged ? 'Understood.' : null,
        closed_at: p.closed ? at(p.followUp, 15) : null,
        closed_by: p.closed ? p.by : null,
        closing_note: p.closed ? 'Followed up.' : null,
      };
      const id = await insertCoachingRow(tx, row);
      await audit(tx, {
        actor: 'demo',
        action: 'create',
        entity: 'coaching',
        entityId: String(id),
        after: row,
      });
      for (const [days, text, forOperator] of p.added ?? []) {
        const note = {
          session_id: id,
          author: p.by,
          created_at: at(addDays(p.opened, days), 11),
          text,
          for_operator: forOperator ? 1 : 0,
        };
        const noteId = await insertNoteRow(tx, note);
        await audit(tx, {
          actor: 'demo',
          action: 'note',
          entity: 'coaching',
          entityId: String(id),
          after: { noteId, text, forOperator },
        });
      }
    }

    // Self-evaluations: the demo operator scored two evaluated calls of the month himself (higher
    // than the monitors did), and is asked to score a third.
    const range = periodInstants(monthRange(m), opts.settings.timeZone);
    const evaluated = await tx
      .selectFrom('evaluations')
      .select(['call_id', 'call_started_at', 'form_id', 'answers', 'status'])
      .where('operator_id', '=', ops[0] as string)
      .where('status', 'in', COUNTED_STATUSES)
      .where('calibration', '=', 0)
      .where('form_id', 'is not', null)
      .where('answers', 'is not', null)
      .where('call_started_at', 'is not', null)
      .where('call_started_at', '>=', range.from)
      .where('call_started_at', '<', range.to)
      .orderBy('call_started_at')
      .orderBy('evaluation_id')
      .limit(12)
      .execute();
    // The one he is asked to score next is not one waiting for his acknowledgement: it hides
    // from him until he has scored it, and a waiting one would drop out of his list.
    const asked = evaluated.slice(2).find((e) => e.status !== 'submitted');
    for (const [i, e] of [...evaluated.slice(0, 2), ...(asked ? [asked] : [])].entries()) {
      const form = await findForm(tx, e.form_id as number);
      if (!form) continue;
      const def = definitionOf(form);
      const answers = proudAnswers(def, JSON.parse(e.answers as string) as Answers);
      const result = scoreAnswers(def, answers);
      const submitted = i < 2 && result.score !== null;
      const row = {
        call_id: e.call_id,
        operator_id: ops[0] as string,
        call_started_at: e.call_started_at ?? range.from,
        form_id: e.form_id as number,
        requested_by: opts.lead,
        requested_at: at(day(m, 28), 10),
        status: submitted ? 'submitted' : 'requested',
        answers: submitted ? JSON.stringify(answers) : null,
        score: submitted ? result.score : null,
        critical_failed: submitted && result.criticalFailed ? 1 : 0,
        submitted_at: submitted ? at(day(m, 28), 16) : null,
      };
      const id = await insertSelfRow(tx, row);
      await audit(tx, {
        actor: 'demo',
        action: 'request',
        entity: 'self_evaluation',
        entityId: String(id),
        after: row,
      });
    }
  });
}
