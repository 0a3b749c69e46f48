import path from 'node:path';
import { DEFAULT_PORT, resolveDataDir } from '../../config.ts';
import { hasData, PACKAGE_ROOT } from '../../runtime.ts';
import { cliArgs } from '../args.ts';
import { createDemo } from './demo.ts';
import { startServer } from './serve.ts';

/** `npm run dev`: the API on its port and Vite's dev server (hot reload) proxying /api to it. */
export async function devCommand(argv: string[]) {
  const { values } = cliArgs(argv, {});
  const dataDir = resolveDataDir(values.data);
  if (!hasData(dataDir)) await createDemo(dataDir);
  const api = await startServer(dataDir, DEFAULT_PORT);
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: path.join(PACKAGE_ROOT, 'web', 'vite.config.ts') });
  await vite.listen();
  console.log(`API on ${api.url}; web app with hot reload:`);
  vite.printUrls();
}
