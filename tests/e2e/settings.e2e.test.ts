import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 6, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

describe('the settings page in Chromium', () => {
  it('says what a new time zone moves, saves it, and the change is audited', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings/);
    const zone = page.getByRole('form', { name: 'Time zone' });
    const field = zone.getByLabel('Time zone');
    await expect.poll(() => field.inputValue(), { timeout: 15_000 }).not.toBe('');
    const before = await field.inputValue();
    expect(await page.getByTestId('time-zone-notice').textContent()).toContain(
      're-derives the pay month of every claim in a month not yet approved',
    );
    await e.shot(page, 'settings');

    const next = before === 'UTC' ? 'Europe/Chisinau' : 'UTC';
    await field.fill(next);
    await zone.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => zone.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Saved');
    const audit = await page.evaluate(async () => {
      const r = await fetch('/api/admin/audit?entity=claim_period');
      return ((await r.json()) as { entries: { action: string; after: { timeZone: string } }[] }).entries;
    });
    expect(audit[0]).toMatchObject({ action: 'rederive', after: { timeZone: next } });

    await field.fill('Mars/Olympus');
    await zone.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => zone.getByRole('alert').textContent()).toMatch(/IANA/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is not in a department head’s menu', async () => {
    const page = await e.browser.newPage();
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await page.close();
  });
});
