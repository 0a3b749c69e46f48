import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../server/runtime.ts';
import { readSettings, writeSetting } from '../../server/settings/settings.repository.ts';
import { migrations as MIGRATIONS } from '../../stores/migrations/index.ts';
import { loadSmall, tempDir, testEnv } from '../helpers/runtime.ts';

const run = promisify(execFile);
const CLI = new URL('../../bin/callscore.js', import.meta.url).pathname;

describe('the operational store (SQLite)', () => {
  it('is created with every table, in WAL mode, and reopens without migrating twice', async () => {
    const dir = tempDir();
    const rt = await openDataDir(dir, { webDir: null });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(rt.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const tables = (await rt.db.introspection.getTables()).map((t) => t.name);
    for (const t of [
      'users',
      'sessions',
      'teams',
      'operators',
      'targets',
      'norms',
      'variable_pay',
      'claims',
      'assessments',
      'forms',
      'evaluations',
      'pay_rules',
      'pay_periods',
      'pay_snapshots',
      'claim_periods',
      'pay_exports',
      'settings',
      'audit_log',
      'imports',
      'import_quarantine',
      'evaluation_comments',
      'evaluation_disputes',
      'evaluation_assignments',
      'calibration_sessions',
      'calibration_participants',
    ]) {
      expect(tables).toContain(t);
    }
    await writeSetting(rt.db, 'currency', 'MDL', 'test');
    await rt.close();
    const again = await openDataDir(dir, { webDir: null });
    expect((await readSettings(again.db)).currency).toBe('MDL');
    const migrations = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(again.db);
    // Each migration ran once, however often the store is opened.
    expect(migrations.rows[0]?.n).toBe(Object.keys(MIGRATIONS).length);
    await again.close();
    rmSync(dir, { recursive: true });
  });
});

describe('the analytics store (DuckDB)', () => {
  it('keeps its facts across a close and reopen', async () => {
    const env = await testEnv();
    await loadSmall(env);
    await env.rt.close();
    const rt = await openDataDir(env.dir, { webDir: null, database: env.database });
    const [row] = await rt.analytics.rows(
      'SELECT count(*) AS calls, (SELECT count(*) FROM orders) AS orders FROM calls',
    );
    expect(row).toEqual({ calls: '7', orders: '3' });
    await rt.close();
    rmSync(env.dir, { recursive: true });
  });

  it('a second process gets a clear error while the store is open, not a corrupted file', async () => {
    const env = await testEnv();
    try {
      const err = await run(process.execPath, [CLI, 'settings', 'get', '--data', env.dir]).catch((e) => e);
      expect(err.code).toBe(1);
      expect(err.stderr).toMatch(/^callscore: the analytics store .* is open in another callscore process/);
    } finally {
      await env.dispose();
    }
  });
});

describe('settings', () => {
  it('default to UTC, validate time zones and currencies, and audit changes', async () => {
    const env = await testEnv();
    try {
      expect(await readSettings(env.rt.db)).toMatchObject({ timeZone: 'UTC', serviceLevelSeconds: 20 });
      await expect(writeSetting(env.rt.db, 'timeZone', 'Mars/Olympus', 'test')).rejects.toThrow(
        /IANA time zone/,
      );
      await expect(writeSetting(env.rt.db, 'currency', 'euro', 'test')).rejects.toThrow(/ISO 4217/);
      await expect(writeSetting(env.rt.db, 'colour', 'blue', 'test')).rejects.toThrow(
        /unknown setting "colour"/,
      );
      await writeSetting(env.rt.db, 'timeZone', 'Europe/Bucharest', 'test');
      const audit = await env.rt.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'setting')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: 'test',
        entity_id: 'timeZone',
        before: '"UTC"',
        after: '"Europe/Bucharest"',
      });
    } finally {
      await env.dispose();
    }
  });
});
