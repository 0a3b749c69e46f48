import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

/**
 * Each role in Chromium: it starts on its own page, without an error card; its menu lists only
 * the pages it may open and each of them loads without a refusal from the server; a page of
 * another role says "not available" once; the actions it may not take are not offered; and a
 * back link goes where the user came from.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

interface RoleCase {
  user: string;
  /** The start page's path; a pattern for the operator's own page. */
  home: RegExp;
  menu: string[];
  /** A page of another role. */
  forbidden: string;
}

const CASES: RoleCase[] = [
  {
    user: 'admin',
    home: /^\/imports$/,
    menu: [
      'Dashboard',
      'Claims',
      'Targets and norms',
      'Payroll',
      'Pay rules',
      'Imports',
      'Speech to text',
      'Users',
      'Settings',
      'Call queue',
      'My worklist',
      'Sampling rules',
      'Forms',
      'Disputes',
      'Appeals',
      'Calibration',
      'Graders',
      'AutoQA accuracy',
      'AutoQA rules',
      'Coaching',
      'Self-evaluations',
    ],
    forbidden: '/my-evaluations',
  },
  {
    user: 'head',
    home: /^\/dashboard$/,
    menu: [
      'Dashboard',
      'Claims',
      'Targets and norms',
      'Payroll',
      'Pay rules',
      'Call queue',
      'Sampling rules',
      'Appeals',
      'Calibration',
      'Graders',
      'AutoQA accuracy',
      'Coaching',
      'Self-evaluations',
    ],
    forbidden: '/worklist',
  },
  {
    user: 'qalead',
    home: /^\/disputes$/,
    menu: [
      'Call queue',
      'My worklist',
      'Sampling rules',
      'Forms',
      'Disputes',
      'Calibration',
      'Graders',
      'AutoQA accuracy',
      'AutoQA rules',
      'Coaching',
      'Self-evaluations',
    ],
    forbidden: '/payroll',
  },
  {
    user: 'qa',
    home: /^\/worklist$/,
    menu: [
      'Call queue',
      'My worklist',
      'Sampling rules',
      'Calibration',
      'Graders',
      'AutoQA rules',
      'Self-evaluations',
    ],
    forbidden: '/forms/new',
  },
  {
    user: 'payroll',
    home: /^\/payroll$/,
    menu: ['Dashboard', 'Claims', 'Targets and norms', 'Payroll', 'Pay rules'],
    forbidden: '/calls',
  },
  {
    user: 'operator',
    home: /^\/operators\/[^/]+$/,
    menu: ['My scorecard', 'Claims', 'My evaluations', 'Coaching', 'Self-evaluations'],
    forbidden: '/dashboard',
  },
];

/** A page that records every API refusal and every page error while it is used. */
async function watchedPage() {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const refused: string[] = [];
  const errors: string[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && (r.status() === 403 || r.status() >= 500))
      refused.push(
        `${r.status()} ${r.request().method()} ${url.pathname}${url.search} on ${new URL(page.url()).pathname}`,
      );
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, refused, errors };
}

/** Waits until the page's requests are done and its skeletons are gone. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.skeleton').count(), { timeout: 20_000 }).toBe(0);
}

const errorCards = (page: Page) => page.locator('.state-error').count();
const menuLabels = (page: Page) => page.locator('nav .nav-link .nav-label').allTextContents();
const path = (page: Page) => new URL(page.url()).pathname;

async function signedIn(user: string) {
  const w = await watchedPage();
  await e.signIn(w.page, user);
  await w.page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
  await settled(w.page);
  return w;
}

describe('every role in Chromium', () => {
  for (const c of CASES) {
    it(`${c.user}: starts on his own page, a menu of what he may open, "not available" elsewhere`, {
      timeout: 120_000,
    }, async () => {
      const { page, refused, errors } = await signedIn(c.user);
      expect(path(page)).toMatch(c.home);
      const home = path(page);
      expect(await errorCards(page)).toBe(0);
      expect(await menuLabels(page)).toEqual(c.menu);

      for (const language of ['en', 'ru', 'ro'] as const) {
        if (language !== 'en') {
          await page.locator('select.language-switch').selectOption(language);
          await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
          await settled(page);
        }
        await e.shot(page, `home-${c.user}-${language}`);
      }
      await page.locator('select.language-switch').selectOption('en');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

      // Every page of the menu opens without an error card or a refusal.
      const links = await page
        .locator('nav .nav-link')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      for (const link of links) {
        await page.goto(`${e.url}${link}`);
        await settled(page);
        expect(await errorCards(page), link).toBe(0);
        expect(await page.locator('[data-not-available]').count(), link).toBe(0);
      }

      // A page of another role: said once, with the way home; the root leads home.
      await page.goto(`${e.url}${c.forbidden}`);
      await settled(page);
      await expect.poll(() => page.locator('[data-not-available]').count()).toBe(1);
      expect(await page.locator('h1').textContent()).toBe('Not available for your role');
      expect(await errorCards(page)).toBe(0);
      await page.locator('[data-not-available] a').click();
      await page.waitForURL((u) => u.pathname === home);
      await page.goto(`${e.url}/`);
      await page.waitForURL((u) => u.pathname === home);

      expect(refused).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the actions a role may not take are not offered', () => {
  it('a head reads an evaluation without a comment box and the pay rule without Preview or Save', {
    timeout: 90_000,
  }, async () => {
    const { page, refused } = await signedIn('head');
    const list = await page.request.get(`${e.url}/api/evaluations?limit=1`);
    const id = ((await list.json()) as { evaluations: { id: string }[] }).evaluations[0]?.id as string;
    await page.goto(`${e.url}/evaluations/${encodeURIComponent(id)}`);
    await settled(page);
    await expect.poll(() => page.locator('#comments-title').count()).toBe(1);
    expect(await page.locator('.comment-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Comment/ }).count()).toBe(0);
    expect(await errorCards(page)).toBe(0);

    await page.goto(`${e.url}/pay-rules`);
    await settled(page);
    expect(await page.getByRole('button', { name: /Preview/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Save/ }).count()).toBe(0);
    const inputs = page.locator('.rules-layout input');
    expect(await inputs.count()).toBeGreaterThan(3);
    expect(await inputs.evaluateAll((xs) => xs.every((x) => x.matches(':disabled')))).toBe(true);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('a QA monitor has no form builder; payroll’s operator page has no Calls or Evaluations tab', {
    timeout: 90_000,
  }, async () => {
    const qa = await signedIn('qa');
    await qa.page.goto(`${e.url}/forms`);
    await settled(qa.page);
    expect(await qa.page.locator('[data-not-available]').count()).toBe(1);
    expect(await qa.page.getByRole('link', { name: 'New form' }).count()).toBe(0);
    await qa.page.close();

    const { page, refused } = await signedIn('payroll');
    const ops = await page.request.get(`${e.url}/api/operators`);
    const op = ((await ops.json()) as { operators: { operatorId: string }[] }).operators[0]
      ?.operatorId as string;
    await page.goto(`${e.url}/operators/${op}?period=2026-10`);
    await settled(page);
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(['Orders', 'Claims', 'Assessments']);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Orders');
    expect(await errorCards(page)).toBe(0);
    expect(refused).toEqual([]);
    await page.close();
  });
});

describe('back links go where the user came from', () => {
  it('a head goes from an operator’s calls to a call and back to that operator', {
    timeout: 90_000,
  }, async () => {
    const { page, refused } = await signedIn('head');
    const ops = await page.request.get(`${e.url}/api/operators`);
    const op = ((await ops.json()) as { operators: { operatorId: string }[] }).operators[0]
      ?.operatorId as string;
    await page.goto(`${e.url}/operators/${op}?period=2026-10&tab=calls`);
    await settled(page);
    await page.locator('.call-link').first().click();
    await page.waitForURL(/\/calls\/[^/]+$/);
    await settled(page);
    const back = page.locator('.back-link');
    await expect.poll(() => back.textContent()).toBe('← Operator');
    await back.click();
    await page.waitForURL((u) => u.pathname === `/operators/${op}`);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('calls');
    expect(refused).toEqual([]);
    await page.close();
  });

  it('an operator goes from his page to a call and back to his page', { timeout: 90_000 }, async () => {
    const { page, refused } = await signedIn('operator');
    const home = path(page);
    await page.goto(`${e.url}${home}?period=2026-10&tab=calls`);
    await settled(page);
    await page.locator('.call-link').first().click();
    await page.waitForURL(/\/calls\/[^/]+$/);
    const call = page.url();
    await settled(page);
    await expect.poll(() => page.locator('.back-link').textContent()).toBe('← My scorecard');
    await page.locator('.back-link').click();
    await page.waitForURL((u) => u.pathname === home);
    // Opened from nowhere (an address typed in), the call page leads to his own page, not the queue.
    await page.goto(call);
    await settled(page);
    await expect.poll(() => page.locator('.back-link').textContent()).toBe('← My scorecard');
    expect(await page.locator('.back-link').getAttribute('href')).toBe(home);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('a QA lead goes from the disputes to an evaluation and back to the disputes', {
    timeout: 90_000,
  }, async () => {
    const { page, refused } = await signedIn('qalead');
    await page.locator('main a[href^="/evaluations/"]').first().click();
    await page.waitForURL(/\/evaluations\//);
    await settled(page);
    await expect.poll(() => page.locator('.back-link').textContent()).toBe('← Disputes');
    await page.locator('.back-link').click();
    await page.waitForURL((u) => u.pathname === '/disputes');
    expect(refused).toEqual([]);
    await page.close();
  });
});
