import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, lastCompleteMonth } from '../../core/time.ts';
import type { ScorecardsResponse } from '../../schemas/scorecard.ts';
import { DEMO_TIME_ZONE } from '../../server/demo/load-demo.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';

/**
 * A demo whose latest month is the one running now: the pages open on the last complete month,
 * the running one is shown to date beside the same days of the month before, and the figures
 * shown beside a total add up to it.
 */
const now = new Date();
const running = currentMonth(now, DEMO_TIME_ZONE);
const ended = lastCompleteMonth(now, DEMO_TIME_ZONE);

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ operators: 10, month: running, months: 2 });
});
afterAll(() => e?.stop());

/** An amount as printed in en-GB (`−MDL 1,234.50`, `+0.50 MDL`) in minor units, signed. */
const minor = (text: string) => {
  const sign = /[−-]/u.test(text) ? -1 : 1;
  return sign * Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);
};

describe('the unfinished month in Chromium', () => {
  it('opens on the last complete month, and shows the running one to date against the same days', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL(new RegExp(`period=${ended}`), { timeout: 15_000 });

    // The causes of the deductions, as shown, add up to the tile's total, with a rounding line.
    const causes = page.locator('section[aria-labelledby="chart-deductions-title"] .bar-list > li');
    await expect.poll(() => causes.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const shown = await causes.evaluateAll((items) =>
      items.map((li) => ({
        total: li.classList.contains('bar-row-total'),
        text: (li.querySelector('.bar-amount')?.firstChild?.textContent ?? '').trim(),
      })),
    );
    const total = shown.find((s) => s.total)?.text as string;
    const parts = shown.filter((s) => !s.total).map((s) => minor(s.text));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(minor(total));
    const tile = await page.locator('[data-tile="payImpact"] .kpi-value').textContent();
    expect(minor(tile ?? '')).toBe(minor(total));

    await page.getByLabel('Period', { exact: true }).selectOption(running);
    const subtitle = page.locator('.page-subtitle');
    // "1–5 Dec vs 1–5 Nov, month to date" (on the 1st: "1 Dec vs 1 Nov").
    await expect
      .poll(() => subtitle.textContent(), { timeout: 20_000 })
      .toMatch(/ 1(\s?–\s?\d+)? \w+ vs 1(\s?–\s?\d+)? \w+, month to date$/u);
    await expect
      .poll(() => page.locator('[data-tile="payImpact"] .kpi-value').textContent())
      .toBe('After the month ends');
    await e.shot(page, 'dashboard-month-to-date-en');

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => subtitle.textContent()).toContain('с начала месяца');
    await e.shot(page, 'dashboard-month-to-date-ru');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('ro');
    await expect.poll(() => subtitle.textContent()).toContain('de la începutul lunii');
    await e.shot(page, 'dashboard-month-to-date-ro');
    await page.getByRole('combobox', { name: 'Limba' }).selectOption('en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints an operator’s cost lines so that they add up to what was deducted', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const cards = (await page.evaluate(
      async (p) => (await fetch(`/api/scorecards?period=${p}`)).json(),
      ended,
    )) as ScorecardsResponse;
    // The operator with the most deductions that cost money.
    const costly = (r: ScorecardsResponse['operators'][number]) =>
      r.explanation.filter((l) => (l.amount ?? 0) > 0).length;
    const op = [...cards.operators].sort((a, b) => costly(b) - costly(a))[0];
    expect(op && costly(op)).toBeGreaterThan(1);
    await page.goto(`${e.url}/operators/${op?.scorecard.operatorId}?period=${ended}`);
    const lines = page.locator('.scorecard-table [data-cost]');
    await expect.poll(() => lines.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const costs = (await lines.allTextContents()).map(minor);
    const total = minor((await page.locator('.scorecard-table [data-total]').textContent()) ?? '');
    expect(costs.reduce((a, b) => a + b, 0)).toBe(total);
    // The tile prints the same amount, with the same decimals.
    const tile = page.locator('.kpi', { hasText: 'Deducted' }).locator('.kpi-value');
    // Costs print with a minus; the tile prints the amount deducted without one.
    expect(minor((await tile.textContent()) ?? '')).toBe(-total);
    expect(total).toBe(op?.scorecard.adjustment);
    // The quality score is printed the same on the tile and in the table.
    const quality = op?.scorecard.qualityScore;
    if (quality !== null && quality !== undefined) {
      const q = await page.locator('.kpi', { hasText: 'Quality score' }).locator('.kpi-value').textContent();
      // One decimal, as every page prints a quality score (web/src/metric-format.ts).
      expect(Number(q)).toBeCloseTo(quality, 1);
      expect(q).toMatch(/^\d+\.\d$/);
      expect(await page.locator('.scorecard-table').textContent()).toContain(q);
    }
    await e.shot(page, 'operator-cost-lines');
    expect(errors).toEqual([]);
    await page.close();
  });
});
