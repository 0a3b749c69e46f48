import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;
let operatorId: string;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
  // The demo's operator user is linked to one operator: "operator  <password>  operator (OP-0001)".
  const line = readFileSync(path.join(e.dir, 'demo-credentials.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('operator '));
  operatorId = /\((OP-[0-9]+)\)/.exec(line ?? '')?.[1] ?? '';
});
afterAll(() => e?.stop());

async function open(username: string): Promise<{ page: Page; errors: string[] }> {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await e.signIn(page, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('.nav-list').waitFor();
  return { page, errors };
}

/** The operator's quality for the month (`/api/evaluations/quality`, the scorecard's qualityScore). */
async function quality(page: Page): Promise<{ n: number; mean: number | null }> {
  return page.evaluate(async (op) => {
    const q = await (await fetch('/api/evaluations/quality?period=2026-10')).json();
    const mine = (
      q as { operators: { operatorId: string; n: number; mean: number | null }[] }
    ).operators.find((o) => o.operatorId === op);
    return { n: mine?.n ?? 0, mean: mine?.mean ?? null };
  }, operatorId);
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

describe('QA monitoring in Chromium', () => {
  it('takes a call from the sample to a submitted evaluation, a dispute and a revision, and the quality score follows', async () => {
    const { page, errors } = await open('qa');
    await page.getByRole('link', { name: 'Call queue' }).click();
    await page.waitForURL(/\/calls\?.*period=2026-10/);
    const row = page.locator('table.sample-table > tbody > tr', { hasText: operatorId });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.locator('.quality').textContent()).toMatch(/n = \d+/);
    await e.shot(page, 'qa-call-queue');

    const before = await quality(page);
    // A proposed call of that operator nobody evaluated yet.
    await row.locator('a.call-chip:not(.is-done)').nth(1).click();
    await page.waitForURL(/\/calls\/C-/);
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    await page.waitForURL(/\/evaluations\/EV-/);
    const evaluationId = decodeURIComponent(page.url().split('/evaluations/')[1] ?? '');

    // The recording plays, and the arrow keys step through it.
    const audio = page.locator('audio[data-testid="recording"]');
    await expect
      .poll(() => page.locator('.player-time').textContent(), { timeout: 15_000 })
      .toMatch(/\/ 0:[1-9]/);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 })
      .toBeGreaterThan(0.3);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBeGreaterThan(paused + 4);

    // A comment at this moment of the recording.
    await page.getByLabel('New comment').fill('Client asks for the delivery date here');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => page.locator('.comment-list .time-chip').count()).toBe(1);

    // Every question answered well but the first: the live score is below 100.
    await answerAll(page);
    const first = page.locator('.workspace-form fieldset.question').first();
    await first.locator('label.segment', { hasText: /^No$/ }).click();
    const live = Number(await page.locator('[data-testid="score-value"]').textContent());
    expect(live).toBeLessThan(100);
    await e.shot(page, 'qa-evaluation-draft');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Submitted\. The server scored it/);
    expect(await page.locator('.header-figures .badge').textContent()).toBe('Submitted');
    const submitted = Number(await page.locator('.header-score .score-value').textContent());
    expect(submitted).toBe(live);
    const afterSubmit = await quality(page);
    expect(afterSubmit.n).toBe(before.n + 1);
    expect(afterSubmit.mean).not.toBe(before.mean);
    await e.shot(page, 'qa-evaluation-submitted');

    await page.getByRole('link', { name: 'My worklist', exact: true }).click();
    await page.waitForURL(/\/worklist\?period=2026-10/);
    await expect.poll(() => page.locator('table.data-table tbody tr').count()).toBeGreaterThan(0);
    await e.shot(page, 'qa-worklist');
    expect(errors).toEqual([]);
    await page.close();

    // The operator disputes it.
    const op = await open('operator');
    await op.page.getByRole('link', { name: 'My evaluations', exact: true }).click();
    await op.page.waitForURL(/\/my-evaluations\?period=2026-10/);
    await op.page.getByRole('link', { name: evaluationId }).click();
    await op.page.waitForURL(/\/evaluations\/EV-/);
    await op.page.getByRole('button', { name: 'Dispute…' }).click();
    await op.page.getByLabel('Why do you dispute it?').fill('I did greet the client by the script');
    await op.page.getByRole('button', { name: 'Send the dispute' }).click();
    await expect.poll(() => op.page.getByRole('status').textContent()).toMatch(/^Dispute sent/);
    expect(await op.page.locator('.header-figures .badge').textContent()).toBe('Disputed');
    await e.shot(op.page, 'operator-evaluation-disputed');
    const disputed = await quality(op.page);
    expect(disputed.n).toBe(before.n); // a disputed evaluation does not count until decided
    await op.page.getByRole('link', { name: 'My evaluations', exact: true }).click();
    await expect.poll(() => op.page.locator('table.data-table tbody tr').count()).toBeGreaterThan(0);
    await e.shot(op.page, 'operator-my-evaluations');
    expect(op.errors).toEqual([]);
    await op.page.close();

    // The lead revises it: the first answer becomes yes, and the score rises.
    const lead = await open('qalead');
    await lead.page.getByRole('link', { name: 'Disputes' }).click();
    await lead.page.waitForURL(/\/disputes/);
    const disputeRow = lead.page.locator('table.data-table tbody tr', { hasText: evaluationId });
    await expect.poll(() => disputeRow.count()).toBe(1);
    await e.shot(lead.page, 'lead-disputes');
    await disputeRow.getByRole('link', { name: 'Decide' }).click();
    await lead.page.waitForURL(/\/evaluations\/EV-/);
    await expect
      .poll(() => lead.page.locator('.version-list').textContent())
      .toContain('I did greet the client');
    await lead.page.getByRole('button', { name: 'Revise the answers…' }).click();
    await lead.page
      .locator('.workspace-form fieldset.question')
      .first()
      .locator('label.segment', { hasText: /^Yes$/ })
      .click();
    await lead.page.getByLabel('Decision note').fill('Greeting heard at 0:03');
    await e.shot(lead.page, 'lead-revising');
    await lead.page.getByRole('button', { name: 'Save the revision' }).click();
    await expect
      .poll(() => lead.page.getByRole('status').textContent())
      .toMatch(/^Revised: the score is now/);
    const revised = Number(await lead.page.locator('.header-score .score-value').textContent());
    expect(revised).toBeGreaterThan(submitted);
    const afterRevision = await quality(lead.page);
    expect(afterRevision.n).toBe(before.n + 1);
    expect(afterRevision.mean as number).toBeGreaterThan(afterSubmit.mean as number);
    await e.shot(lead.page, 'lead-revised');
    expect(lead.errors).toEqual([]);
    await lead.page.close();
  }, 180_000);

  it('builds a form with a live preview that scores as you answer, and versions a form with evaluations', async () => {
    const { page, errors } = await open('qalead');
    await page.getByRole('link', { name: 'Forms' }).click();
    await page.waitForURL(/\/forms$/);
    await expect.poll(() => page.locator('.form-card').count()).toBeGreaterThan(1);
    await e.shot(page, 'lead-forms');
    await page.getByRole('link', { name: 'New form' }).click();
    await page.waitForURL(/\/forms\/new/);
    await page.getByLabel('Name', { exact: true }).fill('Complaint call');
    await page.getByLabel('Section 1 title').fill('Handling');
    const q1 = page.getByRole('group', { name: 'Question 1', exact: true });
    await q1.getByLabel('Question', { exact: true }).fill('Apologised for the trouble');
    await page.getByRole('button', { name: 'Add question' }).click();
    const q2 = page.getByRole('group', { name: 'Question 2', exact: true });
    await q2.getByLabel('Question', { exact: true }).fill('Tone');
    await q2.getByLabel('Type').selectOption('scale');
    await q2.getByLabel('Help text for the monitor').fill('1 cold, 5 warm');
    // Question 2 answered by AutoQA's courtesy check (5 on pass, 2 on fail); the form scores inbound calls.
    await q2.getByLabel('Answered by AutoQA check').selectOption('courtesy');
    await q2.getByLabel('Answer on pass').fill('5');
    await q2.getByLabel('Answer on fail').fill('2');
    await page.getByLabel('Scored automatically by AutoQA').selectOption('inbound');

    const preview = page.locator('.builder-preview');
    const score = preview.locator('[data-testid="score-value"]');
    expect(await score.textContent()).toBe('—');
    await preview
      .getByRole('radiogroup', { name: 'Apologised for the trouble' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await expect.poll(() => score.textContent()).toBe('100.00');
    await preview
      .getByRole('radiogroup', { name: 'Tone' })
      .getByRole('radio', { name: '2', exact: true })
      .check();
    await expect.poll(() => score.textContent()).toBe('62.50'); // (1·1 + 1·0.25) / 2
    await expect
      .poll(() => preview.locator('[data-auto-check="courtesy"]').textContent())
      .toBe('AutoQA: No forbidden phrases');
    await e.shot(page, 'lead-form-builder');
    await page.getByRole('button', { name: 'Create the form' }).click();
    await page.waitForURL(/\/forms\/\d+\/edit/);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved as version 1.');
    const saved = await page.evaluate(async () => {
      const id = location.pathname.split('/')[2];
      return (await (await fetch(`/api/forms/${id}`)).json()).form.definition;
    });
    expect(saved.autoFor).toBe('inbound');
    expect(saved.sections[0].questions[1].auto).toEqual({ check: 'courtesy', pass: 5, fail: 2 });

    // A demo form has evaluations: saving it makes version 2, and the list shows both.
    await page.goto(`${e.url}/forms`);
    const inbound = page.locator('.form-card', { hasText: 'Inbound order call' });
    await inbound.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/\/forms\/\d+\/edit/);
    const q = page.getByRole('group', { name: 'Question 1', exact: true }).first();
    await q.getByLabel('Weight').fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/^Saved as version 2: version 1 has evaluations/);
    await page.goto(`${e.url}/forms`);
    await expect.poll(() => inbound.locator('.version-list li').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('runs a calibration: blind scoring by two monitors, then results with agreement and alpha', async () => {
    const qa = await open('qa');
    await qa.page.getByRole('link', { name: 'Calibration' }).click();
    await qa.page.waitForURL(/\/calibration$/);
    await qa.page.getByRole('link', { name: 'Score it' }).first().click();
    await qa.page.waitForURL(/\/calibration\/\d+/);
    const sessionUrl = qa.page.url();
    await qa.page.getByRole('button', { name: 'Start my scoring' }).click();
    await qa.page.waitForURL(/\/evaluations\/EV-/);
    await answerAll(qa.page);
    await qa.page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => qa.page.getByRole('status').textContent()).toMatch(/^Submitted/);
    expect(qa.errors).toEqual([]);
    await qa.page.close();

    const lead = await open('qalead');
    await lead.page.goto(sessionUrl);
    await lead.page.getByRole('button', { name: 'Start my scoring' }).click();
    await lead.page.waitForURL(/\/evaluations\/EV-/);
    await answerAll(lead.page);
    await lead.page
      .locator('.workspace-form fieldset.question')
      .first()
      .locator('label.segment', { hasText: /^No$/ })
      .click();
    await lead.page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => lead.page.getByRole('status').textContent()).toMatch(/^Submitted/);
    await lead.page.goto(sessionUrl);
    await lead.page.getByRole('button', { name: 'Close and show results' }).click();
    await expect
      .poll(() => lead.page.locator('.agreement-table tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    expect(await lead.page.locator('.kpi-grid').textContent()).toMatch(/Krippendorff/);
    await e.shot(lead.page, 'lead-calibration-results');
    await lead.page.getByRole('link', { name: '← Calibration' }).click();
    await expect
      .poll(() => lead.page.locator('.recharts-line').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await e.shot(lead.page, 'lead-calibration');
    expect(lead.errors).toEqual([]);
    await lead.page.close();
  }, 120_000);
});
