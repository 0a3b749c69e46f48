import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebIfNeeded } from '../../server/cli/commands/start.ts';
import { cli, freePort, serve } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env.CALLSCORE_SCREENSHOTS; // where to keep screenshots for a look, if set

let dir: string;
let server: { url: string; stop(): Promise<void> };
let browser: Browser;
let admin: string;

beforeAll(async () => {
  await buildWebIfNeeded();
  dir = path.join(tempDir(), 'data');
  const demo = await cli(['demo', '--data', dir, '--operators', '6', '--month', '2026-10']);
  if (demo.code !== 0) throw new Error(demo.stderr);
  admin = /^admin\s+(\S+)/m.exec(readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8'))?.[1] as string;
  server = await serve(dir, await freePort());
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('the imports page in Chromium', () => {
  it('lets the admin upload a CSV, follow the job and read the report and the quarantined rows', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel(/username/i).fill('admin');
    await page.getByLabel(/password/i).fill(admin);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/imports$/);

    const file = path.join(path.dirname(dir), 'clients-new.csv');
    writeFileSync(
      file,
      'client_id,name,type\nNEW-1,Fresh Market,retail\nNEW-2,Bad Type,planet\nNEW-3,Kiosk,key\n',
    );
    await page.getByLabel('Kind of records').selectOption('clients');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.getByTestId('import-report');
    await expect
      .poll(() => report.textContent(), { timeout: 20_000 })
      .toMatch(/Read\s*3.*Loaded\s*2.*Quarantined\s*1/s);
    await expect.poll(() => report.textContent()).toMatch(/type: is not one of market_trader/);
    // The log lists it, and its page shows the quarantined row with its line.
    await expect.poll(() => page.locator('table').last().textContent()).toContain('clients-new.csv');
    await shot(page, 'imports');
    await page.getByRole('link', { name: 'All quarantined rows' }).click();
    await page.waitForURL(/\/imports\/\d+$/);
    await expect
      .poll(() => page.locator('.quarantine-table tbody').textContent())
      .toMatch(/^3.*NEW-2,Bad Type,planet/);
    await shot(page, 'import-detail');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows no imports link to a department head', async () => {
    const page = await browser.newPage();
    const head = /^head\s+(\S+)/m.exec(
      readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8'),
    )?.[1] as string;
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/username/i).fill('head');
    await page.getByLabel(/password/i).fill(head);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.locator('.nav-link').count()).toBe(1);
    await page.close();
  });
});

async function shot(page: import('playwright-core').Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
