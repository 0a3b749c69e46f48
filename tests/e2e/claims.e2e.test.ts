import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 8, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

describe('claims, assessments, targets and norms in Chromium', () => {
  it('a head registers a claim, judges it justified, and the operator’s coefficient drops', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Claims' }).click();
    await page.waitForURL(/\/claims/);
    await expect
      .poll(() => page.locator('table.claims-table tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    const month = new Date().toISOString().slice(0, 7);
    const coefficient = () =>
      page.evaluate(async (m) => {
        const r = await fetch(`/api/scorecards/OP-0003?period=${m}`);
        return (
          (await r.json()) as { operator: { scorecard: { coefficient: number; clientClaims: number } } }
        ).operator.scorecard;
      }, month);
    const before = await coefficient();

    await page.getByRole('button', { name: 'Register a claim' }).click();
    const form = page.getByRole('form', { name: 'New claim' });
    await form.getByLabel('Operator').selectOption('OP-0003');
    await form.getByLabel('What happened').fill('Told the client the wrong delivery day');
    await form.getByRole('button', { name: 'Register' }).click();
    const row = page.locator('table.claims-table tbody tr', {
      hasText: 'Told the client the wrong delivery day',
    });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Open.*received today/);
    await row.getByRole('button', { name: 'Judge' }).click();
    await row.getByLabel('Reason').fill('The recording confirms it');
    await e.shot(page, 'claims-judging');
    await row.getByRole('button', { name: 'Justified' }).click();
    await expect.poll(() => row.textContent()).toContain('The recording confirms it');

    const after = await coefficient();
    expect(after.clientClaims).toBe(before.clientClaims + 1);
    expect(after.coefficient).toBeLessThan(before.coefficient);
    await e.shot(page, 'claims');

    await page.getByRole('tab', { name: 'Assessments' }).click();
    await page.getByRole('button', { name: 'Record an assessment' }).click();
    const aform = page.getByRole('form', { name: 'New assessment' });
    await aform.getByLabel('Operator').selectOption('OP-0003');
    await aform.getByLabel('What it is for').fill('Left a client on hold for ten minutes');
    await aform.getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() =>
        page.locator('table tbody tr', { hasText: 'Left a client on hold for ten minutes' }).count(),
      )
      .toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a head edits a team norm and sees the achievement beside each target', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Targets and norms' }).click();
    await page.waitForURL(/\/plans/);
    await expect.poll(() => page.locator('.meter').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const norm = page.getByRole('region', { name: 'Team task norms' }).getByRole('textbox').first();
    await norm.fill('1234');
    await norm.press('Enter');
    await expect.poll(() => page.locator('.editable-ok').count()).toBe(1);
    await e.shot(page, 'plans');
    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Team task norms' }).getByRole('textbox').first().inputValue(),
      )
      .toBe('1234');
    await page.close();
  });
});
