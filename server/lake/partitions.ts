import { existsSync, mkdirSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { killPoint } from '../../etl/kill-point.ts';
import { type LakeTable, MONTH_KEY, partitionFile, TMP_FILE, tableDir } from '../../stores/lake/layout.ts';
import { type Fingerprint, replaceFile } from './lake-state.ts';
import type { LakeTableSql } from './queries/lake-tables.sql.ts';

/** What one table's sync did, partition by partition ('' is an unpartitioned table's one file). */
export interface TableSync {
  table: string;
  rewritten: { month: string; rows: number }[];
  removed: string[];
  unchanged: number;
  /** Rows of a partitioned table with no month (a transcript whose call is not stored). */
  unplaced: number;
  state: Record<string, Fingerprint>;
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Each partition's fingerprint: its row count and the XOR of its rows' hashes, so any row added,
 * removed or changed moves it, whatever the order the rows come in.
 */
async function fingerprints(c: DuckDBConnection): Promise<Map<string | null, Fingerprint>> {
  const reader = await c.runAndReadAll(
    'SELECT __month AS month, count(*) AS n, bit_xor(hash(t))::VARCHAR AS h FROM lake_src t GROUP BY ALL',
  );
  const out = new Map<string | null, Fingerprint>();
  for (const r of reader.getRowObjectsJson())
    out.set(r.month === null ? null : String(r.month), { rows: Number(r.n), hash: String(r.h) });
  return out;
}

const same = (a: Fingerprint | undefined, b: Fingerprint) => a?.rows === b.rows && a.hash === b.hash;

/**
 * Brings one table's files in line with its rows: a partition whose fingerprint moved (or whose
 * file is missing) is written anew and renamed into place, one that no longer has rows is removed,
 * the rest are left as they are.
 */
export async function syncTable(
  c: DuckDBConnection,
  root: string,
  table: LakeTable,
  source: LakeTableSql,
  before: Record<string, Fingerprint>,
): Promise<TableSync> {
  await c.run(`CREATE OR REPLACE TEMP VIEW lake_src AS ${source.sql}`);
  const prints = await fingerprints(c);
  const result: TableSync = {
    table: table.name,
    rewritten: [],
    removed: [],
    unchanged: 0,
    unplaced: 0,
    state: {},
  };
  const wanted = new Map<string, Fingerprint>();
  if (table.partitioned) {
    for (const [month, fp] of prints) {
      if (month === null) result.unplaced += fp.rows;
      else if (MONTH_KEY.test(month)) wanted.set(month, fp);
      else throw new Error(`${table.name}: a row's month is ${month}`);
    }
  } else {
    // One file, written even when empty, so a reader always finds the table and its columns.
    wanted.set('', prints.get(null) ?? { rows: 0, hash: '0' });
  }

  for (const [key, fp] of wanted) {
    const month = key === '' ? null : key;
    const file = partitionFile(root, table.name, month);
    if (same(before[key], fp) && existsSync(file)) {
      result.unchanged++;
      result.state[key] = fp;
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    // The month is a checked `YYYY-MM` and the path the writer's own: written into the text
    // because COPY's target and a temp view's filter take no bound parameters.
    const where = month === null ? '__month IS NULL' : `__month = ${sqlText(month)}`;
    await replaceFile(
      file,
      async (tmp) => {
        await c.run(
          `COPY (SELECT * EXCLUDE (__month) FROM lake_src WHERE ${where} ORDER BY ${source.order})
           TO ${sqlText(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
        );
      },
      () => killPoint('lake-before-rename'),
    );
    killPoint('lake-after-rename');
    result.rewritten.push({ month: key, rows: fp.rows });
    result.state[key] = fp;
  }

  // Partitions on disk with no rows now: the month's rows were deleted or moved to another month.
  if (table.partitioned && existsSync(tableDir(root, table.name))) {
    for (const entry of readdirSync(tableDir(root, table.name))) {
      const month = entry.startsWith('month=') ? entry.slice('month='.length) : null;
      if (month === null || !MONTH_KEY.test(month) || wanted.has(month)) continue;
      const file = partitionFile(root, table.name, month);
      if (existsSync(file)) unlinkSync(file);
      rmSync(path.dirname(file), { recursive: true, force: true });
      result.removed.push(month);
    }
  }
  return result;
}

/** Removes the temporary files a writer killed in the middle left; returns how many. */
export function removeStrayFiles(root: string): number {
  if (!existsSync(root)) return 0;
  let removed = 0;
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 2) walk(full, depth + 1);
      else if (entry.isFile() && TMP_FILE.test(entry.name)) {
        unlinkSync(full);
        removed++;
      }
    }
  };
  walk(root, 0);
  return removed;
}
