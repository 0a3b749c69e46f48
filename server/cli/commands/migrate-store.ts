import { existsSync } from 'node:fs';
import { copyStore, nonEmptyTables } from '../../../stores/copy-store.ts';
import { isPostgresUrl } from '../../../stores/dialect.ts';
import { describeStore, openStore } from '../../../stores/store.ts';
import { resolveDataDir } from '../../config.ts';
import { dataFiles } from '../../data-files.ts';
import { cliArgs, UsageError } from '../args.ts';

/**
 * `callscore migrate-store --to postgres://…`: the data directory's SQLite store copied into an
 * empty PostgreSQL database, which is migrated first. The analytics store (DuckDB) stays where it
 * is; the server then runs with CALLSCORE_DATABASE_URL set to the same URL.
 */
export async function migrateStoreCommand(argv: string[]) {
  const { values } = cliArgs(argv, { to: { type: 'string' }, json: { type: 'boolean' } });
  const to = values.to;
  if (!to || !isPostgresUrl(to))
    throw new UsageError('callscore migrate-store --to postgres://USER:PASSWORD@HOST/DB');
  const dataDir = resolveDataDir(values.data);
  const file = dataFiles(dataDir).sqlite;
  if (!existsSync(file)) throw new UsageError(`${dataDir} has no SQLite store (${file}) to copy`);
  const result = await migrateStore(file, to);
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  const width = Math.max(...result.tables.map((t) => t.table.length));
  for (const t of result.tables) console.log(`${t.table.padEnd(width)}  ${String(t.rows).padStart(9)}`);
  console.log(
    `copied ${result.rows} rows of ${result.tables.length} tables into ${describeStore(to)}, every count checked;` +
      ` serve with CALLSCORE_DATABASE_URL set to it`,
  );
}

export async function migrateStore(sqliteFile: string, url: string) {
  const source = await openStore(sqliteFile);
  try {
    const target = await openStore(url, { poolSize: 2 });
    try {
      const taken = await nonEmptyTables(target);
      if (taken.length > 0)
        throw new UsageError(
          `${describeStore(url)} is not empty (${taken.join(', ')} hold rows): give an empty database`,
        );
      const tables = await copyStore(source, target);
      return { tables, rows: tables.reduce((s, t) => s + t.rows, 0) };
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}
