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

  it('reads in Russian and Romanian, saves a yes/no setting, and the imports page takes an encoding; no CSP report', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) blocked.push(m.text());
    });
    await e.signIn(page, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${e.url}/imports`);
    const encoding = page.getByLabel('Text encoding');
    await encoding.fill('windows-1251');
    await e.shot(page, 'imports-encoding');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.goto(`${e.url}/settings`);
    const proxy = page.getByRole('form', { name: 'За обратным прокси' });
    await expect.poll(() => proxy.getByRole('combobox').inputValue(), { timeout: 15_000 }).toBe('false');
    await e.shot(page, 'settings-ru');
    await proxy.getByRole('combobox').selectOption('true');
    await proxy.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => proxy.getByRole('status').count(), { timeout: 15_000 }).toBe(1);
    const settings = await page.evaluate(
      async () => (await (await fetch('/api/admin/settings')).json()).settings,
    );
    expect(settings.trustProxy).toBe(true);
    // Exact: the page has the calls' language of speech to text too (`Язык звонков`).
    await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('ro');
    await expect.poll(() => page.getByRole('form', { name: 'În spatele unui proxy invers' }).count()).toBe(1);
    await e.shot(page, 'settings-ro');
    expect(blocked).toEqual([]);
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
