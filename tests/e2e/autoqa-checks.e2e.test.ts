import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOQA_SAMPLE } from '../helpers/autoqa.ts';
import { cli } from '../helpers/cli.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';

/**
 * AutoQA's pass rates in Chromium: a month of the demo with the hand-labelled AutoQA sample (three
 * teams of transcribed calls, tests/fixtures/autoqa) imported beside it and checked by the command.
 * From the dashboard's card a check's failures open the call queue's search for them.
 */

let e: E2E;

/** The sample's calls with a recording each (only recorded calls are sampled), beside the data. */
function recorded(dir: string): string {
  const lines = readFileSync(path.join(AUTOQA_SAMPLE, 'calls.csv'), 'utf8').trimEnd().split('\n');
  const file = path.join(path.dirname(dir), 'autoqa-calls.csv');
  writeFileSync(
    file,
    `${[lines[0], ...lines.slice(1).map((l) => `${l}rec/${l.split(',')[0]}.wav`)].join('\n')}\n`,
  );
  return file;
}

beforeAll(async () => {
  // The demo stands in November, so that October holds the sample's calls alone and the figures
  // are the hand count's (the demo's own recorded calls have transcripts too).
  e = await startE2E({
    operators: 12,
    month: '2026-11',
    months: 1,
    async prepare(dir) {
      for (const [kind, file] of [
        ['teams', 'teams.csv'],
        ['operators', 'operators.csv'],
        ['clients', 'clients.csv'],
        ['debts', 'debts.csv'],
        ['products', 'products.csv'],
        ['calls', recorded(dir)],
        ['transcripts', 'transcripts.jsonl'],
      ]) {
        const r = await cli([
          'import',
          kind as string,
          path.resolve(AUTOQA_SAMPLE, file as string),
          '--data',
          dir,
        ]);
        if (r.code !== 0) throw new Error(`${kind}: ${r.stderr}`);
      }
      const run = await cli(['autoqa', '--period', '2026-10', '--data', dir]);
      if (run.code !== 0) throw new Error(run.stderr);
    },
  });
}, 240_000);

afterAll(() => e?.stop());

async function signedIn(user: string) {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await e.signIn(page, user);
  await page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
  return { page, errors };
}

async function inLanguage(page: Page, language: 'en' | 'ru' | 'ro') {
  await page.locator('select.language-switch').selectOption(language);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

const card = (page: Page) => page.locator('section[aria-labelledby="aq-checks-title"]');
const searchCount = (page: Page) => page.locator('#search-title + .card-meta').textContent();

describe('AutoQA pass rates in the browser', () => {
  it("drills from a check's failures on the dashboard to the call queue's search for them", {
    timeout: 120_000,
  }, async () => {
    const { page, errors } = await signedIn('head');
    await page.goto(`${e.url}/dashboard?period=2026-10`);
    const checks = card(page);
    await expect.poll(() => checks.locator('tbody tr').count(), { timeout: 20_000 }).toBe(12);
    expect(await checks.locator('.card-meta').textContent()).toMatch(/36 calls checked/);
    const debt = checks.locator('tbody tr', { hasText: 'Debt checked' });
    expect(await debt.locator('td').nth(1).textContent()).toBe('10 of 19');
    await checks.scrollIntoViewIfNeeded();
    for (const language of ['ru', 'ro', 'en'] as const) {
      await inLanguage(page, language);
      await e.shot(page, `autoqa-dashboard-${language}`);
    }
    await debt.getByRole('link', { name: /Debt checked: 9 failed calls/ }).click();
    await page.waitForURL(/\/calls\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'search',
      period: '2026-10',
      check: 'debt-check',
      checkResult: 'fail',
    });
    await expect.poll(() => page.locator('.calls-table tbody tr').count(), { timeout: 20_000 }).toBe(9);
    expect(await searchCount(page)).toMatch(/\b9\b/);
    // Every call listed shows the check among its failed ones, and the filters say what was asked.
    // (a badge names it, or the count of the rest does in its title).
    const failed = await page
      .locator('.calls-table tbody tr .check-badges')
      .evaluateAll((lists) =>
        lists.map((l) =>
          [l.textContent, ...[...l.querySelectorAll('[title]')].map((b) => b.getAttribute('title'))].join(
            ' ',
          ),
        ),
      );
    expect(failed).toHaveLength(9);
    for (const f of failed) expect(f).toContain('Debt checked');
    const filter = page.getByLabel('AutoQA check');
    expect(await filter.inputValue()).toBe('debt-check');
    for (const language of ['ru', 'ro', 'en'] as const) {
      await inLanguage(page, language);
      await e.shot(page, `autoqa-queue-${language}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("drills from one team's failures of a check to that team's calls", { timeout: 120_000 }, async () => {
    const { page, errors } = await signedIn('head');
    await page.goto(`${e.url}/dashboard?period=2026-10&aqView=team&aqCheck=debt-check`);
    const checks = card(page);
    const en = checks.locator('tbody tr', { hasText: 'Desk EN' });
    await expect.poll(() => en.count(), { timeout: 20_000 }).toBe(1);
    expect(await en.locator('td').nth(1).textContent()).toBe('4 of 7');
    await e.shot(page, 'autoqa-dashboard-per-team');
    await en.getByRole('link', { name: /Desk EN|Debt checked/ }).click();
    await page.waitForURL(/\/calls\?/);
    expect(new URL(page.url()).searchParams.get('team')).toBe('T-EN');
    await expect.poll(() => page.locator('.calls-table tbody tr').count(), { timeout: 20_000 }).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows an operator's pass rates beside his team's", { timeout: 120_000 }, async () => {
    const { page, errors } = await signedIn('head');
    await page.goto(`${e.url}/operators/OP-RU2?period=2026-10`);
    const checks = page.locator('section[aria-labelledby="op-checks-title"]');
    await expect.poll(() => checks.locator('tbody tr').count(), { timeout: 20_000 }).toBe(12);
    expect(await checks.locator('.card-meta').textContent()).toMatch(/3 calls checked · team: 12/);
    const greeting = checks.locator('tbody tr', { hasText: 'Greeting' });
    const [own, , team] = await greeting.locator('td').allTextContents();
    expect(own).toMatch(/33[.,]3\s?%/);
    expect(team).toMatch(/66[.,]7\s?%/);
    await checks.scrollIntoViewIfNeeded();
    for (const language of ['ru', 'ro', 'en'] as const) {
      await inLanguage(page, language);
      await e.shot(page, `autoqa-operator-${language}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes first in the sample the calls that failed a critical check, and says so', {
    timeout: 120_000,
  }, async () => {
    const { page, errors } = await signedIn('qalead');
    await page.goto(`${e.url}/calls?period=2026-10&team=T-RU&first=critical`);
    const rows = page.locator('.sample-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(4);
    expect(await page.getByLabel('Take first').inputValue()).toBe('critical');
    // The demo's inbound form makes debt-check critical: OP-RU1 failed it on SH-RU-09 only.
    const ru1 = rows.filter({ hasText: 'Operator RU 1' });
    const flagged = ru1.locator('.call-chip', { hasText: 'Failed: Debt checked' });
    expect(await flagged.count()).toBe(1);
    expect(await flagged.getAttribute('title')).toBe('SH-RU-09');
    for (const language of ['ru', 'ro', 'en'] as const) {
      await inLanguage(page, language);
      await e.shot(page, `autoqa-sample-${language}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
