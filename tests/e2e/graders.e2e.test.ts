import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../schemas/users.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';
import { findOverflow } from '../helpers/overflow.ts';

let e: E2E;
let operatorId: string;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
  const line = readFileSync(path.join(e.dir, 'demo-credentials.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('operator '));
  operatorId = /\((OP-[0-9]+)\)/.exec(line ?? '')?.[1] ?? '';
});
afterAll(() => e?.stop());

async function open(username: string): Promise<{ page: Page; errors: string[] }> {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await e.signIn(page, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('.nav-list').waitFor();
  return { page, errors };
}

/** The page in each language: nothing cut or pushed out of its card, a screenshot of each; back to English. */
async function inEveryLanguage(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const language of LANGUAGE_CODES) {
    const r = await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: language } });
    expect(r.status()).toBe(200);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
    await page.waitForLoadState('networkidle');
    for (const f of await findOverflow(page)) found.push(`${language}: ${f}`);
    await e.shot(page, `${name}-${language}`);
  }
  await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: 'en' } });
  await page.reload();
  await page.waitForLoadState('networkidle');
  return found;
}

/** Answers every question of the form: "Yes" where it can, else the highest value offered. */
async function answerAll(page: Page) {
  const questions = page.locator('.workspace-form fieldset.question');
  await expect.poll(() => questions.count(), { timeout: 15_000 }).toBeGreaterThan(3);
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    const yes = q.locator('label.segment', { hasText: /^Yes$/ });
    if ((await yes.count()) > 0) await yes.click();
    else await q.locator('label.segment').filter({ hasNotText: 'N/A' }).last().click();
  }
}

const cellNumbers = async (page: Page, column: number) =>
  (
    await page.locator(`[data-testid="graders-table"] tbody tr td:nth-child(${column})`).allTextContents()
  ).map((text) => text);

describe('grading the graders in Chromium', () => {
  it('walks the QA lead through the monitors, sorted, down to one monitor’s evaluations', async () => {
    const { page, errors } = await open('qalead');
    await page.getByRole('link', { name: 'Graders', exact: true }).click();
    await page.waitForURL(/\/qa\/graders\?period=2026-10/);
    const rows = page.locator('[data-testid="graders-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    // Sorted by evaluations, most first; then by grading time, shortest first after a second click.
    const evaluations = (await cellNumbers(page, 2)).map(Number);
    expect(evaluations).toEqual([...evaluations].sort((a, b) => b - a));
    const timeHead = page.getByRole('columnheader', { name: 'Grading time' });
    await timeHead.getByRole('button').click();
    await expect.poll(() => timeHead.getAttribute('aria-sort')).toBe('descending');
    await timeHead.getByRole('button').click();
    await expect.poll(() => timeHead.getAttribute('aria-sort')).toBe('ascending');
    expect(page.url()).toMatch(/sort=medianGradingSeconds&order=asc/);
    const seconds = (await cellNumbers(page, 3)).map((t) => {
      const [m, s] = (/^(\d+):(\d\d)/.exec(t) ?? []).slice(1).map(Number);
      return (m ?? 0) * 60 + (s ?? 0);
    });
    expect(seconds.every((s) => s >= 150)).toBe(true);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    // The disputes report: per monitor and per question.
    await expect
      .poll(() => page.locator('[data-testid="disputes-by-monitor"] tbody tr').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="disputes-by-question"] tbody tr').count())
      .toBeGreaterThan(0);
    expect(await inEveryLanguage(page, 'lead-graders')).toEqual([]);

    // The drill: a monitor's evaluations of the month, each opening its workspace.
    const first = rows.first();
    const name = (await first.locator('button.link-button').textContent()) ?? '';
    const count = Number(await first.locator('td').nth(1).textContent());
    await first.locator('button.link-button').click();
    const drill = page.locator('[data-testid="grader-evaluations"] tbody tr');
    await expect.poll(() => drill.count()).toBe(count);
    expect(await page.getByRole('heading', { name: `Evaluations by ${name}` }).count()).toBe(1);
    await e.shot(page, 'lead-graders-drill');
    await drill.first().getByRole('link').click();
    await page.waitForURL(/\/evaluations\/EV-/);
    expect(errors).toEqual([]);
    await page.close();

    // A monitor sees his own row only.
    const qa = await open('qa');
    await qa.page.getByRole('link', { name: 'Graders', exact: true }).click();
    await qa.page.waitForURL(/\/qa\/graders/);
    await expect
      .poll(() => qa.page.locator('[data-testid="graders-table"] tbody tr').count())
      .toBeLessThanOrEqual(1);
    expect(await qa.page.locator('[data-testid="disputes-by-question"]').count()).toBe(0);
    expect(qa.errors).toEqual([]);
    await qa.page.close();
  }, 180_000);

  it('takes a dispute through two levels: the lead upholds it, the operator appeals, the head decides', async () => {
    // A fresh evaluation of the operator's call, so the dispute window is open.
    const qa = await open('qa');
    await qa.page.getByRole('link', { name: 'Call queue' }).click();
    await qa.page.waitForURL(/\/calls\?.*period=2026-10/);
    const row = qa.page.locator('table.sample-table > tbody > tr', { hasText: operatorId });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    await row.locator('a.call-chip:not(.is-done)').first().click();
    await qa.page.waitForURL(/\/calls\/C-/);
    await qa.page.getByRole('button', { name: 'Start evaluation' }).click();
    await qa.page.waitForURL(/\/evaluations\/EV-/);
    const evaluationId = decodeURIComponent(qa.page.url().split('/evaluations/')[1] ?? '');
    await answerAll(qa.page);
    await qa.page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => qa.page.getByRole('status').textContent()).toMatch(/^Submitted/);
    await qa.page.close();

    // The operator disputes it.
    const op = await open('operator');
    await op.page.goto(`${e.url}/evaluations/${evaluationId}`);
    await op.page.getByRole('button', { name: 'Dispute…' }).click();
    await op.page.getByLabel('Why do you dispute it?').fill('The client hung up before I could read back');
    // He names the answer he disputes: the report counts it for its question.
    const readBack = op.page
      .getByRole('group', { name: 'Which answers do you dispute? (optional)' })
      .getByRole('checkbox')
      .first();
    await readBack.check();
    await e.shot(op.page, 'operator-disputing');
    await op.page.getByRole('button', { name: 'Send the dispute' }).click();
    await expect.poll(() => op.page.getByRole('status').textContent()).toMatch(/^Dispute sent/);
    const named = await op.page.evaluate(async (id) => {
      const r = await (await fetch(`/api/evaluations/${id}`)).json();
      return (r as { evaluation: { disputes: { questionIds: string[] }[] } }).evaluation.disputes[0]
        ?.questionIds;
    }, evaluationId);
    expect(named).toHaveLength(1);

    // The lead upholds it.
    const lead = await open('qalead');
    await lead.page.getByRole('link', { name: 'Disputes', exact: true }).click();
    const disputeRow = lead.page.locator('table.data-table tbody tr', { hasText: evaluationId });
    await expect.poll(() => disputeRow.count()).toBe(1);
    await disputeRow.getByRole('link', { name: 'Decide' }).click();
    await lead.page.waitForURL(/\/evaluations\/EV-/);
    await lead.page.getByLabel('Decision note').fill('Read-back is required before the client leaves');
    await lead.page.getByRole('button', { name: 'Uphold' }).click();
    await expect.poll(() => lead.page.getByRole('status').textContent()).toMatch(/^Upheld/);
    expect(lead.errors).toEqual([]);

    // The operator appeals to a head, once.
    await op.page.reload();
    await op.page.getByRole('button', { name: 'Appeal to a head' }).click();
    await op.page
      .getByLabel('Why should a head look at it again?')
      .fill('The call dropped: listen to the end');
    await op.page.getByRole('button', { name: 'Send the appeal' }).click();
    await expect.poll(() => op.page.getByRole('status').textContent()).toMatch(/^Appeal sent/);
    expect(await op.page.locator('.header-figures .badge').textContent()).toBe('Disputed');
    expect(await op.page.getByRole('button', { name: 'Appeal to a head' }).count()).toBe(0);
    await expect.poll(() => op.page.locator('.version-list').textContent()).toContain('Appeal to a head');
    expect(await inEveryLanguage(op.page, 'operator-appealed')).toEqual([]);

    // The appeal is no longer the lead's to decide.
    await lead.page.reload();
    await expect.poll(() => lead.page.locator('.version-list').textContent()).toContain('Appeal to a head');
    expect(await lead.page.getByRole('button', { name: 'Uphold' }).count()).toBe(0);
    await lead.page.close();

    // The head decides it from his appeals.
    const head = await open('head');
    await head.page.getByRole('link', { name: 'Appeals', exact: true }).click();
    await head.page.waitForURL(/\/appeals/);
    const appealRow = head.page.locator('table.data-table tbody tr', { hasText: evaluationId });
    await expect.poll(() => appealRow.count()).toBe(1);
    expect(await inEveryLanguage(head.page, 'head-appeals')).toEqual([]);
    await appealRow.getByRole('link', { name: 'Decide' }).click();
    await head.page.waitForURL(/\/evaluations\/EV-/);
    await expect.poll(() => head.page.getByText('Decide the appeal').count()).toBe(1);
    await head.page.getByLabel('Decision note').fill('Listened to the end: the read-back was missing');
    await e.shot(head.page, 'head-appeal-deciding');
    await head.page.getByRole('button', { name: 'Uphold' }).click();
    await expect.poll(() => head.page.getByRole('status').textContent()).toMatch(/^Upheld/);
    expect(await head.page.locator('.header-figures .badge').textContent()).toBe('Upheld');
    expect(head.errors).toEqual([]);
    await head.page.close();

    // The operator sees both levels decided, and no further appeal.
    await op.page.reload();
    await expect.poll(() => op.page.locator('.version-list li').count()).toBe(2);
    const history = (await op.page.locator('.version-list').textContent()) ?? '';
    expect(history).toContain('Listened to the end: the read-back was missing');
    expect(history).toContain('Read-back is required before the client leaves');
    expect(await op.page.getByRole('button', { name: 'Appeal to a head' }).count()).toBe(0);
    await e.shot(op.page, 'operator-appeal-decided');
    expect(op.errors).toEqual([]);
    await op.page.close();
  }, 240_000);
});
