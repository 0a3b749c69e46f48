import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;
let browser: E2E['browser'];
let server: { url: string };
let creds: Record<string, string>;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
  browser = e.browser;
  server = { url: e.url };
  creds = e.creds;
});

afterAll(() => e?.stop());

const signIn = (page: Page, username: string, password: string) => e.signIn(page, username, password);
const shot = (page: Page, name: string) => e.shot(page, name);

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
    const rows = page.locator('.ranking-row');
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
    // His own page: his scorecard, no ranking of the others.
    await expect.poll(() => page.locator('.scorecard-table').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.ranking-row').count()).toBe(0);
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
