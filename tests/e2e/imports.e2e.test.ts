import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 6, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

describe('the imports page in Chromium', () => {
  it('lets the admin upload a CSV, follow the job and read the report and the quarantined rows', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/imports$/);

    const file = path.join(path.dirname(e.dir), 'clients-new.csv');
    writeFileSync(
      file,
      'client_id,name,type\nNEW-1,Fresh Market,retail\nNEW-2,Bad Type,planet\nNEW-3,Kiosk,key\n',
    );
    await page.getByLabel('Kind of records').selectOption('clients');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.getByTestId('import-report');
    await expect
      .poll(() => report.textContent(), { timeout: 20_000 })
      .toMatch(/Read\s*3.*Loaded\s*2.*Quarantined\s*1/s);
    await expect.poll(() => report.textContent()).toMatch(/type: is not one of market_trader/);
    // The log lists it, and its page shows the quarantined row with its line.
    await expect.poll(() => page.locator('table').last().textContent()).toContain('clients-new.csv');
    await e.shot(page, 'imports');
    await page.getByRole('link', { name: 'All quarantined rows' }).click();
    await page.waitForURL(/\/imports\/\d+$/);
    await expect
      .poll(() => page.locator('.quarantine-table tbody').textContent())
      .toMatch(/^3.*NEW-2,Bad Type,planet/);
    await e.shot(page, 'import-detail');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the PBX a CDR comes from, and its report names it', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${e.url}/imports`);
    const cdr = path.join(path.dirname(e.dir), 'Master-branch.csv');
    writeFileSync(
      cdr,
      readFileSync(new URL('../etl/golden/two-pbx-sources/Master-branch.csv', import.meta.url)),
    );
    await page.getByLabel('Kind of records').selectOption('calls');
    await page.getByLabel('PBX (source)').fill('branch');
    await page.getByLabel('File', { exact: true }).setInputFiles(cdr);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-report').textContent(), { timeout: 20_000 })
      .toMatch(/source branch: its call ids are written branch:uniqueid/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes several transcript files at once, a job each, and shows transcripts and segments', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/imports$/);
    // The kinds by their names, the new ones among them.
    const kinds = page.getByLabel('Kind of records');
    await expect
      .poll(() => kinds.locator('option').allTextContents())
      .toEqual(expect.arrayContaining(['Calls', 'Product catalogue', 'Call transcripts']));
    // Two answered calls of the demo, a WebVTT file each, named by the call id.
    const answered = readFileSync(path.join(e.dir, 'demo-input', 'calls.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(',answered,'))
      .slice(0, 2)
      .map((l) => l.split(',')[0] as string);
    const files = answered.map((id, i) => {
      const file = path.join(path.dirname(e.dir), `${id}.vtt`);
      writeFileSync(
        file,
        `WEBVTT\nLanguage: en\n\n00:00.000 --> 00:02.000\n<v Agent>Good morning\n\n00:02.500 --> 00:04.000\n<v Customer>${i ? '' : 'Hello'}\n`,
      );
      return file;
    });
    await kinds.selectOption('transcripts');
    await page.getByLabel('Files', { exact: true }).setInputFiles(files);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const reports = page.getByTestId('import-report');
    await expect.poll(() => reports.count(), { timeout: 20_000 }).toBe(2);
    // Newest first: the second file's empty cue is quarantined, the first loads whole.
    await expect
      .poll(() => reports.nth(0).textContent(), { timeout: 20_000 })
      .toMatch(
        /Transcripts.*Read\s*1.*Loaded\s*1.*Replaced\s*0.*Segments.*Read\s*2.*Loaded\s*1.*Quarantined\s*1.*text: is empty/s,
      );
    await expect
      .poll(() => reports.nth(1).textContent(), { timeout: 20_000 })
      .toMatch(/Segments.*Read\s*2.*Loaded\s*2.*Quarantined\s*0/s);
    await expect
      .poll(() => page.locator('table').last().textContent())
      .toContain('Call transcripts · WebVTT');
    await e.shot(page, 'imports-transcripts');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows no imports link to a department head', async () => {
    const page = await e.browser.newPage();
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByRole('link', { name: 'Dashboard' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Imports' }).count()).toBe(0);
    await page.close();
  });
});
