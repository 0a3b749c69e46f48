import { type Kysely, sql } from 'kysely';

/**
 * Appeals: each level of a dispute is a row of its own (1: the operator's dispute, decided by a QA
 * lead; 2: his appeal of an upheld decision, decided by a head), with its reason, decider and note.
 * `question_ids`: the form questions the operator contests (a JSON array; null: none named), which
 * the disputes report counts per question.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('evaluation_disputes')
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('evaluation_disputes').addColumn('question_ids', 'text').execute();
  await sql`CREATE INDEX evaluation_disputes_opened ON evaluation_disputes (opened_by, level, opened_at)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX evaluation_disputes_opened`.execute(db);
  await db.schema.alterTable('evaluation_disputes').dropColumn('question_ids').execute();
  await db.schema.alterTable('evaluation_disputes').dropColumn('level').execute();
}
