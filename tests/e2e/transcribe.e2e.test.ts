import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { RECORDINGS_DIR } from '../../fixtures/recordings/index.ts';
import { dataFiles, openDataDir } from '../../server/runtime.ts';
import { DEBIAN_MODEL } from '../../server/transcribe/engines/pocketsphinx.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';
import { onPath } from '../helpers/transcribe.ts';

const have = onPath('pocketsphinx_continuous') && onPath('sox') && existsSync(DEBIAN_MODEL);
if (!have) {
  console.warn(
    'skipped: pocketsphinx or sox is not installed (apt-get install pocketsphinx pocketsphinx-en-us sox libsox-fmt-all)',
  );
}

/** Seconds kept of each demo recording: what is under test is the page, not the engine's speed. */
const KEEP_S = 8;
const HEADER =
  'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n';

/**
 * Beside the demo's October (transcribed already), three November calls without transcripts: two
 * with short cuts of the demo's English recordings, one whose recording is not there.
 */
async function addUntranscribedCalls(dir: string) {
  const into = path.join(dataFiles(dir).recordings, 'e2e');
  mkdirSync(into, { recursive: true });
  for (const n of ['01', '02']) {
    execFileSync('sox', [
      path.join(RECORDINGS_DIR, `call-${n}.ogg`),
      path.join(into, `call-${n}.ogg`),
      'trim',
      '0',
      String(KEEP_S),
    ]);
  }
  const rt = await openDataDir(dir, { webDir: null });
  try {
    const op = await rt.db
      .selectFrom('operators')
      .select('operator_id')
      .orderBy('operator_id')
      .executeTakeFirstOrThrow();
    const row = (id: string, day: string, recording: string) =>
      `${id},2026-11-${day}T10:00:00+02:00,2026-11-${day}T10:00:00+02:00,2026-11-${day}T10:00:05+02:00,2026-11-${day}T10:01:00+02:00,inbound,${op.operator_id},,,sales,answered,order,completed,55,0,10,,${recording}\n`;
    const file = path.join(path.dirname(dir), 'calls-november.csv');
    writeFileSync(
      file,
      HEADER +
        row('E2E-STT-1', '03', 'e2e/call-01.ogg') +
        row('E2E-STT-2', '04', 'e2e/call-02.ogg') +
        row('E2E-STT-LOST', '05', 'e2e/not-there.ogg'),
    );
    const report = await importFile(rt, { kind: 'calls', file, actor: 'test', timeZone: 'Europe/Chisinau' });
    if (report.quarantined) throw new Error(JSON.stringify(report.quarantine));
  } finally {
    await rt.close();
  }
}

let e: E2E;
beforeAll(async () => {
  if (!have) return;
  e = await startE2E({ operators: 6, month: '2026-10', months: 1, prepare: addUntranscribedCalls });
}, 300_000);
afterAll(() => e?.stop());

describe.skipIf(!have)('the speech-to-text page in Chromium', () => {
  it('starts a month with pocketsphinx, shows the progress, then the failures, in three languages', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('link', { name: 'Speech to text' }).click();
    await page.waitForURL(/\/transcribe$/);

    // The newest month is offered first: November, whose calls have no transcript.
    await expect
      .poll(() => page.getByLabel('Month', { exact: true }).inputValue(), { timeout: 15_000 })
      .toBe('2026-11');
    await page.getByLabel('Engine', { exact: true }).selectOption('pocketsphinx');
    await page.getByLabel('Language of the calls', { exact: true }).selectOption('en');
    await page.getByLabel('Calls at once', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Start' }).click();
    const progress = page.getByTestId('transcribe-progress');
    await expect.poll(() => progress.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => progress.textContent(), { timeout: 15_000 })
      .toMatch(/November 2026: pocketsphinx, \d of 3 calls transcribed/);
    await e.shot(page, 'transcribe-running');

    const last = page.getByTestId('transcribe-last');
    await expect.poll(() => last.count(), { timeout: 240_000, interval: 1000 }).toBe(1);
    expect(await last.textContent()).toMatch(
      /^Last run \(November 2026, pocketsphinx\): 2 of 3 calls transcribed, 1 failed\. Real-time factor \d+\.\d\d\.$/,
    );
    const failures = page.getByTestId('transcribe-failures');
    await expect.poll(() => failures.textContent(), { timeout: 10_000 }).toContain('E2E-STT-LOST');
    expect(await failures.textContent()).toContain('recording missing:');
    await e.shot(page, 'transcribe');

    // The transcripts went in through the importer: the call has one, its words pocketsphinx's.
    const transcript = await page.evaluate(async () => {
      const r = await fetch('/api/calls/E2E-STT-1/transcript');
      return { status: r.status, body: await r.json() };
    });
    expect(transcript.status).toBe(200);
    expect(JSON.stringify(transcript.body)).toContain('pocketsphinx');

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await expect.poll(() => page.getByRole('heading', { name: 'Расшифровать месяц' }).count()).toBe(1);
    expect(await last.textContent()).toMatch(/^Последний запуск \(.+, pocketsphinx\): расшифровано 2 из 3/);
    await expect.poll(() => page.getByRole('button', { name: 'Повторить неудавшиеся' }).count()).toBe(1);
    await e.shot(page, 'transcribe-ru');
    await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('ro');
    await expect.poll(() => page.getByRole('heading', { name: 'Transcrie o lună' }).count()).toBe(1);
    expect(await last.textContent()).toMatch(
      /^Ultima rulare \(.+, pocketsphinx\): 2 din 3 apeluri transcrise/,
    );
    await e.shot(page, 'transcribe-ro');

    // The retry tries the failed call again, and it fails again for the same reason.
    await page.getByRole('button', { name: 'Reîncearcă eșecurile' }).click();
    await expect
      .poll(() => last.textContent(), { timeout: 60_000 })
      .toMatch(/^Ultima rulare \(.+, pocketsphinx\): 0 din 1 apeluri transcrise, 1 eșuate/);
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('is not in a department head’s menu, and its API refuses him', async () => {
    const page = await e.browser.newPage();
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByRole('navigation').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Speech to text' }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/transcribe/job')).status);
    expect(status).toBe(403);
    await page.close();
  });
});
