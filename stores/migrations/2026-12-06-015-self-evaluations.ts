import { type Kysely, sql } from 'kysely';
import { idColumn, realType } from '../dialect.ts';

/**
 * Self-evaluations: a QA lead asks an operator to score a call of his own on a form; the operator
 * answers it before he may see the monitor's evaluation of that call. Kept apart from
 * `evaluations` so that no query of the counted evaluations (the quality criterion, sampling,
 * accuracy) can ever read one.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('self_evaluations')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('call_started_at', 'text', (c) => c.notNull())
    .addColumn('form_id', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'submitted')`))
    // JSON of the answers, null until submitted.
    .addColumn('answers', 'text')
    .addColumn('score', realType(db))
    .addColumn('critical_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('self_evaluations_call', ['call_id'])
    .execute();
  await db.schema
    .createIndex('self_evaluations_operator')
    .on('self_evaluations')
    .columns(['operator_id', 'status'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('self_evaluations').execute();
}
