import type { Kysely } from 'kysely';
import { idColumn, realType } from '../dialect.ts';

/**
 * Coaching sessions: an operator, what the session is about (calls, findings, where it was opened
 * from), the goal and its target, the follow-up date, the operator's acknowledgement and the
 * follow-up held. The status (due, overdue, met, missed) is not stored: it is computed from the
 * follow-up date and the goal's measure, which moves with the data.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coaching_sessions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    // The local date it opened, in the company's time zone then: the before and after windows meet here.
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    // JSON arrays of call ids and of findings.
    .addColumn('call_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON of the goal (schemas/coaching.ts: coachingGoal).
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('target', realType(db), (c) => c.notNull())
    .addColumn('follow_up_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledgement_comment', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closing_note', 'text')
    .execute();
  await db.schema
    .createIndex('coaching_sessions_operator')
    .on('coaching_sessions')
    .columns(['operator_id', 'opened_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('coaching_sessions').execute();
}
