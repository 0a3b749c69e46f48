import { AppError } from '../../core/errors.ts';
import type { FormSummary, FormView, NewFormRequest, UpdateFormRequest } from '../../schemas/forms.ts';
import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertChecksExist } from './check-bindings.ts';
import {
  archiveFormKey,
  evaluationCount,
  findForm,
  formKeyTaken,
  formRowToView,
  formViewToSummary,
  insertForm,
  latestVersionOf,
  listFormRows,
  updateFormRow,
} from './forms.repository.ts';

/** `Inbound order call` → `inbound-order-call`: a readable key that stays across versions. */
const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || 'form';

export async function getForm(db: Db, id: number): Promise<FormView> {
  const row = await findForm(db, id);
  if (!row) throw new AppError('not_found', `no form ${id}`);
  return formRowToView(row, await latestVersionOf(db, row.form_key), await evaluationCount(db, id));
}

export async function listForms(
  db: Db,
  opts: { includeArchived: boolean; allVersions: boolean },
): Promise<FormSummary[]> {
  const rows = await listFormRows(db);
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.form_key, Math.max(latest.get(r.form_key) ?? 0, r.version));
  return rows
    .filter((r) => opts.includeArchived || r.status !== 'archived')
    .filter((r) => opts.allVersions || r.version === latest.get(r.form_key))
    .map((r) => formViewToSummary(formRowToView(r, latest.get(r.form_key) ?? 0, Number(r.evaluations))));
}

export async function createForm(db: Db, req: NewFormRequest, actor: string): Promise<FormView> {
  await assertChecksExist(db, req.definition);
  const id = await db.transaction().execute(async (tx) => {
    // A free key, then the form under it: one new form or version at a time.
    await lockKey(tx, 'forms');
    const base = slugOf(req.name);
    let formKey = base;
    for (let i = 2; await formKeyTaken(tx, formKey); i++) formKey = `${base}-${i}`;
    const formId = await insertForm(tx, {
      form_key: formKey,
      version: 1,
      name: req.name,
      description: req.description,
      definition: JSON.stringify(req.definition),
      status: 'published',
      created_by: actor,
    });
    await audit(tx, {
      actor,
      action: 'create',
      entity: 'form',
      entityId: String(formId),
      after: { formKey, version: 1, name: req.name, definition: req.definition },
    });
    return formId;
  });
  return getForm(db, id);
}

/**
 * Edits the latest version of a form. A version that evaluations were made on never changes
 * (they keep the form they were scored on): the edit becomes the next version instead. AutoQA's
 * auto evaluations (`autoEvaluations`, counted in the analytics store) count as evaluations made
 * on it: the next run re-scores their calls on the new version.
 */
export async function updateForm(
  db: Db,
  id: number,
  req: UpdateFormRequest,
  actor: string,
  opts: { autoEvaluations?: number } = {},
): Promise<FormView> {
  if (req.definition) await assertChecksExist(db, req.definition);
  const newId = await db.transaction().execute(async (tx) => {
    await lockKey(tx, 'forms');
    const row = await findForm(tx, id);
    if (!row) throw new AppError('not_found', `no form ${id}`);
    if (row.status === 'archived')
      throw new AppError('conflict', `form ${id} is archived; it cannot be edited`);
    const latest = await latestVersionOf(tx, row.form_key);
    if (row.version !== latest) {
      throw new AppError(
        'conflict',
        `form ${id} is version ${row.version}; edit the latest, version ${latest}`,
      );
    }
    const next = {
      name: req.name ?? row.name,
      description: req.description === undefined ? row.description : req.description,
      definition: req.definition ? JSON.stringify(req.definition) : row.definition,
    };
    // Nothing changes: no new version, nothing to audit.
    if (
      next.name === row.name &&
      next.description === row.description &&
      JSON.stringify(JSON.parse(next.definition)) === JSON.stringify(JSON.parse(row.definition))
    ) {
      return id;
    }
    const before = { name: row.name, description: row.description, definition: JSON.parse(row.definition) };
    const after = { ...next, definition: JSON.parse(next.definition) };
    if ((opts.autoEvaluations ?? 0) > 0 || (await evaluationCount(tx, id)) > 0) {
      const createdId = await insertForm(tx, {
        form_key: row.form_key,
        version: row.version + 1,
        status: 'published',
        created_by: actor,
        ...next,
      });
      await audit(tx, {
        actor,
        action: 'version',
        entity: 'form',
        entityId: String(createdId),
        before: { id, version: row.version, ...before },
        after: { id: createdId, version: row.version + 1, ...after },
      });
      return createdId;
    }
    await updateFormRow(tx, id, next);
    await audit(tx, { actor, action: 'update', entity: 'form', entityId: String(id), before, after });
    return id;
  });
  return getForm(db, newId);
}

/** Archives a form, every version of it: no new evaluation can use it; old ones keep it. */
export async function archiveForm(db: Db, id: number, actor: string): Promise<FormView> {
  await db.transaction().execute(async (tx) => {
    const row = await findForm(tx, id);
    if (!row) throw new AppError('not_found', `no form ${id}`);
    if (row.status === 'archived') throw new AppError('conflict', `form ${id} is archived already`);
    await archiveFormKey(tx, row.form_key);
    await audit(tx, {
      actor,
      action: 'archive',
      entity: 'form',
      entityId: String(id),
      before: { formKey: row.form_key, status: row.status },
      after: { formKey: row.form_key, status: 'archived' },
    });
  });
  return getForm(db, id);
}
