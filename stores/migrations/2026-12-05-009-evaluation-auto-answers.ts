import { type Kysely, sql } from 'kysely';

/**
 * What a monitor did with each answer AutoQA proposed on his evaluation: the proposed value (from
 * the check's result under `rules_version`), the value he submitted, and whether he accepted or
 * overrode it. AutoQA's accuracy against people is read from here and from the evaluations.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_auto_answers')
    .addColumn('evaluation_id', 'text', (c) =>
      c.notNull().references('evaluations.evaluation_id').onDelete('cascade'),
    )
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('check_key', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    // The check's result: pass, fail or na.
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('pass', 'fail', 'na')`))
    // JSON of the proposed answer and of the answer submitted (null until submitted).
    .addColumn('auto_value', 'text', (c) => c.notNull())
    .addColumn('final_value', 'text')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'overridden')`))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('evaluation_auto_answers_pk', ['evaluation_id', 'question_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_auto_answers').execute();
}
