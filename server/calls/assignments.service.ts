import { LIST, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { AssignmentView, AssignRequest, AssignResponse } from '../../schemas/calls.ts';
import { sampleQuery } from '../../schemas/calls.ts';
import type { UserView } from '../../schemas/users.ts';
import { lockKey } from '../../stores/dialect.ts';
import { type Analytics, textList } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import type { Deps } from '../context.ts';
import { worklistCalls } from '../notifications/events.ts';
import { qaMonitorsNamed } from '../users/qa-monitors.ts';
import {
  ASSIGNMENTS_LOCK,
  assignmentsWithEvaluations,
  deleteAssignment,
  findAssignment,
  insertAssignment,
  isAssigned,
} from './assignments.repository.ts';
import { CALLS_BY_ID_SQL } from './queries/calls-by-id.sql.ts';
import { sampleCalls } from './sample.ts';

const DONE = new Set(['submitted', 'acknowledged', 'disputed', 'upheld', 'revised']);

/** Assignments of a period with each monitor's evaluation of the call, if he made one. */
export async function listAssignments(
  db: Db,
  period: string,
  monitor: string | null,
): Promise<AssignmentView[]> {
  const rows = await assignmentsWithEvaluations(db, period, monitor);
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    callId: r.call_id,
    operatorId: r.operator_id,
    callStartedAt: r.call_started_at,
    monitor: r.monitor,
    assignedBy: r.assigned_by,
    assignedAt: r.assigned_at,
    rule: r.rule_id == null ? null : { id: r.rule_id, name: r.rule_name ?? '' },
    evaluationId: r.evaluation_id ?? null,
    evaluationStatus: r.evaluation_status ?? null,
    done: r.evaluation_status != null && DONE.has(r.evaluation_status),
  }));
}

interface Planned {
  callId: string;
  operatorId: string | null;
  callStartedAt: string;
  monitor: string;
}

/** The sample of the period shared evenly: each call goes to the monitor with the fewest so far. */
async function evenSplit(
  deps: Pick<Deps, 'db' | 'analytics'>,
  req: AssignRequest,
  monitors: string[],
  timeZone: string,
): Promise<Planned[]> {
  const q = sampleQuery.parse({ period: req.period, ...req.sample });
  const sample = await sampleCalls(deps.db, deps.analytics, q, { operatorIds: null }, timeZone);
  const load = new Map(monitors.map((m) => [m, 0]));
  for (const a of await listAssignments(deps.db, req.period, null)) {
    if (load.has(a.monitor)) load.set(a.monitor, (load.get(a.monitor) ?? 0) + 1);
  }
  const planned: Planned[] = [];
  for (const op of sample.operators) {
    for (const c of op.calls) {
      // Already given to someone: the insert below reports it as skipped.
      if (c.assignedTo !== null) {
        planned.push({
          callId: c.callId,
          operatorId: op.operatorId,
          callStartedAt: c.startedAt,
          monitor: c.assignedTo,
        });
        continue;
      }
      const monitor = monitors.reduce((best, m) => ((load.get(m) ?? 0) < (load.get(best) ?? 0) ? m : best));
      load.set(monitor, (load.get(monitor) ?? 0) + 1);
      planned.push({ callId: c.callId, operatorId: op.operatorId, callStartedAt: c.startedAt, monitor });
    }
  }
  return planned;
}

async function byHand(
  analytics: Analytics,
  req: AssignRequest,
  monitors: string[],
  timeZone: string,
): Promise<Planned[]> {
  const list = req.assignments ?? [];
  const rows = await analytics.rows(
    CALLS_BY_ID_SQL,
    { ids: textList(list.map((a) => a.callId)), tz: timeZone },
    { ids: LIST(VARCHAR) },
  );
  const calls = new Map(rows.map((r) => [String(r.call_id), r]));
  const problems: string[] = [];
  const planned = list.map((a, i) => {
    const c = calls.get(a.callId);
    if (!c) problems.push(`${a.callId}: no such call`);
    else if (c.handled !== true || c.operator_id == null)
      problems.push(`${a.callId}: not handled by an operator`);
    else if (c.period !== req.period) problems.push(`${a.callId}: is in ${c.period}, not ${req.period}`);
    return {
      callId: a.callId,
      operatorId: c?.operator_id == null ? null : String(c.operator_id),
      callStartedAt: String(c?.started_at ?? ''),
      monitor: monitors[i] as string,
    };
  });
  if (problems.length) throw new AppError('bad_request', `cannot assign: ${problems.join('; ')}`);
  return planned;
}

/** Gives calls to monitors: the period's sample split evenly, or the listed calls by hand. */
export async function assignCalls(
  deps: Pick<Deps, 'db' | 'analytics'>,
  user: UserView,
  req: AssignRequest,
  timeZone: string,
): Promise<AssignResponse> {
  const planned = req.monitors
    ? await evenSplit(deps, req, await qaMonitorsNamed(deps.db, req.monitors), timeZone)
    : await byHand(
        deps.analytics,
        req,
        await qaMonitorsNamed(
          deps.db,
          (req.assignments ?? []).map((a) => a.monitor),
        ),
        timeZone,
      );
  const skipped: AssignResponse['skipped'] = [];
  const createdIds: number[] = [];
  const assignedTo: string[] = [];
  await deps.db.transaction().execute(async (tx) => {
    // Read then written: one writer of assignments at a time (the sampling rules take it too).
    await lockKey(tx, ASSIGNMENTS_LOCK);
    for (const p of planned) {
      if (await isAssigned(tx, req.period, p.callId)) {
        skipped.push({ callId: p.callId, monitor: p.monitor });
        continue;
      }
      createdIds.push(
        await insertAssignment(tx, {
          period: req.period,
          call_id: p.callId,
          operator_id: p.operatorId,
          call_started_at: p.callStartedAt,
          monitor: p.monitor,
          assigned_by: user.username,
        }),
      );
      assignedTo.push(p.monitor);
    }
    await audit(tx, {
      actor: user.username,
      action: 'assign',
      entity: 'evaluation_assignment',
      entityId: req.period,
      after: {
        mode: req.monitors ? 'even' : 'by_hand',
        created: planned.filter((p) => !skipped.some((s) => s.callId === p.callId)),
        skipped,
      },
    });
    await worklistCalls(tx, req.period, assignedTo);
  });
  const created = (await listAssignments(deps.db, req.period, null)).filter((a) => createdIds.includes(a.id));
  return { created, skipped };
}

export async function unassign(db: Db, user: UserView, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await findAssignment(tx, id);
    if (!row) throw new AppError('not_found', `no assignment ${id}`);
    await deleteAssignment(tx, id);
    await audit(tx, {
      actor: user.username,
      action: 'unassign',
      entity: 'evaluation_assignment',
      entityId: String(id),
      before: row,
    });
  });
}
