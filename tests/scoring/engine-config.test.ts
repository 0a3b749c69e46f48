import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { monthPeriod } from '../../schemas/period.ts';
import { syncLake } from '../../server/lake/sync.ts';
import { chdbQuery } from '../../server/scoring/engines/chdb.ts';
import { clickhouseLakeEngine } from '../../server/scoring/engines/clickhouse-lake.ts';
import { redactUrl, serverReader } from '../../server/scoring/engines/clickhouse-server.ts';
import { openFactEngine } from '../../server/scoring/engines/open-engine.ts';
import { FactEngineError } from '../../stores/facts.ts';
import { partitionFile } from '../../stores/lake/layout.ts';
import { scoredOn } from '../helpers/engines.ts';
import { tempDir, testEnv } from '../helpers/runtime.ts';
import { serveFolder } from '../helpers/static-http.ts';
import { loadGolden } from './golden.ts';

/**
 * Choosing the scoring engine (docs/clickhouse.md): what each one lacks is said plainly. A
 * ClickHouse server is tried when CALLSCORE_TEST_CLICKHOUSE_URL names one; this machine has none.
 */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A lake folder with one (empty) calls partition: enough for the checks before the engine's own. */
function stubLake(): string {
  const root = path.join(dir, 'stub-lake');
  const file = partitionFile(root, 'calls', '2026-10');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  return root;
}

describe('opening the scoring engine', () => {
  it('reads the analytics store itself for duckdb', async () => {
    expect(await openFactEngine({ engine: 'duckdb', lakeDir: path.join(dir, 'none') })).toBeUndefined();
  });

  it('refuses a lake engine without a lake, naming the folder and the way out', async () => {
    for (const engine of ['lake', 'chdb', 'clickhouse'] as const) {
      const open = openFactEngine({ engine, lakeDir: path.join(dir, 'none') });
      await expect(open).rejects.toThrow(FactEngineError);
      await expect(open).rejects.toThrow(
        /none \(CALLSCORE_LAKE_DIR\), which holds no calls partition.*=duckdb/,
      );
    }
  });

  it('asks for the server URL, and says when the server does not answer', async () => {
    const lakeDir = stubLake();
    await expect(openFactEngine({ engine: 'clickhouse', lakeDir })).rejects.toThrow(
      /needs the ClickHouse server's URL in CALLSCORE_CLICKHOUSE_URL/,
    );
    await expect(
      openFactEngine({ engine: 'clickhouse', lakeDir, clickhouseUrl: 'http://reader:secret@127.0.0.1:9' }),
    ).rejects.toThrow(/cannot reach the ClickHouse server at http:\/\/reader:\*\*\*@127\.0\.0\.1:9\//);
  });

  it('reads the lake from object storage with s3(), or from a folder of the server with file()', () => {
    const root = path.join(dir, 'lake');
    const s3 = serverReader(root, 'https://minio.local:9000/lake/');
    expect(s3.reader).toBe('s3');
    expect(s3.locate(partitionFile(root, 'calls', '2026-10'))).toBe(
      'https://minio.local:9000/lake/calls/month=2026-10/part-0.parquet',
    );
    const file = serverReader(root, 'callscore/lake');
    expect(file.reader).toBe('file');
    expect(file.locate(partitionFile(root, 'clients', null))).toBe('callscore/lake/clients/part-0.parquet');
    expect(redactUrl('http://u:p@h:8123')).toBe('http://u:***@h:8123/');
  });

  it('scores the golden month case from the lake in object storage, with s3() as a server reads it', async () => {
    // chdb stands in for the server: the same SQL, the same s3() reads, without the HTTP client.
    const env = await testEnv();
    const root = path.join(env.dir, 'lake');
    await loadGolden(env);
    await syncLake(env.rt, root);
    const bucket = await serveFolder(root, 'callscore-lake');
    const engine = clickhouseLakeEngine({
      name: 'clickhouse',
      root,
      ...serverReader(root, bucket.url),
      query: chdbQuery(),
      close: bucket.close,
    });
    try {
      for (const month of ['2026-10', '2026-11']) {
        const store = await scoredOn(env.rt, undefined, monthPeriod(month));
        expect(await scoredOn(env.rt, engine, monthPeriod(month)), month).toEqual(store);
      }
    } finally {
      await engine.close();
      await env.dispose();
    }
  });
});

/**
 * A ClickHouse server (@clickhouse/client): CALLSCORE_TEST_CLICKHOUSE_URL its URL, the test lake
 * written to CALLSCORE_TEST_CLICKHOUSE_LAKE_DIR (a folder the server reads, under its
 * user_files_path) and read by the server at CALLSCORE_TEST_CLICKHOUSE_LAKE (its path there, or an
 * http(s) prefix serving that folder; the folder itself by default).
 */
const serverUrl = process.env.CALLSCORE_TEST_CLICKHOUSE_URL;
const serverLakeDir = process.env.CALLSCORE_TEST_CLICKHOUSE_LAKE_DIR;
const skipReason = !serverUrl
  ? 'skipped: no CALLSCORE_TEST_CLICKHOUSE_URL names a ClickHouse server'
  : !serverLakeDir
    ? 'skipped: no CALLSCORE_TEST_CLICKHOUSE_LAKE_DIR names a lake folder the server reads'
    : null;
if (skipReason) console.warn(skipReason);

describe('a ClickHouse server over the lake', () => {
  it.skipIf(skipReason !== null)(
    'scores the golden month case as the store does',
    async () => {
      const env = await testEnv();
      try {
        await loadGolden(env);
        await syncLake(env.rt, serverLakeDir as string);
        const engine = await openFactEngine({
          engine: 'clickhouse',
          lakeDir: serverLakeDir as string,
          clickhouseUrl: serverUrl,
          clickhouseLake: process.env.CALLSCORE_TEST_CLICKHOUSE_LAKE,
        });
        try {
          for (const month of ['2026-10', '2026-11']) {
            const store = await scoredOn(env.rt, undefined, monthPeriod(month));
            expect(await scoredOn(env.rt, engine, monthPeriod(month)), month).toEqual(store);
          }
        } finally {
          await engine?.close();
        }
      } finally {
        await env.dispose();
      }
    },
    120_000,
  );
});
