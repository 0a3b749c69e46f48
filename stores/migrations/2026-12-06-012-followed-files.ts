import type { Kysely } from 'kysely';
import { bigIntType } from '../dialect.ts';

/**
 * Where `callscore import … --follow` got to in each file it follows: the offset after the last
 * complete line imported and the file's identity (inode, size then, checksum of its first line),
 * so a restart resumes there and a rotation is told from a file that only grew. Kept in SQLite,
 * beside the import log, so the data directory alone says what was read.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('followed_files')
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('pbx_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inode', 'text', (c) => c.notNull())
    .addColumn('first_line', 'text') // sha256 of the first line; null while the file has none
    .addColumn('offset', bigIntType(db), (c) => c.notNull())
    .addColumn('size', bigIntType(db), (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_event_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('followed_files_pk', ['path', 'format', 'pbx_source'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followed_files').ifExists().execute();
}
