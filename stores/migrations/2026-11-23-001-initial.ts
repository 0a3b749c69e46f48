import { type Kysely, sql } from 'kysely';
import { idColumn, isPostgres, nowText, realType } from '../dialect.ts';

/**
 * The operational store's first shape. Migrations take Kysely<any> on purpose: the app's Database
 * type describes the latest schema, not the one this migration was written against.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowText(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', idColumn(db))
    // One user per name whatever its case: SQLite collates the column nocase; PostgreSQL has a
    // unique index on lower(username) below, which lookups compare with (stores/dialect.ts).
    .addColumn('username', 'text', (c) =>
      isPostgres(db) ? c.notNull() : c.notNull().unique().modifyEnd(sql`collate nocase`),
    )
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('users_operator_role', sql`(role = 'operator') = (operator_id is not null)`)
    .execute();
  if (isPostgres(db))
    await sql`CREATE UNIQUE INDEX users_username_lower ON users (lower(username))`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha-256 of the cookie token, never the token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull()) // JSON
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('import_id', 'integer')
    .execute();

  await db.schema
    .createTable('operators')
    .addColumn('operator_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('pbx_ids', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array
    .addColumn('hired_on', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('import_id', 'integer')
    .execute();
  await db.schema.createIndex('operators_team').on('operators').column('team_id').execute();

  await db.schema
    .createTable('targets')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('target', realType(db), (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addPrimaryKeyConstraint('targets_pk', ['team_id', 'period', 'metric'])
    .execute();

  // A norm is set for one operator or for a whole team: `scope` says which `subject_id` is.
  await db.schema
    .createTable('norms')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('operator', 'team')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('tasks_norm', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addPrimaryKeyConstraint('norms_pk', ['scope', 'subject_id', 'period'])
    .execute();

  await db.schema
    .createTable('variable_pay')
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('variable_base', 'integer', (c) => c.notNull()) // minor units
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addPrimaryKeyConstraint('variable_pay_pk', ['operator_id', 'period'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('claim_id', 'text', (c) => c.primaryKey())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('division', 'text')
    .addColumn('call_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('description', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('import')) // import | manual
    .addColumn('import_id', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('claims_operator')
    .on('claims')
    .columns(['operator_id', 'decided_at'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('assessment_id', 'text', (c) => c.primaryKey())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('note', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('import'))
    .addColumn('import_id', 'integer')
    .execute();
  await db.schema
    .createIndex('assessments_operator')
    .on('assessments')
    .columns(['operator_id', 'assessed_at'])
    .execute();

  await db.schema
    .createTable('forms')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('form_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull()) // JSON, schemas/forms
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('created_by', 'text')
    .addUniqueConstraint('forms_version', ['form_key', 'version'])
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('evaluation_id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text') // copied from the call so quality is one indexed read
    .addColumn('call_started_at', 'text') // the call's start decides the evaluation's period
    .addColumn('form_id', 'integer', (c) => c.references('forms.id'))
    .addColumn('evaluator', 'text', (c) => c.notNull())
    .addColumn('score', realType(db))
    .addColumn('critical_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text') // JSON
    .addColumn('submitted_at', 'text')
    .addColumn('calibration', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('import'))
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('evaluations_call').on('evaluations').column('call_id').execute();
  await db.schema
    .createIndex('evaluations_operator')
    .on('evaluations')
    .columns(['operator_id', 'call_started_at'])
    .execute();

  await db.schema
    .createTable('pay_rules')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('department', 'text') // null: every department without a rule of its own
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull()) // local date
    .addColumn('rule', 'text', (c) => c.notNull()) // JSON, schemas/pay-rule
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('pay_periods')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by', 'text')
    .addColumn('reopen_reason', 'text')
    .execute();

  await db.schema
    .createTable('pay_snapshots')
    .addColumn('period', 'text', (c) => c.notNull().references('pay_periods.period'))
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('scorecard', 'text', (c) => c.notNull()) // JSON, the scorecard as approved
    .addPrimaryKeyConstraint('pay_snapshots_pk', ['period', 'operator_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text') // JSON
    .addColumn('after', 'text') // JSON
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // running | done | failed
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('loaded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report', 'text') // JSON
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('imports_checksum').on('imports').columns(['kind', 'checksum']).execute();

  await db.schema
    .createTable('import_quarantine')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_quarantine_import')
    .on('import_quarantine')
    .column('import_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'import_quarantine',
    'imports',
    'audit_log',
    'pay_snapshots',
    'pay_periods',
    'pay_rules',
    'evaluations',
    'forms',
    'assessments',
    'claims',
    'variable_pay',
    'norms',
    'targets',
    'operators',
    'teams',
    'settings',
    'login_failures',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
