import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

/**
 * Sampling rules in Chromium on a one-month demo: a QA lead creates a rule giving two calls per
 * operator a day to the monitor `qa` (at most 10 a day), runs it for a date, and sees the refill's
 * counts; the monitor then sees the calls with the rule that gave them, and on his worklist.
 * Screenshots en, ru, ro.
 */

const LANGUAGES = ['en', 'ru', 'ro'] as const;
let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 8, month: '2026-10', months: 1 });
}, 300_000);
afterAll(() => e?.stop());

async function signedIn(username: string) {
  const context = await e.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await e.signIn(page, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return { page, errors };
}

describe('sampling rules in the browser', () => {
  it('a QA lead creates a rule and runs it; the monitor sees the calls it gave him', async () => {
    const lead = await signedIn('qalead');
    const page = lead.page;
    await page.goto(`${e.url}/qa/sampling`);
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill('Two a day for qa');
    await form.getByLabel('Calls per operator').fill('2');
    await form.getByLabel('Monitors (comma separated; empty: every monitor)').fill('qa');
    await form.getByLabel('Most calls per monitor per day').fill('10');
    await form.getByRole('button', { name: 'Save rule' }).click();
    const rules = page.getByTestId('sampling-rules');
    await expect.poll(() => rules.textContent()).toContain('Two a day for qa');
    await page.getByLabel('Date to run').fill('2026-10-15');
    await page.getByRole('button', { name: 'Run now' }).click();
    const ran = page.getByTestId('sampling-ran');
    await expect.poll(() => ran.textContent()).toMatch(/1 rules ran, \d+ calls given/);
    const given = Number(/(\d+) calls given/.exec((await ran.textContent()) ?? '')?.[1]);
    // Two of each of the 8 operators asked for (fewer when he had fewer free calls), 10 a day at most.
    expect(given).toBeGreaterThan(0);
    expect(given).toBeLessThanOrEqual(10);
    await expect.poll(() => rules.textContent()).toContain(`2026-10-15: ${given} given of`);
    for (const language of LANGUAGES) {
      expect(
        (await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: language } })).status(),
      ).toBe(200);
      await page.goto(`${e.url}/qa/sampling`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await page.getByTestId('sampling-rules').waitFor();
      await page.waitForLoadState('networkidle');
      await e.shot(page, `sampling-rules-${language}`);
    }
    await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: 'en' } });
    expect(lead.errors).toEqual([]);

    const monitor = await signedIn('qa');
    await monitor.page.goto(`${e.url}/qa/sampling`);
    const list = monitor.page.getByTestId('sampling-worklist');
    await list.waitFor();
    const rows = list.locator('tbody tr');
    expect(await rows.count()).toBe(given);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('Two a day for qa');
      expect(text).toContain('2026-10-15');
    }
    await e.shot(monitor.page, 'sampling-worklist-qa');
    // The same calls are on his worklist of October.
    const first = (await rows.first().locator('a').textContent()) ?? '';
    expect(first).not.toBe('');
    await monitor.page.goto(`${e.url}/worklist?period=2026-10`);
    await monitor.page.waitForLoadState('networkidle');
    await expect.poll(() => monitor.page.locator('main').textContent()).toContain(first);
    // There too, with the rule that gave it.
    await expect
      .poll(() => monitor.page.locator('tr', { hasText: first }).textContent())
      .toContain('rule “Two a day for qa”');
    expect(monitor.errors).toEqual([]);
  }, 240_000);
});
