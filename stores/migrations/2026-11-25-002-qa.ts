import { type Kysely, sql } from 'kysely';
import { idColumn, nowText, realType } from '../dialect.ts';

/**
 * QA monitoring: what the initial `forms` and `evaluations` tables lack. Evaluations keep the
 * meaning of their columns (the scoring code reads status, score, calibration, operator_id,
 * call_started_at and critical_failed); the new columns and tables only add to them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations never use the app's Database type
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowText(db);

  await db.schema.alterTable('forms').addColumn('description', 'text').execute();
  await db.schema.createIndex('forms_key').on('forms').columns(['form_key', 'version']).execute();

  await db.schema.alterTable('evaluations').addColumn('acknowledged_at', 'text').execute();
  await db.schema.alterTable('evaluations').addColumn('acknowledged_by', 'text').execute();
  // The calibration session a calibration evaluation (calibration = 1) was made in.
  await db.schema.alterTable('evaluations').addColumn('calibration_session_id', 'integer').execute();
  await db.schema
    .createIndex('evaluations_session')
    .on('evaluations')
    .column('calibration_session_id')
    .execute();

  // A comment on an evaluation: on one question, at a moment of the recording, or on the whole.
  await db.schema
    .createTable('evaluation_comments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('evaluation_id', 'text', (c) =>
      c.notNull().references('evaluations.evaluation_id').onDelete('cascade'),
    )
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text')
    .addColumn('offset_s', realType(db))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('evaluation_comments_evaluation')
    .on('evaluation_comments')
    .column('evaluation_id')
    .execute();

  // A dispute and its decision. The answers and score before and after are kept, so a revision
  // never loses what the monitor first submitted.
  await db.schema
    .createTable('evaluation_disputes')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('evaluation_id', 'text', (c) =>
      c.notNull().references('evaluations.evaluation_id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'upheld', 'revised')`))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('score_before', realType(db))
    .addColumn('answers_before', 'text') // JSON
    .addColumn('critical_failed_before', 'integer')
    .addColumn('score_after', realType(db))
    .addColumn('answers_after', 'text') // JSON
    .execute();
  await db.schema
    .createIndex('evaluation_disputes_evaluation')
    .on('evaluation_disputes')
    .column('evaluation_id')
    .execute();

  // A call given to a monitor to evaluate in a period (from the sample, or by hand).
  await db.schema
    .createTable('evaluation_assignments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text')
    .addColumn('call_started_at', 'text')
    .addColumn('monitor', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('evaluation_assignments_call', ['period', 'call_id'])
    .execute();
  await db.schema
    .createIndex('evaluation_assignments_monitor')
    .on('evaluation_assignments')
    .columns(['monitor', 'period'])
    .execute();

  await db.schema
    .createTable('calibration_sessions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text')
    .addColumn('call_started_at', 'text')
    .addColumn('form_id', 'integer', (c) => c.notNull().references('forms.id'))
    .addColumn('reference_evaluator', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .execute();

  await db.schema
    .createTable('calibration_participants')
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('calibration_sessions.id').onDelete('cascade'),
    )
    .addColumn('monitor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calibration_participants_pk', ['session_id', 'monitor'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'calibration_participants',
    'calibration_sessions',
    'evaluation_assignments',
    'evaluation_disputes',
    'evaluation_comments',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('evaluations_session').ifExists().execute();
  for (const col of ['calibration_session_id', 'acknowledged_by', 'acknowledged_at']) {
    await db.schema.alterTable('evaluations').dropColumn(col).execute();
  }
  await db.schema.dropIndex('forms_key').ifExists().execute();
  await db.schema.alterTable('forms').dropColumn('description').execute();
}
