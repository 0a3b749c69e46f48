import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../../stores/sqlite.ts';

/**
 * The identifiers the phone system uses for each operator (pbx_ids: extensions, channels,
 * member names), lower-cased, as a temp table `pbx_map(key, operator_id)` for the merge.
 */
export async function createPbxMap(db: Db, c: DuckDBConnection): Promise<void> {
  const operators = await db.selectFrom('operators').select(['operator_id', 'pbx_ids']).execute();
  await c.run('CREATE OR REPLACE TEMP TABLE pbx_map (key VARCHAR, operator_id VARCHAR)');
  const appender = await c.createAppender('pbx_map', 'main', 'temp');
  for (const o of operators) {
    for (const id of JSON.parse(o.pbx_ids) as string[]) {
      appender.appendVarchar(id.trim().toLowerCase());
      appender.appendVarchar(o.operator_id);
      appender.endRow();
    }
  }
  appender.closeSync();
}
