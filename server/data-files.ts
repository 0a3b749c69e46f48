import path from 'node:path';

/**
 * Where each store lives inside a data directory. Apart from runtime.ts, so that what the runtime
 * builds (the transcription job) can read it without importing the runtime back.
 */
export const dataFiles = (dir: string) => ({
  sqlite: path.join(dir, 'callscore.sqlite'),
  duckdb: path.join(dir, 'callscore.duckdb'),
  recordings: path.join(dir, 'recordings'),
  uploads: path.join(dir, 'uploads'),
  credentials: path.join(dir, 'demo-credentials.txt'),
});
