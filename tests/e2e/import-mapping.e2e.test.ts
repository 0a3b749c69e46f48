import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ operators: 6, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

describe('an export read through a mapping on the imports page, in Chromium', () => {
  it('maps the columns, previews, saves the mapping by name, reuses it and imports', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL(/\/imports$/);

    // An agent of the demo by one of his PBX ids.
    const [header, first] = readFileSync(path.join(e.dir, 'demo-input', 'operators.csv'), 'utf8').split('\n');
    const col = (header ?? '').split(',').indexOf('pbx_ids');
    const extension = ((first ?? '').split(',')[col] ?? '').split(';')[0] as string;
    const file = path.join(path.dirname(e.dir), 'pbx-export.csv');
    writeFileSync(
      file,
      'Id;Start;Status;Agent;Talk\n' +
        `m1;01/10/2026 09:00:00;ANSWER;${extension};00:03:15\n` +
        'm2;01/10/2026 09:05:00;NO ANSWER;;00:00:00\n' +
        'm3;31/09/2026 09:10:00;ANSWER;999;00:01:00\n',
    );

    const panel = page.getByRole('region', { name: 'Read an export through a mapping' });
    await panel.getByLabel('Export file').setInputFiles(file);
    await panel.getByLabel('Delimiter').selectOption(';');
    // The file's header is offered in every column's list.
    const from = (c: string) => panel.getByLabel(`${c}: from the file`);
    await expect.poll(() => from('call_id').locator('option').allTextContents()).toContain('Agent');
    await from('call_id').selectOption('Id');
    await from('started_at').selectOption('Start');
    await panel.getByLabel('started_at: time format').fill('%d/%m/%Y %H:%M:%S');
    await from('direction').selectOption({ label: 'A fixed value…' });
    await panel.getByLabel('direction: fixed value').fill('inbound');
    await from('disposition').selectOption('Status');
    await panel.getByLabel('disposition: value map').fill('ANSWER=answered; NO ANSWER=no_answer');
    await panel.getByLabel('disposition: value map').blur();
    await from('operator_id').selectOption('Agent');
    await panel.getByText("The agent's PBX id").click();
    await from('talk_s').selectOption('Talk');
    await panel.getByLabel('talk_s: written as').selectOption('hms');

    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => panel.getByTestId('preview-counts').textContent(), { timeout: 20_000 })
      .toBe('Read 3, would load 2, would quarantine 1');
    const rows = panel.locator('.preview-table tbody');
    await expect.poll(() => rows.textContent()).toMatch(/^2m1.*inbound.*answered195/);
    await expect.poll(() => panel.locator('.quarantine-table tbody').textContent()).toMatch(/^4.*started_at/);
    await e.shot(page, 'imports-mapping-preview');

    await panel.getByLabel('Save as (name)').fill('Test PBX');
    await panel.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Saved as “Test PBX”.');

    // A fresh page: the saved mapping is chosen by name and fills the form again.
    await page.reload();
    const again = page.getByRole('region', { name: 'Read an export through a mapping' });
    await expect
      .poll(() => again.getByLabel('Saved mapping').locator('option').allTextContents())
      .toContain('Test PBX');
    await again.getByLabel('Saved mapping').selectOption('Test PBX');
    await expect.poll(() => again.getByLabel('call_id: from the file').inputValue()).toBe('Id');
    await expect
      .poll(() => again.getByLabel('disposition: value map').inputValue())
      .toBe('ANSWER=answered; NO ANSWER=no_answer');
    await again.getByLabel('Export file').setInputFiles(file);
    await again.getByRole('button', { name: 'Import through the mapping' }).click();
    await expect
      .poll(() => page.getByTestId('import-report').textContent(), { timeout: 20_000 })
      .toMatch(/Read\s*3.*Loaded\s*2.*Quarantined\s*1/s);
    await e.shot(page, 'imports-mapping');

    // The same screen in Russian and Romanian.
    for (const lang of ['ru', 'ro'] as const) {
      await page.getByRole('combobox', { name: /Language|Язык|Limba/ }).selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const region = page.getByRole('region', {
        name:
          lang === 'ru'
            ? 'Чтение выгрузки через сопоставление'
            : 'Citirea unui export printr-o corespondență',
      });
      await region.getByLabel(lang === 'ru' ? 'Файл выгрузки' : 'Fișierul exportului').setInputFiles(file);
      await region.getByRole('button', { name: lang === 'ru' ? 'Предпросмотр' : 'Previzualizare' }).click();
      await expect
        .poll(() => region.getByTestId('preview-counts').textContent(), { timeout: 20_000 })
        .toMatch(lang === 'ru' ? /^Прочитано 3, будет загружено 2/ : /^Citite 3, s-ar încărca 2/);
      await e.shot(page, `imports-mapping-${lang}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
