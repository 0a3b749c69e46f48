import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../etl/import-file.ts';
import { shiftPeriod } from '../../fixtures/demo/time.ts';
import type { ImportReport } from '../../schemas/import-report.ts';
import { TRANSCRIPTS } from '../../schemas/kinds.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { currentRuleSet, saveRuleSet } from '../autoqa/rules.service.ts';
import { runAutoqa } from '../autoqa/run.ts';

/** A month of the demo checked by AutoQA: how many transcribed calls. */
export interface DemoAutoqaRun {
  period: string;
  checked: number;
}

/** The company as its operators say it on the phone, in Latin and in Cyrillic letters. */
export const DEMO_COMPANY_NAMES = ['Nord Distribution', 'Норд Дистрибьюшн'];

/**
 * The demo's rule set: the default one with the company's name as it is said on the phone (the
 * settings' name, "… — call center", is not what an operator says), stored as a QA lead's edit.
 */
export async function nameTheCompany(stores: Stores, actor: string): Promise<void> {
  const rules = await currentRuleSet(stores.db);
  await saveRuleSet(
    stores.db,
    rules.checks.map((c) =>
      c.key === 'introduction' && c.kind === 'opening-phrase'
        ? { ...c, companyNames: DEMO_COMPANY_NAMES }
        : c,
    ),
    actor,
  );
}

/**
 * AutoQA's inputs and results in the demo: the product catalogue and the recorded calls'
 * transcripts loaded through the importer (after the calls), then every month checked, so the
 * results are there when the demo opens.
 */
export async function loadDemoAutoqa(
  stores: Stores,
  opts: {
    inputDir: string;
    products: string;
    transcripts: string;
    month: string;
    months: number;
    timeZone: string;
    actor: string;
  },
): Promise<{ reports: ImportReport[]; runs: DemoAutoqaRun[] }> {
  const reports: ImportReport[] = [];
  const runs: DemoAutoqaRun[] = [];
  for (const [kind, file, text] of [
    ['products', 'products.csv', opts.products],
    [TRANSCRIPTS, 'transcripts.jsonl', opts.transcripts],
  ] as const) {
    const target = path.join(opts.inputDir, file);
    writeFileSync(target, text, 'utf8');
    reports.push(
      await importFile(stores, { kind, file: target, actor: opts.actor, timeZone: opts.timeZone }),
    );
  }
  await nameTheCompany(stores, opts.actor);
  for (let back = opts.months - 1; back >= 0; back--) {
    const period = shiftPeriod(opts.month, -back);
    const run = await runAutoqa(stores, period);
    await audit(stores.db, {
      actor: opts.actor,
      action: 'run',
      entity: 'autoqa',
      entityId: period,
      after: { period, rulesVersion: run.rulesVersion, checked: run.checked },
    });
    runs.push({ period, checked: run.checked });
  }
  return { reports, runs };
}
