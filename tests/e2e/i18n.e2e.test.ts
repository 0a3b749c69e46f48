import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
});

afterAll(() => e?.stop());

describe('languages in Chromium', () => {
  it('switches the head to Russian and Romanian, with local number formats, and keeps the choice', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const nav = page.getByRole('navigation');
    const main = page.locator('main');
    await expect.poll(() => nav.textContent(), { timeout: 15_000 }).toContain('Payroll');
    await expect.poll(() => main.textContent(), { timeout: 15_000 }).toMatch(/\d,\d{3}/);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => nav.textContent()).toContain('Расчёт зарплаты');
    expect(await nav.textContent()).not.toContain('Payroll');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    // A thousands separator in ru-RU is a non-breaking space; months are Russian too.
    await expect.poll(() => main.textContent()).toMatch(/\d\u00a0\d{3}/);
    await expect.poll(() => main.textContent()).toMatch(/октябрь|октября/i);
    await e.shot(page, 'dashboard-ru');

    await page.getByRole('combobox', { name: 'Язык' }).selectOption('ro');
    await expect.poll(() => nav.textContent()).toContain('Salarizare');
    await expect.poll(() => main.textContent()).toMatch(/\d\.\d{3}/);
    await expect.poll(() => main.textContent()).toMatch(/octombrie/i);
    await e.shot(page, 'dashboard-ro');

    // The choice is the user's: it survives a reload and a new sign-in.
    await page.reload();
    await expect.poll(() => nav.textContent(), { timeout: 15_000 }).toContain('Salarizare');
    await page.getByRole('button', { name: 'Ieșire' }).click();
    await page.waitForURL(/\/login/);
    // The login page speaks the browser's language.
    await expect.poll(() => page.getByRole('button', { name: /sign in/i }).count()).toBe(1);
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => nav.textContent(), { timeout: 15_000 }).toContain('Salarizare');
    await page.goto(`${e.url}/payroll?period=2026-10`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Salarizare');
    expect(errors).toEqual([]);
    await page.close();
  });
});
