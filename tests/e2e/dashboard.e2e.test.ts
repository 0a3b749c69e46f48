import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfNeeded } from '../../server/cli/commands/start.ts';
import { cli, freePort, serve } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env.CALLSCORE_SCREENSHOTS; // where to keep screenshots for a look, if set

let dir: string;
let server: { url: string; stop(): Promise<void> };
let browser: Browser;
let creds: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install chromium)`);
  await buildWebIfNeeded();
  dir = path.join(tempDir(), 'data');
  const demo = await cli(['demo', '--data', dir, '--operators', '12', '--month', '2026-10']);
  if (demo.code !== 0) throw new Error(demo.stderr);
  creds = Object.fromEntries(
    readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/).slice(0, 2) as [string, string]),
  );
  server = await serve(dir, await freePort());
  browser = await chromium.launch({
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
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

describe('the web app in Chromium', () => {
  it('shows the server message on a wrong password', async () => {
    const page = await browser.newPage();
    await signIn(page, 'head', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong username or password/i);
    await shot(page, 'login-error');
    await page.close();
  });

  it('signs the head in to a dashboard with real numbers, a chart and every operator', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'head', creds.head as string);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(12);
    await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThan(0);
    const text = await page.locator('main').textContent();
    expect(text).toMatch(/\d{1,3}([,. \u00a0\u202f]\d{3})+|\d{4,}/); // a large count is shown
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026-10');
    await shot(page, 'dashboard');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an operator sees only himself', async () => {
    const page = await browser.newPage();
    await signIn(page, 'operator', creds.operator as string);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.locator('table tbody tr').count(), { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it('signing out returns to the login page', async () => {
    const page = await browser.newPage();
    await signIn(page, 'head', creds.head as string);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('button', { name: /sign out/i }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await page.close();
  });
});
