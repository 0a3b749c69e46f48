import type { Db } from '../../stores/sqlite.ts';
import type { FollowedFilesTable } from '../../stores/tables.ts';
import type { FollowPosition, FollowState } from './follow-position.ts';

/** The followed file's key: the same path read as another format or for another PBX is another follow. */
export interface FollowedKey {
  path: string;
  format: string;
  pbxSource: string;
}

const toPosition = (row: FollowedFilesTable): FollowPosition => ({
  inode: row.inode,
  firstLine: row.first_line,
  offset: row.offset,
  size: row.size,
  lines: row.lines,
  lastEventAt: row.last_event_at,
});

/** Where a follow got to, kept in the data directory's SQLite beside the import log. */
export function followedFilesState(db: Db, key: FollowedKey): FollowState {
  return {
    async load() {
      const row = await db
        .selectFrom('followed_files')
        .selectAll()
        .where('path', '=', key.path)
        .where('format', '=', key.format)
        .where('pbx_source', '=', key.pbxSource)
        .executeTakeFirst();
      return row ? toPosition(row) : null;
    },
    async save(p) {
      const row = {
        inode: p.inode,
        first_line: p.firstLine,
        offset: p.offset,
        size: p.size,
        lines: p.lines,
        last_event_at: p.lastEventAt,
        updated_at: new Date().toISOString(),
      };
      await db
        .insertInto('followed_files')
        .values({ path: key.path, format: key.format, pbx_source: key.pbxSource, ...row })
        .onConflict((oc) => oc.columns(['path', 'format', 'pbx_source']).doUpdateSet(row))
        .execute();
    },
  };
}

/** Every followed file, for the docs' "where is it at" and the tests. */
export const listFollowedFiles = (db: Db) =>
  db.selectFrom('followed_files').selectAll().orderBy('path').execute();
