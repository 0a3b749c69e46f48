import type { Kysely } from 'kysely';

/**
 * When the monitor first opened the evaluation (its draft made, or first read by him): with
 * `submitted_at`, the time he took to grade the call. Null for evaluations imported from elsewhere,
 * whose opening nobody saw.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluations').addColumn('opened_at', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluations').dropColumn('opened_at').execute();
}
