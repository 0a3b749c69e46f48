import { existsSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';
import { onDataVersion, watchStoredVersions } from '../../stores/data-version.ts';
import { Analytics } from '../../stores/duckdb.ts';
import { stateFile } from '../../stores/lake/layout.ts';
import { openStore } from '../../stores/store.ts';
import { AutoqaJob } from '../autoqa/autoqa-job.ts';
import { env } from '../config.ts';
import type { LakeMode } from '../context.ts';
import { dataFiles } from '../data-files.ts';
import { ImportQueue } from '../imports/import-queue.ts';
import { Outbox } from '../notifications/outbox.ts';
import type { Runtime } from '../runtime.ts';
import { TranscribeJob } from '../transcribe/transcribe-job.ts';

/**
 * Opens a process that answers from the lake: the facts from DuckDB in memory over the lake's
 * Parquet (Analytics.overLake), the operational data from the shared store of `dataDir`. It holds
 * no lock, imports nothing and starts no background job: the importing process does those, and
 * any number of these answer beside it (docs/deployment.md).
 */
export async function openLakeDir(dataDir: string, lake: LakeMode, version: string): Promise<Runtime> {
  const files = dataFiles(dataDir);
  // Refused in one line each (AppError): the command says what to do first.
  // The shared operational store: PostgreSQL when named, else the data directory's SQLite file.
  const store = env.CALLSCORE_DATABASE_URL ?? files.sqlite;
  if (store === files.sqlite && !existsSync(files.sqlite))
    throw new AppError(
      'not_found',
      `no operational store in ${dataDir}: start the importing process on it first`,
    );
  if (!existsSync(stateFile(lake.lakeDir)))
    throw new AppError(
      'not_found',
      `no lake at ${lake.lakeDir}: run callscore lake sync --data ${dataDir} --lake ${lake.lakeDir} first`,
    );
  const db = await openStore(store, { poolSize: env.CALLSCORE_DATABASE_POOL });
  let analytics: Analytics;
  try {
    analytics = await Analytics.overLake(lake.lakeDir);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  // Built for the shape of the dependencies; never started here, and the routes that would use
  // them answer 409 (lake-mode.ts).
  const autoqa = new AutoqaJob({ db, analytics });
  const imports = new ImportQueue({ db, analytics }, files.uploads);
  const transcribe = new TranscribeJob({ db, analytics, dataDir, imports });
  const outbox = new Outbox(db);
  const stopWatching = watchStoredVersions(db);
  // A table the first sync wrote after this process opened becomes its view.
  const stopRefresh = onDataVersion(() => {
    void analytics.refreshLake().catch(() => {});
  });
  return {
    dataDir,
    db,
    analytics,
    webDir: null,
    version,
    imports,
    autoqa,
    transcribe,
    outbox,
    lakeMode: lake,
    async close() {
      stopRefresh();
      stopWatching();
      analytics.close();
      await db.destroy();
    },
  };
}
