import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/**
 * What the golden runners share (tests/etl/golden.test.ts, tests/scoring/golden.test.ts): a case
 * is a folder with a settings file (`case.json`, or `input/case.json`) and an `expected/` folder;
 * a mismatch fails softly with a diff and writes what the run gave to `<case>/-changed/<name>`,
 * under the same name as the expected file, so `diff -r <case>/expected <case>/-changed` shows
 * the whole difference (git ignores `tests/**\/-changed*`).
 */

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The case folders of `root`, sorted: those holding `marker` (a path relative to the folder). */
export function caseFolders(root: string, marker = 'case.json'): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, marker)))
    .map((d) => d.name)
    .sort();
}

/** Removes what an earlier run of the case left in `-changed/`. */
export function clearChanged(caseDir: string): void {
  rmSync(path.join(caseDir, '-changed'), { recursive: true, force: true });
}

/** How a value is written to a `-changed` file: text as it is, anything else as JSON. */
const written = (v: unknown) => (typeof v === 'string' ? v : `${JSON.stringify(v, null, 2)}\n`);

/**
 * Compares, and on a mismatch writes `actual` to `<caseDir>/-changed/<rel>` (the expected file's
 * name under `expected/`).
 */
export function compareExpected(
  caseDir: string,
  rel: string,
  actual: unknown,
  expected: unknown,
  label: string,
): void {
  if (!isDeepStrictEqual(actual, expected)) {
    const out = path.join(caseDir, '-changed', rel);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, written(actual));
  }
  expect.soft(actual, label).toEqual(expected);
}

/**
 * Compares with the expected file `<caseDir>/expected/<rel>`: a `.json` file as JSON, any other
 * as text. A missing expected file is a mismatch too (the run's output goes to `-changed/`).
 */
export function compareWithFile(caseDir: string, rel: string, actual: unknown, label: string): void {
  const file = path.join(caseDir, 'expected', rel);
  const expected = !existsSync(file)
    ? { missing: `expected/${rel}` }
    : rel.endsWith('.json')
      ? readJson(file)
      : readFileSync(file, 'utf8');
  compareExpected(caseDir, rel, actual, expected, label);
}
