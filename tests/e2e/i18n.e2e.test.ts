import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../schemas/users.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';
import { findOverflow } from '../helpers/overflow.ts';

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

  it('cuts no text and pushes nothing out of its card on any page, in any language', async () => {
    const contexts: BrowserContext[] = [];
    const signedIn = async (username: string) => {
      const context = await e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      contexts.push(context);
      const page = await context.newPage();
      await e.signIn(page, username);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      return page;
    };
    const api = async <T>(page: Page, path: string): Promise<T> => {
      const r = await page.request.get(`${e.url}${path}`);
      expect(r.status(), path).toBe(200);
      return (await r.json()) as T;
    };
    const admin = await signedIn('admin');
    const head = await signedIn('head');
    const lead = await signedIn('qalead');
    const qa = await signedIn('qa');
    const operator = await signedIn('operator');
    const disputed = (
      await api<{ evaluations: { id: string; callId: string; operatorId: string }[] }>(
        lead,
        '/api/evaluations?status=disputed&limit=1',
      )
    ).evaluations[0];
    const session = (await api<{ sessions: { id: number }[] }>(lead, '/api/calibrations')).sessions[0];
    const mine = (await api<{ evaluations: { id: string }[] }>(operator, '/api/evaluations?limit=1'))
      .evaluations[0];
    expect(
      disputed && session && mine,
      'the demo has a dispute, a calibration and an evaluation',
    ).toBeTruthy();
    // Every page of the demo, each as a role that may open it.
    const visits: [Page, string][] = [
      [head, '/'],
      [head, `/operators/${disputed?.operatorId}`],
      [head, '/claims'],
      [head, '/claims?tab=assessments'],
      [head, '/plans'],
      [head, '/payroll'],
      [admin, '/imports'],
      [admin, '/imports/1'],
      [admin, '/users'],
      [admin, '/settings'],
      [admin, '/pay-rules'],
      [lead, '/calls'],
      [lead, `/calls/${disputed?.callId}`],
      [lead, '/forms'],
      [lead, '/forms/new'],
      [lead, '/disputes'],
      [lead, `/evaluations/${disputed?.id}`],
      [lead, '/calibration'],
      [lead, `/calibration/${session?.id}`],
      [lead, '/autoqa/accuracy'],
      [lead, '/autoqa/rules'],
      [lead, '/qa/graders'],
      [head, '/appeals'],
      [qa, '/worklist'],
      [operator, '/'],
      [operator, '/my-evaluations'],
      [operator, `/evaluations/${mine?.id}`],
    ];
    const found: string[] = [];
    const check = async (page: Page, what: string) => {
      await page.waitForLoadState('networkidle');
      for (const f of await findOverflow(page)) found.push(`${what}: ${f}`);
    };
    for (const language of LANGUAGE_CODES) {
      for (const page of new Set(visits.map(([p]) => p))) {
        const r = await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: language } });
        expect(r.status()).toBe(200);
      }
      for (const [page, path] of visits) {
        await page.goto(`${e.url}${path}`);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        await page.locator('main h1').first().waitFor();
        await check(page, `${language} ${path}`);
        if (path === `/evaluations/${disputed?.id}`) {
          // The lead's decision panel, then its revision state with its own buttons.
          await page.locator('.decision .button-secondary').click();
          await check(page, `${language} ${path} (revising)`);
          await e.shot(page, `evaluation-revising-${language}`);
        }
      }
    }
    for (const c of contexts) await c.close();
    expect(found).toEqual([]);
  }, 240_000);
});
