import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccuracyResponse } from '../../schemas/autoqa.ts';
import type { EvaluationResponse } from '../../schemas/evaluations.ts';
import { cli } from '../helpers/cli.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';
import { findOverflow } from '../helpers/overflow.ts';
import { tempDir } from '../helpers/runtime.ts';

let e: E2E;
let callId: string;
let evaluationId: string;

/** A signed-in API session of a demo user, for the setup the browser does not do. */
async function session(username: string) {
  const login = await fetch(`${e.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: e.creds[username] }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (method: string, url: string) =>
    fetch(`${e.url}${url}`, { method, headers: { cookie } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Record<string, unknown>,
    }));
}

/**
 * The demo's call-01 recording as a speech-to-text engine would give it: the agent greets and
 * names herself, the client orders, the agent offers more and agrees the delivery, and it is the
 * client, not the agent, who says goodbye.
 */
const transcript = (id: string) =>
  `${JSON.stringify({
    call_id: id,
    language: 'en',
    engine: 'e2e',
    segments: [
      {
        speaker: 'agent',
        start_s: 0.3,
        end_s: 3.6,
        text: 'Good morning, Nord Distribution sales desk, my name is Ana.',
      },
      {
        speaker: 'customer',
        start_s: 4.0,
        end_s: 7.9,
        text: 'Hello Ana, I would like ten boxes of sunflower oil, please.',
      },
      {
        speaker: 'agent',
        start_s: 8.3,
        end_s: 15.2,
        text: 'Ten boxes of oil, wholesale price. Can I also offer you our new pasta? It is on promotion.',
      },
      { speaker: 'customer', start_s: 15.6, end_s: 17.4, text: 'No, thank you, just the oil.' },
      { speaker: 'agent', start_s: 17.8, end_s: 20.4, text: 'Done. Delivery tomorrow before noon.' },
      { speaker: 'customer', start_s: 20.8, end_s: 22.6, text: 'Thank you. Goodbye.' },
    ],
  })}\n`;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
  const lead = await session('qalead');
  // A recorded inbound call an operator answered and nobody evaluated.
  const calls = await lead(
    'GET',
    '/api/calls?period=2026-10&direction=inbound&disposition=answered&hasRecording=true&hasEvaluation=false&limit=5',
  );
  callId = (calls.body.calls as { callId: string }[])[0]?.callId ?? '';
  expect(callId).toMatch(/^C-/);
  // Its transcript through the importer (the server owns the data directory), then AutoQA's run.
  const file = path.join(tempDir(), 'transcripts.jsonl');
  writeFileSync(file, transcript(callId));
  const imported = await cli(['import', 'transcripts', file, '--via', e.url, '--user', 'admin'], {
    env: { CALLSCORE_PASSWORD: e.creds.admin ?? '' },
  });
  expect(imported.code, imported.stderr).toBe(0);
  // The import starts AutoQA's background re-check; the run here finishes what it has not.
  const run = await lead('POST', '/api/autoqa/run?period=2026-10');
  expect(run.status).toBe(200);
  const checked = await lead('GET', `/api/autoqa/calls/${callId}`);
  expect(checked.body.checkedAt).not.toBeNull();
  expect((checked.body.checks as unknown[]).length).toBeGreaterThan(0);
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

/** The page in another language (the user's own choice, as the switch saves it), reloaded. */
async function inLanguage(page: Page, language: 'en' | 'ru' | 'ro') {
  const r = await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: language } });
  expect(r.status()).toBe(200);
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 })
    .toBe(language);
}

const currentTime = (page: Page) =>
  page.locator('audio[data-testid="recording"]').evaluate((a: HTMLAudioElement) => a.currentTime);

describe('AutoQA in the evaluation workspace, in Chromium', () => {
  it('pre-answers the form with evidence that plays, records what the monitor accepted and overrode', async () => {
    const { page, errors } = await open('qa');
    // A try cut short leaves its draft: the next one starts again from a fresh draft.
    await page.evaluate(async (id) => {
      const r = await fetch(`/api/evaluations?callId=${encodeURIComponent(id)}&evaluator=qa&status=draft`);
      for (const ev of ((await r.json()) as { evaluations: { id: string }[] }).evaluations)
        await fetch(`/api/evaluations/${encodeURIComponent(ev.id)}`, { method: 'DELETE' });
    }, callId);
    await page.goto(`${e.url}/calls/${encodeURIComponent(callId)}`);
    const select = page.getByLabel('Form', { exact: true });
    await select.waitFor();
    const inbound = await select.locator('option', { hasText: 'Inbound order call' }).getAttribute('value');
    await select.selectOption(inbound ?? '');
    await page.getByRole('button', { name: 'Start evaluation' }).click();
    await page.waitForURL(/\/evaluations\/EV-/);
    evaluationId = decodeURIComponent(page.url().split('/evaluations/')[1] ?? '');

    // The transcript beside the player, by speaker.
    const segments = page.locator('.transcript .transcript-seg');
    await expect.poll(() => segments.count(), { timeout: 15_000 }).toBe(6);
    expect(await page.locator('.transcript .seg-agent').count()).toBe(3);
    expect(await page.locator('.transcript .seg-customer').count()).toBe(3);
    await expect
      .poll(() => page.locator('.player-time').textContent(), { timeout: 15_000 })
      .toMatch(/\/ 0:[1-9]/);

    // The question of the greeting comes answered "Yes" by AutoQA, with the phrase it heard.
    const greeting = page.locator('fieldset.question[data-question="greeting"]');
    const proposal = greeting.locator('.auto-proposal');
    expect(await proposal.locator('.auto-result').textContent()).toBe('AutoQA: pass');
    expect(await greeting.locator('label.segment.is-checked').textContent()).toBe('Yes');
    // The demo's rule set names the company as it is said, heard before "my name is" in the segment.
    expect(await proposal.locator('.evidence-chip').first().textContent()).toMatch(
      /Nord Distribution|my name/,
    );
    const close = page.locator('fieldset.question[data-question="polite_close"]');
    expect(await close.locator('.auto-result').textContent()).toBe('AutoQA: fail');
    expect(await close.locator('label.segment.is-checked').textContent()).toBe('No');
    // The read-back needs two products ordered and the client takes only the oil: AutoQA says N/A
    // with its reason, on a question without N/A, so it proposes nothing to accept.
    const readBack = page.locator('fieldset.question[data-question="read_back"]');
    expect(await readBack.locator('.auto-result').textContent()).toBe('AutoQA: N/A');
    expect(await readBack.locator('.auto-reason').count()).toBe(1);
    expect(await readBack.locator('.auto-accept').count()).toBe(0);
    expect(await readBack.locator('label.segment.is-checked').count()).toBe(0);
    await e.shot(page, 'autoqa-workspace-en');
    expect(await findOverflow(page)).toEqual([]);
    for (const language of ['ru', 'ro'] as const) {
      await inLanguage(page, language);
      await expect
        .poll(() => page.locator('.transcript .transcript-seg').count(), { timeout: 15_000 })
        .toBe(6);
      await page.locator('.auto-proposal').first().waitFor();
      await e.shot(page, `autoqa-workspace-${language}`);
      expect(await findOverflow(page), language).toEqual([]);
    }
    await inLanguage(page, 'en');
    await expect.poll(() => segments.count(), { timeout: 15_000 }).toBe(6);
    await expect
      .poll(() => page.locator('.player-time').textContent(), { timeout: 15_000 })
      .toMatch(/\/ 0:[1-9]/);

    // A segment of the transcript seeks the recording there, and is the one highlighted.
    await segments.nth(4).getByRole('button').click();
    await expect.poll(() => currentTime(page)).toBeCloseTo(17.8, 0);
    await expect.poll(() => segments.nth(4).getAttribute('aria-current')).toBe('true');
    // The greeting's evidence plays the moment it was heard, and the keyboard reaches it.
    await greeting.locator('.evidence-chip').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => currentTime(page)).toBeLessThan(3);
    expect(await currentTime(page)).toBeGreaterThanOrEqual(0.3);
    await expect.poll(() => segments.nth(0).getAttribute('aria-current')).toBe('true');
    await page.getByRole('button', { name: 'Pause' }).click();

    // Accept the greeting, override the farewell AutoQA did not hear.
    await greeting.getByRole('button', { name: /Accept the answer of AutoQA/ }).click();
    expect(await greeting.locator('.auto-decision').textContent()).toBe('Accepted');
    await close.locator('label.segment', { hasText: /^Yes$/ }).click();
    expect(await close.locator('.auto-decision').textContent()).toBe('Overridden');

    // The rest answered by hand where AutoQA left it open.
    const questions = page.locator('.workspace-form fieldset.question');
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      if ((await q.locator('label.segment.is-checked').count()) > 0) continue;
      const yes = q.locator('label.segment', { hasText: /^Yes$/ });
      if ((await yes.count()) > 0) await yes.click();
      else await q.locator('label.segment').filter({ hasNotText: 'N/A' }).last().click();
    }
    await e.shot(page, 'autoqa-workspace-decided');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.locator('.header-figures .badge').textContent()).toBe('Submitted');
    // Read back, the stored decisions show on the questions.
    await expect.poll(() => close.locator('.auto-decision').textContent()).toBe('Overridden');
    expect(await greeting.locator('.auto-decision').textContent()).toBe('Accepted');

    const stored = await page.evaluate(async (id) => {
      const r = await fetch(`/api/evaluations/${encodeURIComponent(id)}`);
      return ((await r.json()) as EvaluationResponse).evaluation.autoAnswers;
    }, evaluationId);
    const decisions = Object.fromEntries(stored.map((a) => [a.questionId, [a.decision, a.finalValue]]));
    expect(decisions.greeting).toEqual(['accepted', true]);
    expect(decisions.polite_close).toEqual(['overridden', true]);
    expect(stored.find((a) => a.questionId === 'polite_close')?.proposed).toBe(false);
    const proposals = stored.filter((a) => a.proposes);
    expect(proposals.every((a) => a.decidedBy === 'qa' && a.decidedAt !== null)).toBe(true);
    // Where AutoQA's N/A gave a question no answer, the monitor's own answer decides nothing.
    expect(stored.filter((a) => !a.proposes).every((a) => a.decision === null)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("walks a QA lead through AutoQA's accuracy: the figures are the API's", async () => {
    const { page, errors } = await open('qalead');
    await page.getByRole('link', { name: 'AutoQA accuracy' }).click();
    await page.waitForURL(/\/autoqa\/accuracy/);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/autoqa/accuracy?period=2026-10');
      return (await r.json()) as AccuracyResponse;
    });
    expect(api.evaluations).toBeGreaterThanOrEqual(1);
    const farewell = api.checks.find((c) => c.key === 'farewell');
    // The monitor above overrode AutoQA's farewell: at least that disagreement is counted (the
    // demo's own evaluations of transcribed calls add theirs).
    expect(farewell?.all.fp).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('positive-class').textContent()).toMatch(/“fail” as the positive result/);
    const rows = page.locator('table.aq-accuracy-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(api.checks.length);
    for (const c of api.checks) {
      const row = page.locator(`table.aq-accuracy-table tr[data-check="${c.key}"]`);
      for (const col of ['n', 'tp', 'fp', 'fn', 'tn'] as const)
        expect(await row.locator(`td[data-col="${col}"]`).textContent(), `${c.key} ${col}`).toBe(
          String(c.all[col]),
        );
    }
    expect(await page.locator('tr[data-check="farewell"] td[data-col="precision"]').textContent()).toBe('0%');
    // The language's tab shows the same calls: they are all English.
    await page.getByRole('tab', { name: 'English' }).click();
    expect(await page.locator('tr[data-check="farewell"] td[data-col="fp"]').textContent()).toBe(
      String(farewell?.byLanguage.en?.fp),
    );
    const disagreements = page.locator('table.aq-disagreements tbody tr');
    expect(await disagreements.count()).toBe(api.disagreements.length);
    expect(await disagreements.filter({ hasText: callId }).count()).toBeGreaterThanOrEqual(1);
    await e.shot(page, 'autoqa-accuracy-en');
    expect(await findOverflow(page)).toEqual([]);
    for (const language of ['ru', 'ro'] as const) {
      await inLanguage(page, language);
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(api.checks.length);
      await e.shot(page, `autoqa-accuracy-${language}`);
      expect(await findOverflow(page), language).toEqual([]);
    }
    await inLanguage(page, 'en');
    await disagreements.first().waitFor();
    await disagreements.filter({ hasText: callId }).first().getByRole('link', { name: evaluationId }).click();
    await page.waitForURL(/\/evaluations\/EV-/);
    expect(decodeURIComponent(page.url())).toContain(evaluationId);
    expect(errors).toEqual([]);
    await page.close();
  });
});
