import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORT, env, resolveDataDir } from '../../config.ts';
import { dataFiles, hasData, PACKAGE_ROOT, WEB_DIST } from '../../runtime.ts';
import { cliArgs, intFlag } from '../args.ts';
import { createDemo } from './demo.ts';
import { startServer } from './serve.ts';

// The web app's sources: its own folder and the shared code it imports.
const WEB_SOURCES = ['web', 'schemas', 'core'].map((dir) => path.join(PACKAGE_ROOT, dir));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when it was never built or a source file changed since. */
export async function buildWebIfNeeded(): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...WEB_SOURCES.map(newestSource))) return;
  console.log('building the web app …');
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds (a test runner sets "test"), and React then builds for
  // development: the app is always built as it is served, for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(PACKAGE_ROOT, 'web', 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** `npm start`: build if needed, create the demo data on first run, serve, say where to sign in. */
export async function startCommand(argv: string[]) {
  const { values } = cliArgs(argv, { port: { type: 'string' } });
  const dataDir = resolveDataDir(values.data);
  const port = intFlag(values.port, 'port', env.CALLSCORE_PORT ?? DEFAULT_PORT, 1, 65535);
  await buildWebIfNeeded();
  if (!hasData(dataDir)) {
    console.log(`creating demo data in ${dataDir} (first run) …`);
    await createDemo(dataDir);
  }
  const served = await startServer(dataDir, port);
  console.log(`\ncallscore is running: ${served.url}`);
  const credentials = dataFiles(dataDir).credentials;
  if (existsSync(credentials)) {
    console.log(`sign in as one of the demo users (${credentials}):`);
    for (const line of readFileSync(credentials, 'utf8').split('\n')) {
      if (line && !line.startsWith('#')) console.log(`  ${line}`);
    }
  }
}
