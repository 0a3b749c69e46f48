import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reconcileImports } from '../etl/journal/journal.ts';
import { watchStoredVersions } from '../stores/data-version.ts';
import { Analytics } from '../stores/duckdb.ts';
import type { FactEngine } from '../stores/facts.ts';
import { openStore } from '../stores/store.ts';
import { AutoqaJob } from './autoqa/autoqa-job.ts';
import { env, factEngineConfig } from './config.ts';
import type { Deps } from './context.ts';
import { dataFiles } from './data-files.ts';
import { ImportQueue } from './imports/import-queue.ts';
import { Outbox } from './notifications/outbox.ts';
import { type FactEngineConfig, openFactEngine } from './scoring/engines/open-engine.ts';
import { TranscribeJob } from './transcribe/transcribe-job.ts';

// Where a data directory keeps what, for the many modules that import it from here.
export { dataFiles };

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIST = path.join(PACKAGE_ROOT, 'web', 'dist');
export const VERSION: string = JSON.parse(
  readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'),
).version;

export interface Runtime extends Deps {
  close(): Promise<void>;
}

export interface OpenOptions {
  webDir?: string | null;
  /**
   * The operational store: a `postgres://` URL, or a SQLite file. Unset: CALLSCORE_DATABASE_URL,
   * else the data directory's own SQLite file.
   */
  database?: string;
  /** Where scoring reads the facts; unset, from the environment (server/config.ts). */
  facts?: FactEngineConfig;
}

/** Opens both stores of a data directory, creating it and migrating as needed. */
export async function openDataDir(dir: string, opts: OpenOptions = {}): Promise<Runtime> {
  mkdirSync(dir, { recursive: true });
  const files = dataFiles(dir);
  mkdirSync(files.recordings, { recursive: true });
  mkdirSync(files.uploads, { recursive: true });
  const db = await openStore(opts.database ?? env.CALLSCORE_DATABASE_URL ?? files.sqlite, {
    poolSize: env.CALLSCORE_DATABASE_POOL,
  });
  let analytics: Analytics;
  try {
    analytics = await Analytics.open(files.duckdb);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  // The scoring engine is checked now, so that a lake or server it lacks is said at start.
  let facts: FactEngine | undefined;
  try {
    facts = await openFactEngine(opts.facts ?? factEngineConfig(dir));
  } catch (e) {
    analytics.close();
    await db.destroy();
    throw e;
  }
  // Holding the analytics store, this process is the only importer: an import left 'running' or
  // with a journal was cut short, and the log is made to agree with what DuckDB kept.
  await reconcileImports(db, analytics);
  const webDir =
    opts.webDir === undefined
      ? existsSync(path.join(WEB_DIST, 'index.html'))
        ? WEB_DIST
        : null
      : opts.webDir;
  // Nothing runs before start(), as for the imports: a command opening the directory is left alone.
  const autoqa = new AutoqaJob({ db, analytics });
  const imports = new ImportQueue({ db, analytics }, files.uploads, {
    before: () => autoqa.beforeImport(),
    after: (report, actor) => autoqa.afterImport(report, actor),
  });
  // Same reason: a job left running was this directory's last server's, and it has stopped.
  await imports.recover();
  const transcribe = new TranscribeJob({ db, analytics, dataDir: dir, imports });
  const outbox = new Outbox(db);
  // Other processes may answer from the same operational store (docs/deployment.md): their
  // changes reach this process's caches through the store's counters.
  const stopWatching = watchStoredVersions(db);
  return {
    dataDir: dir,
    db,
    analytics,
    facts,
    webDir,
    version: VERSION,
    imports,
    autoqa,
    transcribe,
    outbox,
    async close() {
      await outbox.stop();
      // Its last batch goes through the import queue, so it stops first.
      await transcribe.stop();
      await imports.stop();
      await autoqa.stop();
      stopWatching();
      await facts?.close();
      analytics.close();
      await db.destroy();
    },
  };
}

/** Whether the directory holds callscore data: its SQLite store, or the analytics store beside a PostgreSQL one. */
export const hasData = (dir: string) =>
  existsSync(dataFiles(dir).sqlite) || existsSync(dataFiles(dir).duckdb);
