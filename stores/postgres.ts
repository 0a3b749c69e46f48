import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { EmptyInListPlugin } from './empty-in-list.ts';
import type { Database } from './tables.ts';

// Counts and sums come back from PostgreSQL as bigint (int8) and numeric, which `pg` hands over
// as strings; SQLite gives numbers, and every caller expects numbers. The values the store holds
// (counts of rows, minor units of pay, file sizes) stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** A pool on a PostgreSQL database, as the operational store's connection. */
export function openPostgresPool(url: string, poolSize: number): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server (a restart) must not take the process down with it.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new EmptyInListPlugin()] });
}
