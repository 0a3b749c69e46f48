import type { Kysely } from 'kysely';

/** A head may be limited to one team instead (a team lead): he sees only its operators. */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was (initial migration)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('team_id', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('team_id').execute();
}
