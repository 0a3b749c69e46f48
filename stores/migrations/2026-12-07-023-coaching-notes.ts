import type { Kysely } from 'kysely';
import { idColumn } from '../dialect.ts';

/**
 * The notes of a coaching session, one row each with who wrote it and when, and whether the
 * operator reads it: a head or lead keeps some notes for those who coach, others for the operator.
 * The session's own `notes` (written when it was opened) stay where they are.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coaching_notes')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('coaching_sessions.id'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('for_operator', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('coaching_notes_session')
    .on('coaching_notes')
    .columns(['session_id', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coaching_notes').execute();
}
