import { mkdirSync } from 'node:fs';
import { bumpStoredVersion } from '../../stores/data-version.ts';
import { LAKE_TABLES } from '../../stores/lake/layout.ts';
import type { Stores } from '../../stores/stores.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { readLakeState, writeLakeState } from './lake-state.ts';
import { removeStrayFiles, syncTable, type TableSync } from './partitions.ts';
import { stageOperational } from './qa-rows.ts';
import { CALL_MONTHS_SQL, evaluationMonthsView, lakeTableSql } from './queries/lake-tables.sql.ts';
import { stageScorecards } from './scorecard-rows.ts';

export interface LakeSyncReport {
  root: string;
  tables: Omit<TableSync, 'state'>[];
  /** Temporary files a killed run had left, removed first. */
  strays: number;
  seconds: number;
}

/**
 * Writes the lake at `root` from the two stores: every table of stores/lake/layout.ts, only the
 * partitions whose rows changed since the last sync (docs/lake.md). The state is saved after each
 * table, so a run killed at any moment leaves each file old or new and the next run goes on.
 * When a file changed, the store's data version moves: processes answering from the lake drop
 * the figures they computed from the files before.
 */
export async function syncLake(stores: Stores, root: string): Promise<LakeSyncReport> {
  const started = performance.now();
  mkdirSync(root, { recursive: true });
  const strays = removeStrayFiles(root);
  const state = readLakeState(root);
  const settings = await readSettings(stores.db);
  const sources = lakeTableSql(settings.timeZone);
  const tables: Omit<TableSync, 'state'>[] = [];
  await stores.analytics.withConnection(async (c) => {
    // Times the operational store keeps as text without an offset are UTC.
    await c.run(`SET SESSION TimeZone = 'UTC'`);
    const months = (await c.runAndReadAll(CALL_MONTHS_SQL, { tz: settings.timeZone }))
      .getRowObjectsJson()
      .map((r) => String(r.m));
    // Scoring first: it settles what it derives into the operational store (each claim's pay
    // month), which the QA tables then read as it is.
    await stageScorecards(stores, c, months);
    await stageOperational(stores.db, c);
    await c.run(evaluationMonthsView(settings.timeZone));
    for (const table of LAKE_TABLES) {
      const source = sources[table.name];
      if (!source) throw new Error(`no SQL for lake table ${table.name}`);
      const { state: written, ...done } = await syncTable(
        c,
        root,
        table,
        source,
        state.tables[table.name] ?? {},
      );
      state.tables[table.name] = written;
      await writeLakeState(root, state);
      tables.push(done);
    }
  });
  if (tables.some((t) => t.rewritten.length > 0 || t.removed.length > 0)) await bumpStoredVersion(stores.db);
  return { root, tables, strays, seconds: Math.round((performance.now() - started) / 10) / 100 };
}

/** The report as `callscore lake sync` prints it: each file written or removed, then the totals. */
export function describeSync(r: LakeSyncReport): string {
  const lines: string[] = [];
  if (r.strays > 0) lines.push(`removed ${r.strays} temporary file(s) of an earlier run that was cut short`);
  let rewritten = 0;
  let unchanged = 0;
  let removed = 0;
  for (const t of r.tables) {
    for (const p of t.rewritten)
      lines.push(`rewrote ${t.table}${p.month === '' ? '' : `/month=${p.month}`} (${p.rows} rows)`);
    for (const m of t.removed) lines.push(`removed ${t.table}/month=${m} (no rows left)`);
    if (t.unplaced > 0) lines.push(`left out ${t.unplaced} ${t.table} row(s) of calls not in the store`);
    rewritten += t.rewritten.length;
    unchanged += t.unchanged;
    removed += t.removed.length;
  }
  lines.push(
    `lake ${r.root}: ${rewritten} file(s) rewritten, ${removed} removed, ${unchanged} unchanged in ${r.seconds} s`,
  );
  return lines.join('\n');
}
