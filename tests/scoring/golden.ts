import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../etl/import-file.ts';
import { KIND_NAMES } from '../../schemas/kinds.ts';
import { DEFAULT_PAY_RULE } from '../../schemas/pay-rule.ts';
import type { Scorecard } from '../../schemas/scorecard.ts';
import { addPayRule } from '../../server/scoring/pay-rules.repository.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import type { TestEnv } from '../helpers/runtime.ts';

export const GOLDEN = path.join(import.meta.dirname, 'golden');
export const GOLDEN_ZONE = 'Europe/Chisinau';

export const expectedScorecards = (period: string): Scorecard[] =>
  JSON.parse(readFileSync(path.join(GOLDEN, 'expected', `${period}.json`), 'utf8'));

/**
 * Loads the golden input folder through the real importer, in dependency order, with the
 * settings and department rules the expected files were computed with.
 */
export async function loadGolden(env: TestEnv): Promise<void> {
  await writeSetting(env.rt.db, 'timeZone', GOLDEN_ZONE, 'test');
  await writeSetting(env.rt.db, 'currency', 'MDL', 'test');
  for (const kind of KIND_NAMES) {
    const file = path.join(GOLDEN, 'input', `${kind}.csv`);
    if (!existsSync(file)) continue;
    const report = await importFile(env.rt, { kind, file, actor: 'test', timeZone: GOLDEN_ZONE });
    if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
  }
  await addPayRule(
    env.rt.db,
    { department: 'Service', validFrom: '2026-10-01', rule: { ...DEFAULT_PAY_RULE, floor: 0.5 } },
    'test',
  );
  await addPayRule(
    env.rt.db,
    { department: 'Service', validFrom: '2026-11-01', rule: { ...DEFAULT_PAY_RULE, floor: 0.9 } },
    'test',
  );
}
