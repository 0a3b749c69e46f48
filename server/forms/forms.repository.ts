import type { Insertable, Selectable, Updateable } from 'kysely';
import { type FormDefinition, type FormSummary, type FormView, formDefinition } from '../../schemas/forms.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { FormsTable } from '../../stores/tables.ts';

export type FormRow = Selectable<FormsTable>;

/** The stored definition, read through its schema so defaults of later versions apply. */
export const definitionOf = (row: Pick<FormRow, 'definition'>): FormDefinition =>
  formDefinition.parse(JSON.parse(row.definition));

export function formRowToView(row: FormRow, latestVersion: number, evaluations: number): FormView {
  return {
    id: row.id,
    formKey: row.form_key,
    version: row.version,
    name: row.name,
    description: row.description,
    status: row.status === 'archived' ? 'archived' : 'published',
    latest: row.version === latestVersion,
    definition: definitionOf(row),
    createdAt: row.created_at,
    createdBy: row.created_by,
    evaluations,
  };
}

export function formViewToSummary(view: FormView): FormSummary {
  const { definition, ...rest } = view;
  return { ...rest, questions: definition.sections.reduce((n, s) => n + s.questions.length, 0) };
}

export const findForm = (db: Db, id: number) =>
  db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();

/** A form's definition, as stored; the form must exist. */
export const formDefinitionRow = (db: Db, id: number) =>
  db.selectFrom('forms').select('definition').where('id', '=', id).executeTakeFirstOrThrow();

export async function latestVersionOf(db: Db, formKey: string): Promise<number> {
  const row = await db
    .selectFrom('forms')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('form_key', '=', formKey)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function evaluationCount(db: Db, formId: number): Promise<number> {
  const row = await db
    .selectFrom('evaluations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('form_id', '=', formId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every version of every form with its evaluation count, newest version first within a form. */
export async function listFormRows(db: Db) {
  return db
    .selectFrom('forms')
    .leftJoin('evaluations', 'evaluations.form_id', 'forms.id')
    .selectAll('forms')
    .select((eb) => eb.fn.count<number>('evaluations.evaluation_id').as('evaluations'))
    .groupBy('forms.id')
    .orderBy('forms.name')
    .orderBy('forms.form_key')
    .orderBy('forms.version', 'desc')
    .execute();
}

/** Whether some version of a form already has this key. */
export async function formKeyTaken(db: Db, formKey: string): Promise<boolean> {
  const row = await db.selectFrom('forms').select('id').where('form_key', '=', formKey).executeTakeFirst();
  return row !== undefined;
}

/** Adds a form version; its id. */
export async function insertForm(db: Db, form: Insertable<FormsTable>): Promise<number> {
  const row = await db.insertInto('forms').values(form).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a form version's name, description or definition. */
export async function updateFormRow(
  db: Db,
  id: number,
  set: Pick<Updateable<FormsTable>, 'name' | 'description' | 'definition'>,
): Promise<void> {
  await db.updateTable('forms').set(set).where('id', '=', id).execute();
}

/** Archives every version of a form. */
export async function archiveFormKey(db: Db, formKey: string): Promise<void> {
  await db.updateTable('forms').set({ status: 'archived' }).where('form_key', '=', formKey).execute();
}
