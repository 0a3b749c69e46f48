import type { Kysely } from 'kysely';

/**
 * AutoQA's rule set, versioned like the forms: an edit adds a version, the highest is in force,
 * and each check result names the version that produced it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('autoqa_rule_sets')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('autoqa_rule_sets').execute();
}
