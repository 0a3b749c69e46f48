import { AppError } from '../../core/errors.ts';
import type {
  CoachingListResponse,
  CoachingQuery,
  CoachingStatus,
  CoachingView,
  NewCoachingRequest,
} from '../../schemas/coaching.ts';
import { COACHING_STATUSES } from '../../schemas/coaching.ts';
import type { UserView } from '../../schemas/users.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { assertInScope, assertOperatorInScope, inScope } from '../auth/scope.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import { cached } from '../cache.ts';
import type { Scope } from '../context.ts';
import { definitionOf, findForm } from '../forms/forms.repository.ts';
import { coachingNews } from '../notifications/events.ts';
import type { ScoringSettings } from '../scoring/score-range.ts';
import {
  type CoachingRow,
  coachingRowParts,
  findCoachingRow,
  insertCoachingRow,
  listCoachingRows,
  updateCoachingRow,
} from './coaching.repository.ts';
import { coachingProgress, today } from './progress.ts';

/**
 * Open: due until the follow-up date, overdue after it. Closed (the follow-up held): met or missed
 * by the goal's measure after the session against its target (unmeasured counts as missed).
 */
export function coachingStatus(
  s: { closedAt: string | null; followUpOn: string },
  meetsTarget: boolean | null,
  todayIs: string,
): CoachingStatus {
  if (s.closedAt === null) return todayIs > s.followUpOn ? 'overdue' : 'due';
  return meetsTarget ? 'met' : 'missed';
}

async function toView(
  stores: Stores,
  r: CoachingRow,
  settings: ScoringSettings,
  todayIs: string,
): Promise<CoachingView> {
  const parts = coachingRowParts(r);
  const progress = await coachingProgress(
    stores,
    {
      goal: parts.goal,
      operatorId: r.operator_id,
      openedOn: r.opened_on,
      followUpOn: r.follow_up_on,
      target: r.target,
    },
    settings,
    todayIs,
  );
  return {
    id: r.id,
    operatorId: r.operator_id,
    operatorName: r.operator_name ?? r.operator_id,
    teamId: r.team_id,
    openedBy: r.opened_by,
    openedAt: r.opened_at,
    openedOn: r.opened_on,
    ...parts,
    sourceRef: r.source_ref,
    target: r.target,
    followUpOn: r.follow_up_on,
    notes: r.notes,
    acknowledgedAt: r.acknowledged_at,
    acknowledgementComment: r.acknowledgement_comment,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    closingNote: r.closing_note,
    status: coachingStatus(
      { closedAt: r.closed_at, followUpOn: r.follow_up_on },
      progress.meetsTarget,
      todayIs,
    ),
    progress,
  };
}

/**
 * Every session with its progress, computed once per day and data version (one entry of
 * server/cache.ts, whoever asks): each measure reads scorecards or check results, and a list
 * of many sessions would otherwise compute them on every request.
 */
const everySession = (stores: Stores, settings: ScoringSettings): Promise<CoachingView[]> => {
  const todayIs = today(settings.timeZone);
  return cached(stores.db, `coaching|${todayIs}|${settings.timeZone}|${settings.currency}`, async () => {
    const views: CoachingView[] = [];
    for (const r of await listCoachingRows(stores.db, { operatorIds: null })) {
      views.push(await toView(stores, r, settings, todayIs));
    }
    return views;
  });
};

/** The sessions the caller may see (an operator his own), newest first, with their status counts. */
export async function listCoaching(
  stores: Stores,
  q: CoachingQuery,
  scope: Scope,
  settings: ScoringSettings,
): Promise<CoachingListResponse> {
  const visible = (await everySession(stores, settings)).filter(
    (s) => inScope(scope, s.operatorId) && (q.operator === undefined || s.operatorId === q.operator),
  );
  const counts = Object.fromEntries(COACHING_STATUSES.map((s) => [s, 0])) as Record<CoachingStatus, number>;
  for (const s of visible) counts[s.status] += 1;
  return { sessions: q.status ? visible.filter((s) => s.status === q.status) : visible, counts };
}

/** The session, if it is of an operator in the scope; else a 404, as for one that does not exist. */
export async function loadInScope(stores: Stores, id: number, scope: Scope): Promise<CoachingRow> {
  const r = await findCoachingRow(stores.db, id);
  if (!r) throw new AppError('not_found', `no coaching session ${id}`);
  assertInScope(scope, r.operator_id, `no coaching session ${id}`);
  return r;
}

export async function getCoaching(
  stores: Stores,
  id: number,
  scope: Scope,
  settings: ScoringSettings,
): Promise<CoachingView> {
  return toView(stores, await loadInScope(stores, id, scope), settings, today(settings.timeZone));
}

/** The goal must name something that exists: a check of the rule set in force, a form's question. */
async function assertGoal(stores: Stores, req: NewCoachingRequest): Promise<void> {
  const g = req.goal;
  if (g.kind === 'check') {
    const rules = await currentRuleSet(stores.db);
    if (!rules.checks.some((c) => c.key === g.key))
      throw new AppError('bad_request', `goal: no AutoQA check "${g.key}" in the rule set in force`);
  }
  if (g.kind === 'question') {
    const form = await findForm(stores.db, g.formId);
    if (!form) throw new AppError('bad_request', `goal: no form ${g.formId}`);
    if (!definitionOf(form).sections.some((s) => s.questions.some((q) => q.id === g.questionId)))
      throw new AppError('bad_request', `goal: form ${g.formId} has no question "${g.questionId}"`);
  }
  if (g.kind !== 'criterion' && (req.target < 0 || req.target > 1))
    throw new AppError('bad_request', 'target: a pass rate is a share between 0 and 1');
}

/** Opens a session for an operator the caller manages; it starts due, unacknowledged. */
export async function openCoaching(
  stores: Stores,
  req: NewCoachingRequest,
  user: UserView,
  scope: Scope,
  settings: ScoringSettings,
): Promise<CoachingView> {
  await assertOperatorInScope(stores.db, req.operatorId, scope);
  await assertGoal(stores, req);
  const openedAt = new Date();
  const openedOn = today(settings.timeZone, openedAt);
  if (req.followUpOn < openedOn)
    throw new AppError('bad_request', `followUpOn: the follow-up cannot be before today (${openedOn})`);
  const id = await stores.db.transaction().execute(async (tx) => {
    const row = {
      operator_id: req.operatorId,
      opened_by: user.username,
      opened_at: openedAt.toISOString(),
      opened_on: openedOn,
      source: req.source,
      source_ref: req.sourceRef,
      call_ids: JSON.stringify([...new Set(req.callIds)]),
      findings: JSON.stringify(req.findings),
      goal: JSON.stringify(req.goal),
      target: req.target,
      follow_up_on: req.followUpOn,
      notes: req.notes,
    };
    const newId = await insertCoachingRow(tx, row);
    await audit(tx, {
      actor: user.username,
      action: 'create',
      entity: 'coaching',
      entityId: String(newId),
      after: row,
    });
    await coachingNews(tx, 'coachingOpened', req.operatorId, newId, user.username);
    return newId;
  });
  return getCoaching(stores, id, scope, settings);
}

/** The operator acknowledges his session, once, with an optional comment. */
export async function acknowledgeCoaching(
  stores: Stores,
  id: number,
  comment: string,
  user: UserView,
  scope: Scope,
  settings: ScoringSettings,
): Promise<CoachingView> {
  const r = await loadInScope(stores, id, scope);
  if (r.acknowledged_at !== null)
    throw new AppError('conflict', `coaching session ${id} was already acknowledged on ${r.acknowledged_at}`);
  const at = new Date().toISOString();
  await stores.db.transaction().execute(async (tx) => {
    await updateCoachingRow(tx, id, { acknowledged_at: at, acknowledgement_comment: comment || null });
    await audit(tx, {
      actor: user.username,
      action: 'acknowledge',
      entity: 'coaching',
      entityId: String(id),
      after: { acknowledgedAt: at, comment: comment || null },
    });
  });
  return getCoaching(stores, id, scope, settings);
}

/** Changes the session's notes while it is open. */
export async function updateCoachingNotes(
  stores: Stores,
  id: number,
  notes: string,
  user: UserView,
  scope: Scope,
  settings: ScoringSettings,
): Promise<CoachingView> {
  const r = await loadInScope(stores, id, scope);
  if (r.closed_at !== null) throw new AppError('conflict', `coaching session ${id} is closed`);
  await stores.db.transaction().execute(async (tx) => {
    await updateCoachingRow(tx, id, { notes });
    await audit(tx, {
      actor: user.username,
      action: 'update',
      entity: 'coaching',
      entityId: String(id),
      before: { notes: r.notes },
      after: { notes },
    });
  });
  return getCoaching(stores, id, scope, settings);
}

/** Records the follow-up held: from then on the session is met or missed by its measure. */
export async function closeCoaching(
  stores: Stores,
  id: number,
  note: string,
  user: UserView,
  scope: Scope,
  settings: ScoringSettings,
): Promise<CoachingView> {
  const r = await loadInScope(stores, id, scope);
  if (r.closed_at !== null)
    throw new AppError('conflict', `coaching session ${id} was already closed on ${r.closed_at}`);
  const at = new Date().toISOString();
  await stores.db.transaction().execute(async (tx) => {
    await updateCoachingRow(tx, id, { closed_at: at, closed_by: user.username, closing_note: note || null });
    await audit(tx, {
      actor: user.username,
      action: 'close',
      entity: 'coaching',
      entityId: String(id),
      after: { closedAt: at, note: note || null },
    });
  });
  return getCoaching(stores, id, scope, settings);
}
