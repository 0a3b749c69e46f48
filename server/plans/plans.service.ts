import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { monthPeriod } from '../../schemas/period.ts';
import type { baseRequest, normRequest, PlansResponse, targetRequest } from '../../schemas/plans.ts';
import type { Settings } from '../../schemas/settings.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { assertOperatorInScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { payPeriod } from '../payroll/pay-periods.service.ts';
import { teamOperatorIds } from '../roster/roster.repository.ts';
import { cachedScoreRange } from '../scoring/score-cache.ts';
import {
  findNorm,
  findTarget,
  findVariablePay,
  listTeams,
  normsOf,
  replaceNorm,
  replaceTarget,
  replaceVariablePay,
  targetsOf,
  teamExists,
} from './plans.repository.ts';

/** A period's targets, norms and bases with what has been achieved so far beside them. */
export async function readPlans(
  stores: Stores,
  period: string,
  team: string | null,
  settings: Settings,
  scope: Scope,
): Promise<PlansResponse> {
  const { db } = stores;
  const rows = (await cachedScoreRange(stores, monthPeriod(period), settings)).filter(
    (r) =>
      (!scope.operatorIds || scope.operatorIds.includes(r.scorecard.operatorId)) &&
      (!team || r.teamId === team),
  );
  const teamIds = new Set(rows.map((r) => r.teamId));
  const teams = await listTeams(db);
  const visibleTeams = teams.filter(
    (t) => teamIds.has(t.team_id) || (!scope.operatorIds && (!team || t.team_id === team)),
  );
  const targets = await targetsOf(db, period);
  const norms = await normsOf(db, period);
  const achieved = new Map<string, { actual: number; achievement: number }>();
  for (const r of rows) for (const t of r.targets) achieved.set(`${r.teamId}:${t.metric}`, t);
  const teamName = new Map(teams.map((t) => [t.team_id, t.name]));
  return {
    period,
    locked: (await payPeriod(db, period)).status === 'approved',
    currency: settings.currency,
    targets: targets
      .filter((t) => visibleTeams.some((v) => v.team_id === t.team_id))
      .map((t) => {
        const a = achieved.get(`${t.team_id}:${t.metric}`);
        return {
          teamId: t.team_id,
          teamName: teamName.get(t.team_id) ?? t.team_id,
          metric: t.metric,
          target: t.target,
          actual: a?.actual ?? null,
          achievement: a?.achievement ?? null,
        };
      })
      .sort((a, b) => a.teamName.localeCompare(b.teamName) || a.metric.localeCompare(b.metric)),
    teamNorms: visibleTeams.map((t) => ({
      teamId: t.team_id,
      teamName: t.name,
      tasksNorm: norms.find((n) => n.scope === 'team' && n.subject_id === t.team_id)?.tasks_norm ?? null,
    })),
    operators: rows
      .map((r) => ({
        operatorId: r.scorecard.operatorId,
        name: r.name,
        teamId: r.teamId,
        tasksNorm:
          norms.find((n) => n.scope === 'operator' && n.subject_id === r.scorecard.operatorId)?.tasks_norm ??
          null,
        tasksCompleted: r.scorecard.tasksCompleted,
        variableBase: r.scorecard.variableBase,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function assertOpen(db: Db, period: string) {
  if ((await payPeriod(db, period)).status === 'approved') {
    throw new AppError(
      'conflict',
      `${period} is approved: its targets, norms and bases are locked (re-open it first)`,
    );
  }
}

async function teamInScope(db: Db, teamId: string, scope: Scope) {
  if (!(await teamExists(db, teamId))) throw new AppError('bad_request', `no team "${teamId}"`);
  if (scope.operatorIds) {
    const members = await teamOperatorIds(db, teamId);
    if (!members.some((m) => scope.operatorIds?.includes(m))) {
      throw new AppError('forbidden', `team "${teamId}" is not one you manage`);
    }
  }
}

/** Sets or removes a team's target for a month; audited with the value before and after. */
export async function setTarget(db: Db, req: z.infer<typeof targetRequest>, scope: Scope, actor: string) {
  await assertOpen(db, req.period);
  await teamInScope(db, req.teamId, scope);
  const key = { team_id: req.teamId, period: req.period, metric: req.metric };
  await db.transaction().execute(async (tx) => {
    // Read, replaced and audited as one: two writers of one target wait for each other.
    await lockKey(tx, `target:${key.team_id}/${key.period}/${key.metric}`);
    const before = await findTarget(tx, key);
    await replaceTarget(tx, key, req.target);
    await audit(tx, {
      actor,
      action: req.target === null ? 'delete' : 'set',
      entity: 'target',
      entityId: `${key.team_id}/${key.period}/${key.metric}`,
      before: before ? { target: before.target } : null,
      after: req.target === null ? null : { target: req.target },
    });
  });
}

/** Sets or removes a team's or an operator's task norm for a month; audited. */
export async function setNorm(db: Db, req: z.infer<typeof normRequest>, scope: Scope, actor: string) {
  await assertOpen(db, req.period);
  if (req.scope === 'team') await teamInScope(db, req.subjectId, scope);
  else await assertOperatorInScope(db, req.subjectId, scope);
  await db.transaction().execute(async (tx) => {
    const key = { scope: req.scope, subjectId: req.subjectId, period: req.period };
    await lockKey(tx, `norm:${key.scope}:${key.subjectId}/${key.period}`);
    const before = await findNorm(tx, key);
    await replaceNorm(tx, key, req.tasksNorm);
    await audit(tx, {
      actor,
      action: req.tasksNorm === null ? 'delete' : 'set',
      entity: 'norm',
      entityId: `${req.scope}:${req.subjectId}/${req.period}`,
      before: before ? { tasksNorm: before.tasks_norm } : null,
      after: req.tasksNorm === null ? null : { tasksNorm: req.tasksNorm },
    });
  });
}

/** Sets or removes an operator's variable-pay base for a month (minor units); audited. */
export async function setBase(
  db: Db,
  req: z.infer<typeof baseRequest>,
  scope: Scope,
  currency: string,
  actor: string,
) {
  await assertOpen(db, req.period);
  await assertOperatorInScope(db, req.operatorId, scope);
  await db.transaction().execute(async (tx) => {
    await lockKey(tx, `variable-pay:${req.operatorId}/${req.period}`);
    const before = await findVariablePay(tx, req.operatorId, req.period);
    await replaceVariablePay(
      tx,
      req.operatorId,
      req.period,
      req.variableBase === null
        ? null
        : { variableBase: req.variableBase, currency: req.currency ?? before?.currency ?? currency },
    );
    await audit(tx, {
      actor,
      action: req.variableBase === null ? 'delete' : 'set',
      entity: 'variable_pay',
      entityId: `${req.operatorId}/${req.period}`,
      before: before ? { variableBase: before.variable_base, currency: before.currency } : null,
      after:
        req.variableBase === null
          ? null
          : { variableBase: req.variableBase, currency: req.currency ?? before?.currency ?? currency },
    });
  });
}
