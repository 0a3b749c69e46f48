import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_KEYS } from '../../schemas/autoqa-rules.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { openDataDir } from '../../server/runtime.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample } from '../helpers/autoqa.ts';
import { cli as runCli } from '../helpers/cli.ts';
import { storeEnv, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
/** The CLI on the same data directory and operational store as `env`. */
const cli = (args: string[]) => runCli(args, { env: storeEnv(env) });
let dir: string;

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  dir = env.dir;
  // The CLI opens the data directory itself: this process lets go of it first.
  await env.rt.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('callscore autoqa', () => {
  it('prints one object per transcribed call with exactly the spec keys', async () => {
    const r = await cli(['autoqa', '--period', '2026-10', '--format', 'json', '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const expected = JSON.parse(readFileSync(path.join(AUTOQA_SAMPLE, 'expected.json'), 'utf8'));
    expect(rows).toHaveLength(Object.keys(expected).length);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['callId', 'operatorId', 'language', 'checks', 'autoScore']);
      expect(Object.keys(row.checks as object)).toEqual(DEFAULT_CHECK_KEYS);
      expect(row.autoScore).toBeNull();
    }
    // The default rule set does not know the company's name: the settings give it ("callscore
    // demo" here), so this run's introductions are judged only on the agents' own names.
    expect(rows.find((x) => x.callId === 'SH-EN-01')).toMatchObject({
      operatorId: 'OP-EN1',
      language: 'en',
      checks: { greeting: 'pass', 'upsell-offers': 'pass', 'talk-over': 'pass' },
    });
  }, 60_000);

  it('prints a table for people, and a second run changes nothing', async () => {
    const r = await cli(['autoqa', '--period', '2026-10', '--data', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^call\s+operator\s+lang\s+greeting\s+introduction\s+new-product/);
    expect(lines[1]).toMatch(/^SH-EN-01\s+OP-EN1\s+en\s+✓\s+✓/);
    expect(lines.at(-1)).toMatch(/^passed of applicable: greeting \d+\/36,/);
    const rt = await openDataDir(dir, { webDir: null, database: env.database });
    try {
      const runs = await listAuditEntries(rt.db, { entity: 'autoqa', limit: 10 });
      expect(
        runs.map((e) => [e.actor, e.action, e.entityId, (e.after as { checked: number }).checked]),
      ).toEqual([
        ['cli', 'run', '2026-10', 0],
        ['cli', 'run', '2026-10', 36],
      ]);
    } finally {
      await rt.close();
    }
  }, 60_000);

  it('makes every call due again after a products import that changes the catalogue', async () => {
    const products = path.join(dir, 'products-more.csv');
    writeFileSync(
      products,
      `${readFileSync(path.join(AUTOQA_SAMPLE, 'products.csv'), 'utf8').trimEnd()}\nP99,Green tea,green tea;зелёный чай;ceai verde,drinks,true,,,\n`,
    );
    const imported = await cli(['import', 'products', products, '--data', dir]);
    expect(imported.code).toBe(0);
    const rt = await openDataDir(dir, { webDir: null, database: env.database });
    try {
      const [left] = await rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM autoqa_results');
      expect(left?.n).toBe(0);
      const [entry] = await listAuditEntries(rt.db, { entity: 'autoqa', limit: 1 });
      expect(entry).toMatchObject({
        actor: 'cli',
        action: 'recheck',
        after: { reason: 'products import', calls: 36 },
      });
    } finally {
      await rt.close();
    }
    const again = await cli(['autoqa', '--period', '2026-10', '--format', 'json', '--data', dir]);
    expect((JSON.parse(again.stdout) as unknown[]).length).toBe(36);
  }, 60_000);

  it('refuses a missing period or an unknown format with a usage message', async () => {
    const none = await cli(['autoqa', '--data', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--period YYYY-MM is required/);
    const bad = await cli(['autoqa', '--period', '2026-10', '--format', 'xml', '--data', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of table, json/);
  });
});
