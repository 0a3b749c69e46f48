import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { importFile } from '../../etl/import-file.ts';
import { KIND_NAMES } from '../../schemas/kinds.ts';
import { DEFAULT_PAY_RULE, payRule } from '../../schemas/pay-rule.ts';
import type { Scorecard } from '../../schemas/scorecard.ts';
import { addPayRule } from '../../server/scoring/pay-rules.repository.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { readJson } from '../helpers/golden.ts';
import type { TestEnv } from '../helpers/runtime.ts';

/**
 * The golden scoring cases: each folder of tests/scoring/golden holds `input/` (the canonical
 * files, one `<kind>.csv` per kind, and `case.json`), `expected/` (per scored period, worked out
 * by hand) and a README. tests/scoring/golden.test.ts runs every case; other tests load one
 * (`loadGolden(env)` is the month case) and build on it.
 */
export const GOLDEN = path.join(import.meta.dirname, 'golden');
/** The case most tests build on: October and November 2026 in Chisinau. */
export const MONTH_CASE = 'month';

/** A scored period of a case: a calendar month (a pay period) or a range of local dates `[from, to)`. */
const run = z.union([
  z.object({ period: z.string().regex(/^\d{4}-\d{2}$/) }).strict(),
  z.object({ from: z.string(), to: z.string() }).strict(),
]);
export type GoldenRun = z.infer<typeof run>;

export const goldenCase = z
  .object({
    description: z.string(),
    /** The company settings written before the import (the time zone is also the import's). */
    timeZone: z.string(),
    currency: z.string().default('EUR'),
    /** Rules saved after the import: each is the default rule with `rule`'s keys replaced. */
    payRules: z
      .array(
        z
          .object({
            department: z.string().nullable(),
            validFrom: z.string(),
            rule: z.record(z.string(), z.unknown()),
          })
          .strict(),
      )
      .default([]),
    /** The periods scored; each has its expected files (golden/README.md). */
    runs: z.array(run).min(1),
  })
  .strict();
export type GoldenCase = z.infer<typeof goldenCase>;

/** The label a run is named by, in the scorecards and the expected files: `2026-10`, `2026-10-05..2026-10-20`. */
export const runLabel = (r: GoldenRun): string => ('period' in r ? r.period : `${r.from}..${r.to}`);

export const caseDir = (name: string): string => path.join(GOLDEN, name);

export const readCase = (name: string): GoldenCase =>
  goldenCase.parse(readJson(path.join(caseDir(name), 'input', 'case.json')));

/** The month case's time zone, which tests on it read as the company's. */
export const GOLDEN_ZONE = readCase(MONTH_CASE).timeZone;

/** The expected scorecards of a case's run (what `callscore score --format json` prints). */
export const expectedScorecards = (label: string, name = MONTH_CASE): Scorecard[] =>
  JSON.parse(readFileSync(path.join(caseDir(name), 'expected', `${label}.json`), 'utf8'));

/**
 * Loads a case's input folder through the real importer, in dependency order, with the settings
 * and pay rules its expected files were computed with (its `input/case.json`).
 */
export async function loadGolden(env: TestEnv, name = MONTH_CASE): Promise<GoldenCase> {
  const spec = readCase(name);
  await writeSetting(env.rt.db, 'timeZone', spec.timeZone, 'test');
  await writeSetting(env.rt.db, 'currency', spec.currency, 'test');
  for (const kind of KIND_NAMES) {
    const file = path.join(caseDir(name), 'input', `${kind}.csv`);
    if (!existsSync(file)) continue;
    const report = await importFile(env.rt, { kind, file, actor: 'test', timeZone: spec.timeZone });
    if (report.quarantined) throw new Error(`${name}: ${kind}: ${JSON.stringify(report.quarantine)}`);
  }
  for (const r of spec.payRules) {
    const rule = payRule.parse({ ...DEFAULT_PAY_RULE, ...r.rule });
    await addPayRule(env.rt.db, { department: r.department, validFrom: r.validFrom, rule }, 'test');
  }
  return spec;
}
