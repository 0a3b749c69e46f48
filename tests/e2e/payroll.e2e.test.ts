import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

describe('the payroll page in Chromium', () => {
  it('shows every operator’s pay, explains a deduction, approves, exports and re-opens', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'payroll');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Payroll' }).click();
    await page.waitForURL(/\/payroll\?period=2026-10/);
    const rows = page.locator('table.payroll-table > tbody > tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(12);
    await expect.poll(() => page.locator('.badge-open').textContent()).toBe('Open');

    // Sorted by coefficient, lowest first: a row's explanation opens below it. The lowest operator
    // with a variable base (a new hire has none yet) shows the payout's line.
    const explain = page.locator('.explain');
    let row = 0;
    for (; row < 12; row++) {
      await rows.nth(row).locator('.reason-button').click();
      await expect.poll(() => explain.count()).toBe(1);
      if (/× base/.test((await explain.textContent()) ?? '')) break;
      await rows.nth(row).locator('.reason-button').click();
      await expect.poll(() => explain.count()).toBe(0);
    }
    expect(await explain.textContent()).toMatch(/Coefficient 0[.,]\d{4} × base/);
    expect(await explain.locator('code').first().textContent()).toMatch(/^min\(/);
    // The last line adds the deductions up to the coefficient, exact sum first, then its rounding.
    expect(await explain.locator('code').last().textContent()).toMatch(
      /^(1 − [\d.…]+ = [\d.…-]+|clamp\(1 − [\d.…]+, [\d.]+, [\d.]+\) = [\d.…]+) → \d\.\d{4}$/,
    );
    await e.shot(page, 'payroll-open');

    // The money lines of the explanation add up to what was deducted, printed once in the table.
    const minor = (text: string) =>
      (/[−-]/u.test(text) ? -1 : 1) * Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
    const costs = (await explain.locator('[data-cost]').allTextContents()).map(minor);
    expect(costs.length).toBeGreaterThan(0);
    const deducted = minor((await explain.locator('[data-total]').textContent()) ?? '');
    expect(costs.reduce((a, b) => a + b, 0)).toBe(deducted);
    const firstRow = rows.nth(row);
    expect(minor((await firstRow.locator('td.num').nth(3).textContent()) ?? '')).toBe(deducted);
    const shares = await firstRow.locator('.reason strong').allTextContents();

    // The CSV the export link gives is the API's file.
    const href = (await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href')) as string;
    const csv = await page.evaluate(
      async (u) => [...new Uint8Array(await (await fetch(u)).arrayBuffer())],
      href,
    );
    expect(csv.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    expect(Buffer.from(csv).toString('utf8').split('\r\n')[0]).toBe(
      '\ufeffemployee_id,name,team,period,currency,variable_base,coefficient,payout,adjustment,reasons',
    );
    // A deduction's share reads the same on the screen and in the file (−9.10%, not −9.1%).
    const firstId = (await firstRow.locator('.cell-sub').textContent()) as string;
    const line = Buffer.from(csv)
      .toString('utf8')
      .split('\r\n')
      .find((l) => l.startsWith(`${firstId},`)) as string;
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares) {
      expect(share).toMatch(/^−\d+\.\d{2}%$/u);
      expect(line).toContain(share);
    }

    // The month has operators without a variable base (the demo's new hire): approving lists them
    // by name, and locks only once each is ticked.
    await page.getByRole('button', { name: 'Approve and lock' }).click();
    const dialog = page.getByRole('alertdialog');
    const boxes = dialog.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBeGreaterThan(0);
    const lock = page.getByRole('button', { name: 'Lock the period' });
    expect(await lock.isDisabled()).toBe(true);
    const table = (await page.locator('table.payroll-table > tbody').textContent()) as string;
    for (const label of await dialog.locator('li label').allTextContents()) {
      const [name] = label.split(/\s*OP-/);
      expect(table).toContain(name?.trim());
    }
    expect(await dialog.textContent()).toMatch(/have no variable base for October 2026/);
    await e.shot(page, 'payroll-confirm-en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => dialog.textContent()).toContain('нет базы переменной части');
    await e.shot(page, 'payroll-confirm-ru');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('ro');
    await expect.poll(() => dialog.textContent()).toContain('nu au bază variabilă');
    await e.shot(page, 'payroll-confirm-ro');
    await page.getByRole('combobox', { name: 'Limba' }).selectOption('en');
    await expect.poll(() => lock.count()).toBe(1);
    for (const box of await boxes.all()) await box.check();
    expect(await lock.isEnabled()).toBe(true);
    await lock.click();
    await expect.poll(() => page.locator('.badge-locked').textContent()).toBe('Approved');
    expect(await page.locator('.period-hint').textContent()).toMatch(
      /Locked on .* \(Europe\/Chisinau\) by Irina Popescu/,
    );
    expect(await page.getByRole('button', { name: 'Approve and lock' }).count()).toBe(0);
    await e.shot(page, 'payroll-approved');
    expect(errors).toEqual([]);
    await page.close();

    // An administrator re-opens it with a reason.
    const admin = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await e.signIn(admin, 'admin');
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    await admin.goto(`${e.url}/payroll?period=2026-10`);
    await admin.getByRole('button', { name: 'Re-open' }).click();
    await admin.getByLabel('Reason for re-opening').fill('Claims of October judged late');
    await admin.getByRole('button', { name: 'Re-open the period' }).click();
    await expect.poll(() => admin.locator('.badge-open').textContent()).toBe('Open');
    expect(await admin.locator('.period-hint').textContent()).toContain('Claims of October judged late');
    await admin.close();
  });

  it('lets an administrator preview a new pay rule on a month and save it as a new version', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Pay rules' }).click();
    await page.waitForURL(/\/pay-rules/);
    const threshold = page.getByRole('group', { name: 'Quality below threshold' }).getByLabel('Threshold');
    await expect.poll(() => threshold.inputValue()).toBe('80');
    await threshold.fill('60');
    const source = page
      .getByRole('group', { name: 'Quality below threshold' })
      .getByLabel('Quality score read');
    expect(await source.inputValue()).toBe('human');
    await source.selectOption('blend');
    await page.getByRole('button', { name: /^Preview on/ }).click();
    const card = page.locator('.rule-preview');
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.textContent()).toMatch(/12 operators under this rule/);
    await e.shot(page, 'pay-rules-preview');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved as version 2.');
    await expect.poll(() => page.locator('.version-list li').count()).toBe(2);
    // The saved rule keeps the source chosen.
    const inForce = await page.evaluate(async () => {
      const { rules } = await (await fetch('/api/pay-rules')).json();
      return rules.find((r: { version: number }) => r.version === 2).rule;
    });
    expect(inForce.quality).toEqual({ threshold: 60, perPoint: 0.015, cap: 0.3, source: 'blend' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is not in an operator’s menu, and its API refuses him', async () => {
    const page = await e.browser.newPage();
    await e.signIn(page, 'operator');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect(await page.getByRole('link', { name: 'Payroll' }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/pay-periods')).status);
    expect(status).toBe(403);
    await page.close();
  });
});
