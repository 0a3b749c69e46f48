import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildWebIfNeeded } from '../../server/cli/commands/start.ts';
import { cli, demoCredentials, freePort, serve } from './cli.ts';
import { tempDir } from './runtime.ts';

const CHROMIUM = '/usr/bin/chromium';
/**
 * Where the browser tests keep a screenshot of each main page, to be looked at:
 * test-artifacts/screenshots by default, CALLSCORE_SCREENSHOTS to put them elsewhere, `off` for none.
 */
const SHOTS_SETTING = process.env.CALLSCORE_SCREENSHOTS ?? path.resolve('test-artifacts/screenshots');
const SHOTS = SHOTS_SETTING === 'off' ? null : SHOTS_SETTING;

export interface E2E {
  dir: string;
  url: string;
  browser: Browser;
  /** Demo users' passwords by username. */
  creds: Record<string, string>;
  signIn(page: Page, username: string, password?: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A demo data directory served by the real CLI, and Debian's Chromium driven by playwright-core
 * (nothing downloads a browser of its own). `months` ending with `month`: each one more is
 * another month of calls to generate and import, so a file asks for the months it checks (two
 * for trends and comparisons, one when its figures are the month's own).
 */
export async function startE2E(opts: {
  operators: number;
  month: string;
  months: number;
  /** Runs on the demo's data directory before the server opens it (more imports, a command). */
  prepare?: (dir: string) => Promise<void>;
}): Promise<E2E> {
  if (!existsSync(CHROMIUM))
    throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
  await buildWebIfNeeded();
  const dir = path.join(tempDir(), 'data');
  const demo = await cli([
    'demo',
    '--data',
    dir,
    '--operators',
    String(opts.operators),
    '--month',
    opts.month,
    '--months',
    String(opts.months),
  ]);
  if (demo.code !== 0) throw new Error(demo.stderr);
  const creds = demoCredentials(dir);
  await opts.prepare?.(dir);
  const server = await serve(dir, await freePort());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    dir,
    url: server.url,
    browser,
    creds,
    async signIn(page, username, password = creds[username]) {
      await page.goto(`${server.url}/`);
      await page.waitForURL(/\/login/);
      await page.getByLabel(/username/i).fill(username);
      await page.getByLabel(/password/i).fill(password ?? '');
      await page.getByRole('button', { name: /sign in/i }).click();
    },
    async shot(page, name) {
      if (!SHOTS) return;
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    },
    async stop() {
      await browser.close();
      await server.stop();
      rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
}
