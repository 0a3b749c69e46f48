import type { Kysely } from 'kysely';
import { blobType } from '../dialect.ts';

/**
 * A quarantined row keeps the bytes the file had, beside its text: the text of a row that is not
 * UTF-8 (or was decoded from another encoding) is not what the file says, and the bytes are.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was (initial migration)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_quarantine').addColumn('raw_bytes', blobType(db)).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_quarantine').dropColumn('raw_bytes').execute();
}
