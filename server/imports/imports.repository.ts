import { sql } from 'kysely';
import type { ImportDetailResponse, ImportSummary } from '../../schemas/imports.ts';
import { isPostgres } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';

const SOURCE_NOTE = /^source (\S+): its call ids are written/;

/** The import log, newest first. */
export async function listImports(db: Db, limit: number): Promise<ImportSummary[]> {
  const rows = await db
    .selectFrom('imports')
    .select([
      'id',
      'kind',
      'format',
      'file_name',
      'status',
      'rows_read',
      'loaded',
      'quarantined',
      'duplicates',
      'actor',
      'started_at',
      'finished_at',
      // the importer names a PBX source in its report's notes (etl/asterisk/import-asterisk.ts)
      (isPostgres(db)
        ? sql<
            string | null
          >`(SELECT value FROM json_array_elements_text(imports.report::json -> 'notes') AS n(value)
            WHERE value LIKE 'source %: its call ids are written %' LIMIT 1)`
        : sql<string | null>`(SELECT value FROM json_each(imports.report, '$.notes')
            WHERE value LIKE 'source %: its call ids are written %' LIMIT 1)`
      ).as('source_note'),
    ])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    format: r.format,
    file: r.file_name,
    source: SOURCE_NOTE.exec(r.source_note ?? '')?.[1] ?? null,
    status: r.status,
    read: r.rows_read,
    loaded: r.loaded,
    quarantined: r.quarantined,
    duplicates: r.duplicates,
    actor: r.actor,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}

/** One import with its first 1000 quarantined rows; undefined when there is no such import. */
export async function importDetail(db: Db, id: number): Promise<ImportDetailResponse | undefined> {
  const row = await db
    .selectFrom('imports')
    .select(['report', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const quarantine = await db
    .selectFrom('import_quarantine')
    .select(['line', 'reason', 'raw', 'raw_bytes'])
    .where('import_id', '=', id)
    .orderBy('line')
    .limit(1000)
    .execute();
  return {
    status: row.status,
    report: row.report ? JSON.parse(row.report) : null,
    // The bytes as the file had them (base64), when its text was not UTF-8: `raw` is their reading.
    quarantine: quarantine.map(({ raw_bytes, ...q }) => ({
      ...q,
      rawBytes: raw_bytes ? Buffer.from(raw_bytes).toString('base64') : null,
    })),
  };
}
