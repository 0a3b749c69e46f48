import type { Kysely } from 'kysely';

/**
 * Mappings saved by name, to read the exports of a phone or order system callscore has no reader
 * of its own for (schemas/import-mapping.ts; the JSON as sent, checked), and the mapping an
 * uploaded file waits with (null: none).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('import_jobs').addColumn('mapping', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_jobs').dropColumn('mapping').execute();
  await db.schema.dropTable('import_mappings').execute();
}
