import type { Kysely } from 'kysely';
import { DEFAULT_PAY_RULE } from '../../schemas/pay-rule.ts';
import { blobType, nowText } from '../dialect.ts';

/**
 * Pay: the period a justified claim is paid in, the files of approved periods, and the default
 * pay rule of docs/scoring.md as version 1.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was (initial migration)
export async function up(db: Kysely<any>): Promise<void> {
  // A justified claim counts in the pay period of its decision date, unless that period was
  // already approved when the claim arrived: then in the next open one (docs/scoring.md). Kept apart
  // from claims so re-importing a claim never moves it out of a period that has paid it.
  await db.schema
    .createTable('claim_periods')
    .addColumn('claim_id', 'text', (c) => c.primaryKey())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claim_periods_period').on('claim_periods').column('period').execute();

  // An approved period's spreadsheet, stored as made: a zip carries the time it was written, so
  // rebuilding it later could not give the same bytes.
  await db.schema
    .createTable('pay_exports')
    .addColumn('period', 'text', (c) => c.notNull().references('pay_periods.period'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content', blobType(db), (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pay_exports_pk', ['period', 'format'])
    .execute();

  await db.schema.alterTable('pay_rules').addColumn('note', 'text').execute();
  await db
    .insertInto('pay_rules')
    .values({
      department: null,
      version: 1,
      valid_from: '2000-01-01',
      rule: JSON.stringify(DEFAULT_PAY_RULE),
      note: 'The default rule of docs/scoring.md',
      created_by: 'system',
      created_at: nowText(db),
    })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pay_exports').ifExists().execute();
  await db.schema.dropTable('claim_periods').ifExists().execute();
  await db.deleteFrom('pay_rules').where('created_by', '=', 'system').execute();
  await db.schema.alterTable('pay_rules').dropColumn('note').execute();
}
