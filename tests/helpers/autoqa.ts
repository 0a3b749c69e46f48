import path from 'node:path';
import { importFile } from '../../etl/import-file.ts';
import { currentRuleSet, saveRuleSet } from '../../server/autoqa/rules.service.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import type { Stores } from '../../stores/stores.ts';

export const AUTOQA_SAMPLE = path.join(import.meta.dirname, '..', 'fixtures', 'autoqa');

/** Loads a folder of the sample's shape in its README's order, the company in Europe/Chisinau. */
export async function loadAutoqaSample(stores: Stores, dir = AUTOQA_SAMPLE): Promise<void> {
  const timeZone = 'Europe/Chisinau';
  await writeSetting(stores.db, 'timeZone', timeZone, 'test');
  for (const kind of ['teams', 'operators', 'clients', 'debts'] as const) {
    const report = await importFile(stores, {
      kind,
      file: path.join(dir, `${kind}.csv`),
      actor: 'test',
      timeZone,
    });
    if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
  }
  // Through the importer, as a center loads them: the catalogue, the calls, then their transcripts.
  for (const [kind, file] of [
    ['products', 'products.csv'],
    ['calls', 'calls.csv'],
    ['transcripts', 'transcripts.jsonl'],
  ] as const) {
    const report = await importFile(stores, { kind, file: path.join(dir, file), actor: 'test', timeZone });
    if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
  }
}

/**
 * The company as the sample's calls name it: the settings' name, and the Russian speakers' way of
 * saying it as a rule-set edit (the golden labels read the introduction so).
 */
export async function nameTheCompany(stores: Stores): Promise<void> {
  await writeSetting(stores.db, 'companyName', 'Nord Distribution', 'test');
  const rules = await currentRuleSet(stores.db);
  await saveRuleSet(
    stores.db,
    rules.checks.map((c) =>
      c.key === 'introduction' && c.kind === 'opening-phrase'
        ? { ...c, companyNames: ['Норд Дистрибьюшн'] }
        : c,
    ),
    'test',
  );
}
