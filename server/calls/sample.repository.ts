import type { FormDefinition } from '../../schemas/forms.ts';
import type { Db } from '../../stores/sqlite.ts';
import { definitionOf } from '../forms/forms.repository.ts';

/** What the monitors' sampling reads of the operational records beside the calls (sample.ts). */

/** The calls and orders claims name, of every claim not rejected: a claimed call is drawn first. */
export async function claimedCallsAndOrders(db: Db): Promise<{ calls: string[]; orders: string[] }> {
  const claims = await db
    .selectFrom('claims')
    .select(['call_id', 'order_id'])
    .where('status', '<>', 'rejected')
    .execute();
  return {
    calls: claims.map((c) => c.call_id).filter((x): x is string => x !== null),
    orders: claims.map((c) => c.order_id).filter((x): x is string => x !== null),
  };
}

/** The monitor each of these calls is assigned to in the month. */
export async function assignedMonitors(
  db: Db,
  period: string,
  callIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('evaluation_assignments')
    .select(['call_id', 'monitor'])
    .where('period', '=', period)
    .where('call_id', 'in', [...callIds, ''])
    .execute();
  return new Map(rows.map((a) => [a.call_id, a.monitor]));
}

/** The evaluations (calibration apart) of each of these calls, oldest first. */
export async function evaluationIdsOfCalls(
  db: Db,
  callIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const e of await db
    .selectFrom('evaluations')
    .select(['call_id', 'evaluation_id'])
    .where('calibration', '=', 0)
    .where('call_id', 'in', [...callIds, ''])
    .orderBy('evaluation_id')
    .execute()) {
    out.set(e.call_id, [...(out.get(e.call_id) ?? []), e.evaluation_id]);
  }
  return out;
}

/** The definitions of the forms in force: each form's latest version, if it is published. */
export async function formsInForce(db: Db): Promise<FormDefinition[]> {
  const rows = await db
    .selectFrom('forms as f')
    .select('f.definition')
    .where('f.status', '=', 'published')
    .where(({ eb, selectFrom }) =>
      eb(
        'f.version',
        '=',
        selectFrom('forms as g')
          .select((g) => g.fn.max<number>('g.version').as('v'))
          .whereRef('g.form_key', '=', 'f.form_key'),
      ),
    )
    .execute();
  return rows.map(definitionOf);
}
