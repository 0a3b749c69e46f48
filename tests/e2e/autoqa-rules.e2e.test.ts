import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';
import { findOverflow } from '../helpers/overflow.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 6, month: '2026-10', months: 1 });
}, 240_000);
afterAll(() => e?.stop());

const TRANSCRIPT = [
  '[00:00] agent: Howdy, this is Ana speaking.',
  '[00:05] customer: I need sugar and flour.',
  '[00:12] agent: Sugar and flour, we deliver tomorrow at nine. Thank you, goodbye.',
].join('\n');

describe('the AutoQA rules page in Chromium', () => {
  it('tests a pasted transcript, re-tests as a phrase is added, saves a version; en, ru, ro', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'qalead');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'AutoQA rules' }).click();
    await page.waitForURL(/\/autoqa\/rules/);
    await page.getByRole('heading', { name: 'Test the draft' }).waitFor();

    await page.getByRole('textbox', { name: 'Transcript' }).fill(TRANSCRIPT);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const greeting = page.locator('.aq-result[data-check="greeting"]');
    await expect.poll(() => greeting.getAttribute('data-result'), { timeout: 15_000 }).toBe('fail');

    // The greeting's English phrases get "howdy": the box tests again by itself, and it passes.
    const check = page.locator('details[data-check="greeting"]');
    await check.locator('summary').click();
    const english = check.getByLabel('English');
    await english.fill(`${await english.inputValue()}\nhowdy`);
    await expect.poll(() => greeting.getAttribute('data-result'), { timeout: 15_000 }).toBe('pass');
    await greeting.click();
    await expect.poll(() => page.locator('.aq-seg.is-evidence').count()).toBe(1);
    expect(await page.locator('.aq-seg.is-evidence mark').textContent()).toBe('Howdy');
    const overflow: string[] = (await findOverflow(page)).map((f) => `en: ${f}`);
    await e.shot(page, 'autoqa-rules-en');

    // A parameter the API refuses: its message names the check.
    const farewell = page.locator('details[data-check="farewell"]');
    await farewell.locator('summary').click();
    await farewell.getByLabel('Window (seconds)').fill('-5');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/^Farewell: /);
    await farewell.getByLabel('Window (seconds)').fill('20');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved as' }).textContent(), { timeout: 15_000 })
      .toMatch(/Saved as version 3/);
    // The demo's data starts with two versions: the default one and the demo's company names.
    const versions = page.locator('.aq-versions tbody tr');
    await expect.poll(() => versions.count()).toBe(3);
    // The earlier version opens read-only, as it was saved: without "howdy".
    await versions.nth(1).getByRole('button', { name: 'Look' }).click();
    await page.getByRole('heading', { name: 'Version 2' }).waitFor();
    const old = page.locator('details[data-check="greeting"]');
    await old.locator('summary').click();
    expect(await old.getByLabel('English').inputValue()).not.toMatch(/howdy/);
    expect(await old.getByLabel('English').getAttribute('readonly')).not.toBeNull();

    for (const language of ['ru', 'ro'] as const) {
      await page
        .getByRole('combobox', { name: /Language|Язык|Limba/ })
        .first()
        .selectOption(language);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await page.goto(`${e.url}/autoqa/rules`);
      await page.locator('main h1').first().waitFor();
      await page.locator('details[data-check="greeting"] summary').click();
      await page.locator('.aq-test-form textarea').fill(TRANSCRIPT);
      // The box starts in the reader's language; this transcript is English.
      expect(await page.locator('.aq-test-options select').first().inputValue()).toBe(language);
      await page.locator('.aq-test-options select').first().selectOption('en');
      await page.locator('.aq-test-form button[type="submit"]').click();
      await expect.poll(() => greeting.getAttribute('data-result'), { timeout: 15_000 }).toBe('pass');
      await greeting.click();
      for (const f of await findOverflow(page)) overflow.push(`${language}: ${f}`);
      await e.shot(page, `autoqa-rules-${language}`);
    }
    expect(overflow).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows a monitor the rules read-only, with the test box', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await e.signIn(page, 'qa');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${e.url}/autoqa/rules`);
    await page.getByRole('heading', { name: 'Test the draft' }).waitFor();
    await page.locator('details[data-check="greeting"] summary').click();
    expect(
      await page.locator('details[data-check="greeting"]').getByLabel('English').getAttribute('readonly'),
    ).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Save as a new version' }).count()).toBe(0);
    await page.close();
  }, 60_000);
});
