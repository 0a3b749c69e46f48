import type { Kysely } from 'kysely';
import { idColumn } from '../dialect.ts';

/**
 * Sampling rules that fill the monitors' worklists by themselves, the calls each refill gave (with
 * the rule and the date, so a monitor sees why a call is his) and one row per rule and date that
 * ran: a refill for a date that already ran changes nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sampling_rules')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    // JSON of the rule's definition (schemas/sampling-rules.ts: samplingRuleInput).
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sampling_items')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('rule_id', 'integer', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('monitor', 'text', (c) => c.notNull())
    .addColumn('assignment_id', 'integer', (c) => c.notNull())
    // A call is given once, whatever the rule or the date.
    .addUniqueConstraint('sampling_items_call', ['call_id'])
    .execute();
  await db.schema
    .createIndex('sampling_items_monitor')
    .on('sampling_items')
    .columns(['monitor', 'run_on'])
    .execute();
  await db.schema
    .createTable('sampling_refills')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('rule_id', 'integer', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('ran_by', 'text', (c) => c.notNull())
    // JSON of the counts (schemas/sampling-rules.ts: refillCounts).
    .addColumn('counts', 'text', (c) => c.notNull())
    .addUniqueConstraint('sampling_refills_rule_day', ['rule_id', 'run_on'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sampling_refills').execute();
  await db.schema.dropTable('sampling_items').execute();
  await db.schema.dropTable('sampling_rules').execute();
}
