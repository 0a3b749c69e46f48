import { type Kysely, sql } from 'kysely';
import { bigIntType, idColumn } from '../dialect.ts';

/**
 * Uploads waiting for or going through their import. Kept here, not in memory, so a restart
 * picks up what was queued and says what happened to the job that was running.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations never use the app's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text') // null: detected
    .addColumn('gmt_times', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('encoding', 'text') // null: UTF-8
    // The stored file's name inside the data directory's uploads/, so the directory can move.
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', bigIntType(db), (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('report', 'text') // JSON
    .addColumn('error', 'text')
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('import_jobs_state').on('import_jobs').column('state').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_jobs').ifExists().execute();
}
