import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect } from 'kysely';

/**
 * SQLite through kysely with every transaction begun IMMEDIATE: it takes the write lock at its
 * start, waiting (busy_timeout) while another process of the same file writes. A deferred one
 * that reads first would take a snapshot and then, another process having written meanwhile, fail
 * its first write with SQLITE_BUSY at once, which no wait can cure; several API processes on one
 * file (docs/deployment.md) hit that under load.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}
