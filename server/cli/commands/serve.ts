import { existsSync } from 'node:fs';
import path from 'node:path';
import { serve as serveHttp } from '@hono/node-server';
import { createApp } from '../../app.ts';
import { deleteExpiredSessions } from '../../auth/sessions.repository.ts';
import { followRuleEdits } from '../../autoqa/follow-rule-edits.ts';
import { answerClientErrors } from '../../client-errors.ts';
import { DEFAULT_PORT, env, resolveDataDir } from '../../config.ts';
import type { LakeMode } from '../../context.ts';
import { warmUp } from '../../dashboard/warm-up.ts';
import { startLakeSync } from '../../lake/background.ts';
import { configuredLakeDir } from '../../lake/lake-dir.ts';
import { openLakeDir } from '../../lake/lake-runtime.ts';
import { openDataDir, type Runtime, VERSION, WEB_DIST } from '../../runtime.ts';
import { startSamplingTimer } from '../../sampling/timer.ts';
import { cliArgs, intFlag, UsageError } from '../args.ts';
import { keepServing } from '../keep-serving.ts';

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the API and the built web app on one port until the process is stopped. With `lake`,
 * answers from the lake's Parquet beside the importing process (docs/deployment.md): no import,
 * no background job. Without it, the process owns the data directory and, when a lake is
 * configured (CALLSCORE_LAKE_DIR), keeps it in sync.
 */
export async function startServer(
  dataDir: string,
  port: number,
  host = '127.0.0.1',
  opts: { lake?: LakeMode } = {},
): Promise<Served> {
  const lake = opts.lake;
  const rt = lake ? await openLakeDir(dataDir, lake, VERSION) : await openDataDir(dataDir);
  if (lake && existsSync(path.join(WEB_DIST, 'index.html'))) rt.webDir = WEB_DIST;
  await deleteExpiredSessions(rt.db);
  const app = createApp(rt);
  const server = await new Promise<ReturnType<typeof serveHttp>>((resolve, reject) => {
    const s = serveHttp({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} is in use; choose another with --port`) : e),
    );
  });
  answerClientErrors(server);
  // Listening: from now on a stray error is logged, not the end of the process.
  keepServing();
  if (lake) return served(server, rt, host, port, async () => {});
  const lakeDir = configuredLakeDir();
  const stopLake = lakeDir ? startLakeSync(rt, lakeDir) : async () => {};
  // Uploads queued before a stop are imported now, in the order they came; not before the port
  // is taken, so a server that cannot start does not begin an import it would cut short.
  rt.imports.start();
  // Calls left unchecked (a rule edit, an import, a stop in the middle) are checked in the background.
  rt.autoqa.start();
  // Rule edits saved by the processes answering from the lake are checked here too.
  const stopFollowing = followRuleEdits(rt, rt.autoqa);
  // Notification e-mails waiting in the outbox (a stop, a dead SMTP server) go out now and later.
  rt.outbox.start();
  // The sampling rules fill the monitors' worklists by themselves (docs/qa-program.md).
  const stopSampling = startSamplingTimer(rt, env.CALLSCORE_SAMPLING_MINUTES ?? 15);
  return served(server, rt, host, port, async () => {
    stopSampling();
    stopFollowing();
    await stopLake();
  });
}

/** The server listening: warmed up, stopped on SIGINT or SIGTERM after `stopJobs`. */
function served(
  server: ReturnType<typeof serveHttp>,
  rt: Runtime,
  host: string,
  port: number,
  stopJobs: () => Promise<void>,
): Served {
  // The dashboard's figures are computed ahead of the first visitor, not in his wait.
  const warm = warmUp(rt).catch((e: unknown) =>
    console.warn(`warming up the dashboard's figures: ${String(e)}`),
  );
  const url = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  if (!rt.webDir) console.warn('web app not built (run npm run build): serving the API only');
  let stopping: Promise<void> | undefined;
  const stop = () => {
    // The stores close once the warm-up's queries are done.
    stopping ??= new Promise<void>((resolve) => server.close(() => resolve()))
      .then(() => stopJobs())
      .then(() => warm)
      .then(() => rt.close());
    return stopping;
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return { url, stop };
}

export async function serveCommand(argv: string[]) {
  const { values } = cliArgs(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    lake: { type: 'string' },
    importer: { type: 'string' },
  });
  const port = intFlag(values.port, 'port', env.CALLSCORE_PORT ?? DEFAULT_PORT, 1, 65535);
  const dataDir = resolveDataDir(values.data);
  if (values.importer !== undefined && values.lake === undefined)
    throw new UsageError('--importer names the importing process for a server started with --lake');
  const lake =
    values.lake === undefined
      ? undefined
      : { lakeDir: path.resolve(values.lake), importer: values.importer ?? null };
  const served = await startServer(dataDir, port, values.host ?? '127.0.0.1', lake ? { lake } : {});
  console.log(
    lake
      ? `callscore serving ${dataDir} from the lake ${lake.lakeDir} on ${served.url}`
      : `callscore serving ${dataDir} on ${served.url}`,
  );
}
