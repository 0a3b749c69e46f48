import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLakeSync } from '../../server/lake/background.ts';
import { syncLake } from '../../server/lake/sync.ts';
import { Analytics } from '../../stores/duckdb.ts';
import { LAKE_FACT_TABLES, type LakeTable, partitionFile, tableGlob } from '../../stores/lake/layout.ts';
import { lakeEnv, lakeFiles } from '../helpers/lake.ts';
import { importCsv, type TestEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let root: string;

beforeAll(async () => {
  env = await lakeEnv();
  root = path.join(env.dir, 'lake');
});
afterAll(() => env.dispose());

const rewritten = (r: Awaited<ReturnType<typeof syncLake>>) =>
  r.tables.flatMap((t) => t.rewritten.map((p) => `${t.table}/${p.month}`));

/** A table's rows as a reader of the lake sees them (the folders' month as a column), sorted. */
async function lakeRows(table: LakeTable): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    // A table with no rows at all has no file (an unpartitioned one always has its one).
    if (!existsSync(path.join(root, table.name))) return [];
    const glob = tableGlob(root, table).replace(/'/g, "''");
    const reader = await c.runAndReadAll(
      `SELECT * FROM read_parquet('${glob}', hive_partitioning = ${table.partitioned}) ORDER BY ALL`,
    );
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('the lake', () => {
  it('holds every fact table as the store has it, each row in its month in the company zone', async () => {
    const report = await syncLake(env.rt, root);
    expect(rewritten(report)).toEqual(
      expect.arrayContaining(['calls/2026-10', 'calls/2026-11', 'claims/2026-10']),
    );
    for (const table of LAKE_FACT_TABLES) {
      const stored = await env.rt.analytics.rows(`SELECT * FROM ${table.name} ORDER BY ALL`);
      const read = (await lakeRows(table)).map(({ month, ...rest }) => rest);
      expect(read, table.name).toEqual(stored);
    }
    // 23:30 UTC on 1 October is 2 October in Chisinau; 09:00 on 1 November (+02:00) November.
    const calls = await lakeRows(LAKE_FACT_TABLES[0] as LakeTable);
    const monthOf = (id: string) => calls.find((c) => c.call_id === id)?.month;
    expect([monthOf('C1'), monthOf('C7')]).toEqual(['2026-10', '2026-11']);
    // The QA data and the scorecards, by the month of the claim's pay period and of the score.
    const claims = await lakeRows({ name: 'claims', source: 'qa', partitioned: true });
    expect(claims.map((c) => [c.claim_id, c.month])).toEqual([
      ['CLM-1', '2026-10'],
      ['CLM-2', '2026-10'],
      ['CLM-3', '2026-11'],
    ]);
    const scorecards = await lakeRows({ name: 'scorecards', source: 'scorecards', partitioned: true });
    expect(scorecards.filter((s) => s.month === '2026-10').map((s) => s.operatorId)).toEqual([
      'OP-1',
      'OP-2',
      'OP-3',
    ]);
  });

  it('a second sync with no change rewrites nothing', async () => {
    const file = partitionFile(root, 'calls', '2026-10');
    const before = statSync(file).mtimeMs;
    const files = lakeFiles(root);
    const report = await syncLake(env.rt, root);
    expect(rewritten(report)).toEqual([]);
    expect(report.tables.flatMap((t) => t.removed)).toEqual([]);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(lakeFiles(root)).toEqual(files);
  });

  it("a change in one month rewrites only that month's partitions; a month left empty is removed", async () => {
    await importCsv(
      env,
      'calls',
      'more.csv',
      'call_id,started_at,answered_at,ended_at,direction,operator_id,client_id,queue,disposition,task_type,outcome,talk_s\n' +
        'C8,2026-11-03T10:00:00+02:00,2026-11-03T10:00:05+02:00,2026-11-03T10:01:05+02:00,inbound,OP-2,CL1,sales,answered,order,completed,60\n',
      'Europe/Chisinau',
    );
    const report = await syncLake(env.rt, root);
    const months = new Set(report.tables.flatMap((t) => t.rewritten.map((p) => p.month)));
    expect([...months]).toEqual(['2026-11']);
    expect(rewritten(report)).toEqual(expect.arrayContaining(['calls/2026-11', 'scorecards/2026-11']));

    // The only November claim deleted: its partition goes.
    await env.rt.db.deleteFrom('claim_periods').where('claim_id', '=', 'CLM-3').execute();
    await env.rt.db.deleteFrom('claims').where('claim_id', '=', 'CLM-3').execute();
    const second = await syncLake(env.rt, root);
    expect(second.tables.find((t) => t.table === 'claims')?.removed).toEqual(['2026-11']);
    expect(existsSync(partitionFile(root, 'claims', '2026-11'))).toBe(false);
  });

  it('a store over the lake reads the tables synced after it opened', async () => {
    const later = path.join(env.dir, 'lake-later');
    const store = await Analytics.overLake(later);
    try {
      expect(await store.rows('SELECT count(*)::INTEGER AS n FROM calls')).toEqual([{ n: 0 }]);
      await syncLake(env.rt, later);
      await store.refreshLake();
      const stored = await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM calls');
      expect(await store.rows('SELECT count(*)::INTEGER AS n FROM calls')).toEqual(stored);
      expect(stored[0]?.n).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('the importing process syncs a configured lake by itself after an import', async () => {
    const other = path.join(env.dir, 'lake-kept');
    const stop = startLakeSync(env.rt, other, 50);
    try {
      await until(() => existsSync(partitionFile(other, 'calls', '2026-11')));
      const report = await importCsv(
        env,
        'calls',
        'december.csv',
        'call_id,started_at,direction,operator_id,disposition\nC20,2026-12-01T10:00:00+02:00,inbound,OP-1,abandoned\n',
        'Europe/Chisinau',
      );
      expect(report.loaded, JSON.stringify(report)).toBe(1);
      await until(() => existsSync(partitionFile(other, 'calls', '2026-12')));
    } finally {
      await stop();
    }
  });
});

async function until(done: () => boolean, ms = 15_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > ms) throw new Error(`not done after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
