import { AppError } from '../../core/errors.ts';
import {
  type RefillCounts,
  type SamplingRuleInput,
  type SamplingRuleView,
  type SamplingWorklistItem,
  samplingRuleInput,
} from '../../schemas/sampling-rules.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';
import { qaMonitorsNamed } from '../users/qa-monitors.ts';
import {
  findRuleRow,
  insertRuleRow,
  lastRefillRows,
  listRuleRows,
  updateRuleRow,
  worklistRows,
} from './sampling.repository.ts';

const DONE = new Set(['submitted', 'acknowledged', 'disputed', 'upheld', 'revised']);

type RuleRow = NonNullable<Awaited<ReturnType<typeof findRuleRow>>>;
type RefillRow = NonNullable<ReturnType<Awaited<ReturnType<typeof lastRefillRows>>['get']>>;

function viewOf(row: RuleRow, last: RefillRow | undefined): SamplingRuleView {
  const def = samplingRuleInput.parse(JSON.parse(row.definition));
  return {
    ...def,
    name: row.name,
    active: row.active === 1,
    id: row.id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastRefill: last
      ? {
          runOn: last.run_on,
          ranAt: last.ran_at,
          ranBy: last.ran_by,
          counts: JSON.parse(last.counts) as RefillCounts,
        }
      : null,
  };
}

export async function listRules(db: Db): Promise<SamplingRuleView[]> {
  const last = await lastRefillRows(db);
  return (await listRuleRows(db)).map((r) => viewOf(r, last.get(r.id)));
}

export async function getRule(db: Db, id: number): Promise<SamplingRuleView> {
  const row = await findRuleRow(db, id);
  if (!row) throw new AppError('not_found', `no sampling rule ${id}`);
  return viewOf(row, (await lastRefillRows(db)).get(id));
}

/**
 * Monitors named on a rule must be active monitors (stored as the users spell them), and a failed
 * check one of the rule set in force: a rule that can never match is refused, not kept silently empty.
 */
async function checked(db: Db, input: SamplingRuleInput): Promise<SamplingRuleInput> {
  const check = input.filter.failedCheck;
  if (check !== null) {
    const keys = (await currentRuleSet(db)).checks.map((c) => c.key);
    if (!keys.includes(check))
      throw new AppError(
        'bad_request',
        `invalid rule: filter.failedCheck: "${check}" is no check of the rule set in force (${keys.join(', ')})`,
      );
  }
  return { ...input, monitors: await qaMonitorsNamed(db, input.monitors) };
}

export async function createRule(db: Db, input: SamplingRuleInput, actor: string): Promise<SamplingRuleView> {
  const def = await checked(db, input);
  const id = await db.transaction().execute(async (tx) => {
    const id = await insertRuleRow(tx, {
      name: def.name,
      active: def.active ? 1 : 0,
      definition: JSON.stringify(def),
      created_by: actor,
      at: new Date().toISOString(),
    });
    await audit(tx, { actor, action: 'create', entity: 'sampling_rule', entityId: String(id), after: def });
    return id;
  });
  return getRule(db, id);
}

export async function updateRule(
  db: Db,
  id: number,
  input: SamplingRuleInput,
  actor: string,
): Promise<SamplingRuleView> {
  const before = await getRule(db, id);
  const def = await checked(db, input);
  await db.transaction().execute(async (tx) => {
    await updateRuleRow(tx, id, {
      name: def.name,
      active: def.active ? 1 : 0,
      definition: JSON.stringify(def),
      at: new Date().toISOString(),
    });
    await audit(tx, {
      actor,
      action: 'update',
      entity: 'sampling_rule',
      entityId: String(id),
      before,
      after: def,
    });
  });
  return getRule(db, id);
}

export async function samplingWorklist(
  db: Db,
  f: { monitor: string | null; from: string | null; to: string | null },
): Promise<SamplingWorklistItem[]> {
  return (await worklistRows(db, f)).map((r) => ({
    callId: r.call_id,
    operatorId: r.operator_id,
    monitor: r.monitor,
    runOn: r.run_on,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    assignmentId: r.assignment_id,
    evaluationId: r.evaluation_id ?? null,
    done: r.evaluation_status != null && DONE.has(r.evaluation_status),
  }));
}
