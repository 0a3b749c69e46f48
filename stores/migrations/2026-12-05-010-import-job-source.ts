import type { Kysely } from 'kysely';

/**
 * The PBX an uploaded telephony file comes from (`--source`, the imports page's field): its call
 * ids are written `NAME:uniqueid`, so two servers' uniqueids never meet. Null: one PBX.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_jobs').addColumn('pbx_source', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_jobs').dropColumn('pbx_source').execute();
}
