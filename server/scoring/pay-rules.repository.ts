import { type NewPayRuleRequest, type PayRuleVersion, payRule } from '../../schemas/pay-rule.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { PayRulesTable } from '../../stores/tables.ts';
import { audit } from '../audit/audit.ts';

type Row = Omit<PayRulesTable, 'id' | 'created_at'> & { id: number; created_at: string };

const toVersion = (r: Row): PayRuleVersion => ({
  id: r.id,
  department: r.department,
  version: r.version,
  validFrom: r.valid_from,
  rule: payRule.parse(JSON.parse(r.rule)),
  note: r.note,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function listPayRules(db: Db): Promise<PayRuleVersion[]> {
  const rows = await db
    .selectFrom('pay_rules')
    .selectAll()
    .orderBy('department')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toVersion);
}

/** Saves a rule as the next version of its department's rules; earlier versions stay as they were. */
export async function addPayRule(db: Db, req: NewPayRuleRequest, actor: string): Promise<PayRuleVersion> {
  return db.transaction().execute(async (tx) => {
    // The highest version read, then the next written: one at a time.
    await lockKey(tx, 'pay_rules');
    const last = await tx
      .selectFrom('pay_rules')
      .select((eb) => eb.fn.max('version').as('v'))
      .$if(req.department === null, (q) => q.where('department', 'is', null))
      .$if(req.department !== null, (q) => q.where('department', '=', req.department as string))
      .executeTakeFirst();
    const row = await tx
      .insertInto('pay_rules')
      .values({
        department: req.department,
        version: Number(last?.v ?? 0) + 1,
        valid_from: req.validFrom,
        rule: JSON.stringify(req.rule),
        note: req.note ?? null,
        created_by: actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const saved = toVersion(row);
    await audit(tx, {
      actor,
      action: 'create',
      entity: 'pay_rule',
      entityId: String(saved.id),
      after: saved,
    });
    return saved;
  });
}
