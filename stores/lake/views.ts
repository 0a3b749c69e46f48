import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LAKE_ANALYTICS_TABLES, LAKE_TABLES, partitionFile, tableDir, tableGlob } from './layout.ts';

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Whether a table has at least one file in the lake (a glob matching none is an error to DuckDB). */
function hasFiles(root: string, name: string, partitioned: boolean): boolean {
  if (!partitioned) return existsSync(partitionFile(root, name, null));
  const dir = tableDir(root, name);
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some(
    (d) => d.startsWith('month=') && existsSync(path.join(dir, d, 'part-0.parquet')),
  );
}

/**
 * The statements that turn each lake table of the analytical store into a view over its files:
 * one view per table and all its partitions, read afresh by every query, so a partition the
 * importing process renames into place is read from the next query on. Not the month column of
 * the folders' names (hive_partitioning off): the view has the table's own columns. A table with
 * no file yet is left as it is (empty) and replaced on a later call.
 */
export function lakeViews(root: string, stillTables: ReadonlySet<string> | null = null): string[] {
  const out: string[] = [];
  for (const table of LAKE_TABLES) {
    if (!LAKE_ANALYTICS_TABLES.includes(table.name)) continue;
    if (stillTables && !stillTables.has(table.name)) continue;
    if (!hasFiles(root, table.name, table.partitioned)) continue;
    out.push(
      `DROP TABLE IF EXISTS ${table.name}`,
      `CREATE OR REPLACE VIEW ${table.name} AS SELECT * FROM read_parquet(${sqlText(tableGlob(root, table))}, hive_partitioning = false, union_by_name = true)`,
    );
  }
  return out;
}
