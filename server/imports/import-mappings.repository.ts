import type { ImportMapping, SavedMapping } from '../../schemas/import-mapping.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { ImportMappingsTable } from '../../stores/tables.ts';
import { audit } from '../audit/audit.ts';

const view = (r: ImportMappingsTable): SavedMapping => ({
  name: r.name,
  mapping: JSON.parse(r.mapping) as ImportMapping,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

export async function listMappings(db: Db): Promise<SavedMapping[]> {
  return (await db.selectFrom('import_mappings').selectAll().orderBy('name').execute()).map(view);
}

export async function mappingByName(db: Db, name: string): Promise<SavedMapping | undefined> {
  const row = await db.selectFrom('import_mappings').selectAll().where('name', '=', name).executeTakeFirst();
  return row && view(row);
}

/** Saves a mapping under its name, new or replacing, with its audit row. */
export async function saveMapping(
  db: Db,
  name: string,
  mapping: ImportMapping,
  actor: string,
): Promise<{ saved: SavedMapping; created: boolean }> {
  return db.transaction().execute(async (tx) => {
    const before = await mappingByName(tx, name);
    const row: ImportMappingsTable = {
      name,
      mapping: JSON.stringify(mapping),
      updated_by: actor,
      updated_at: new Date().toISOString(),
    };
    await tx
      .insertInto('import_mappings')
      .values(row)
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({
          mapping: row.mapping,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    await audit(tx, {
      actor,
      action: before ? 'update' : 'create',
      entity: 'import_mapping',
      entityId: name,
      before: before?.mapping,
      after: mapping,
    });
    return { saved: view(row), created: !before };
  });
}

/** Deletes a saved mapping with its audit row; false when there was none of that name. */
export async function deleteMapping(db: Db, name: string, actor: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const before = await mappingByName(tx, name);
    if (!before) return false;
    await tx.deleteFrom('import_mappings').where('name', '=', name).execute();
    await audit(tx, {
      actor,
      action: 'delete',
      entity: 'import_mapping',
      entityId: name,
      before: before.mapping,
    });
    return true;
  });
}
