import type { Kysely } from 'kysely';

/**
 * Counters every process of one operational store reads: `data` moves with every audited change
 * and finished import (and a lake sync that rewrote files), `sessions` with every sign-out. A
 * process keeps computed figures and recently seen sessions while its counter holds, so several
 * API processes on one store never answer from what another process has since changed.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations see the schema as it was
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('data_versions')
    .values([
      { name: 'data', version: 0 },
      { name: 'sessions', version: 0 },
    ])
    .execute();
}
