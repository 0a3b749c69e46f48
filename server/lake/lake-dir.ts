import path from 'node:path';
import { defaultLakeDir, env } from '../config.ts';

/** The lake's folder: the flag, else CALLSCORE_LAKE_DIR, else `lake` in the data directory. */
export function resolveLakeDir(flag: string | undefined, dataDir: string): string {
  return flag ? path.resolve(flag) : defaultLakeDir(dataDir);
}

/** The lake the importing process keeps in sync in the background: only one named. */
export function configuredLakeDir(): string | null {
  return env.CALLSCORE_LAKE_DIR ? path.resolve(env.CALLSCORE_LAKE_DIR) : null;
}
