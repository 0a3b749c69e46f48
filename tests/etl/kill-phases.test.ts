import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import type { KillPoint } from '../../etl/kill-point.ts';
import { openDataDir } from '../../server/runtime.ts';
import { CLI } from '../helpers/cli.ts';
import { SMALL, tempDir } from '../helpers/runtime.ts';

/**
 * An import killed (SIGKILL, a real child process) at each moment around its commits: after the
 * next start, the facts, the import log and its quarantined rows agree, whatever the moment.
 */

const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
let work: string;
const files: Record<string, string> = {};

beforeAll(() => {
  work = tempDir('callscore-kill-');
  const write = (name: string, text: string) => {
    files[name] = path.join(work, name);
    writeFileSync(files[name], text);
  };
  write('teams.csv', SMALL.teams);
  write('operators.csv', SMALL.operators);
  // Two good calls, one bad: the quarantine must survive a kill as well as the rows.
  write(
    'calls.csv',
    'call_id,started_at,direction,disposition,operator_id,talk_s\n' +
      'K1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
      'K2,yesterday,inbound,answered,OP-1,60\n' +
      'K3,2026-10-01T10:00:00Z,outbound,busy,OP-2,\n',
  );
  write(
    'claims.csv',
    'claim_id,operator_id,source,received_at,status\n' +
      'Q1,OP-1,client,2026-10-02T09:00:00Z,open\n' +
      'Q2,OP-9,client,2026-10-02T09:00:00Z,open\n',
  );
  // The sample CDR with one line whose start is not a time.
  const cdr = readFileSync(path.join(SAMPLE, 'Master.csv'), 'utf8').split('\n');
  cdr[2] = (cdr[2] as string).replace('"2026-10-05 09:13:10"', '"not a time"');
  write('Master.csv', cdr.join('\n'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function freshDir(): Promise<string> {
  const dir = tempDir('callscore-kill-data-');
  const rt = await openDataDir(dir, { webDir: null });
  try {
    for (const kind of ['teams', 'operators'] as const) {
      await importFile(rt, { kind, file: files[`${kind}.csv`] as string, actor: 't', timeZone: 'UTC' });
    }
  } finally {
    await rt.close();
  }
  return dir;
}

/** Runs `callscore import` in a child process that kills itself at `point`. */
function importKilledAt(dir: string, point: KillPoint, kind: string, file: string) {
  const child = spawn(process.execPath, [CLI, 'import', kind, file, '--data', dir], {
    cwd: tmpdir(),
    stdio: 'ignore',
    env: { ...process.env, CALLSCORE_KILL_AT: point },
  });
  return new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, signal) => resolve(signal)));
}

/** What the stores hold after the next start, for the import after the roster's two. */
async function afterRestart(
  dir: string,
  table: string,
  store: 'duckdb' | 'sqlite',
  kind: string,
  file: string,
) {
  const rt = await openDataDir(dir, { webDir: null });
  try {
    const log = await rt.db
      .selectFrom('imports')
      .select(['id', 'status', 'loaded', 'quarantined', 'report'])
      .where('id', '>', 2)
      .execute();
    const quarantine = await rt.db
      .selectFrom('import_quarantine')
      .select(['line', 'reason'])
      .where('import_id', '>', 2)
      .orderBy('line')
      .execute();
    const rows =
      store === 'duckdb'
        ? Number((await rt.analytics.rows(`SELECT count(*) AS n FROM ${table}`))[0]?.n)
        : Number(
            (
              await rt.db
                .selectFrom(table as 'claims')
                .select((e) => e.fn.countAll().as('n'))
                .execute()
            )[0]?.n,
          );
    const journal = Number((await rt.analytics.rows('SELECT count(*) AS n FROM import_journal'))[0]?.n);
    const again = await importFile(rt, { kind: kind as 'calls', file, actor: 't', timeZone: 'UTC' });
    return { log, quarantine, rows, journal, again };
  } finally {
    await rt.close();
  }
}

const cases = [
  {
    name: 'a fact kind (DuckDB)',
    kind: 'calls',
    file: 'calls.csv',
    table: 'calls',
    store: 'duckdb',
    rows: 2,
    bad: 1,
  },
  {
    name: 'an operational kind (SQLite)',
    kind: 'claims',
    file: 'claims.csv',
    table: 'claims',
    store: 'sqlite',
    rows: 1,
    bad: 1,
  },
  {
    name: 'an Asterisk CDR',
    kind: 'calls',
    file: 'Master.csv',
    table: 'pbx_cdr',
    store: 'duckdb',
    rows: 0,
    bad: 1,
  },
] as const;

describe.each(cases)('$name killed', (c) => {
  const points: KillPoint[] =
    c.store === 'sqlite' ? ['before-commit', 'after-log'] : ['before-commit', 'after-commit', 'after-log'];
  it.each(points)(
    'at %s: the stores agree after the next start',
    async (point) => {
      const dir = await freshDir();
      try {
        const file = files[c.file] as string;
        expect(await importKilledAt(dir, point, c.kind, file)).toBe('SIGKILL');
        const after = await afterRestart(dir, c.table, c.store, c.kind, file);
        expect(after.journal).toBe(0);
        if (point === 'before-commit') {
          // Nothing kept, and the log says so; the file imports afresh.
          expect(after.rows).toBe(0);
          expect(after.quarantine).toEqual([]);
          expect(after.log[0]).toMatchObject({ status: 'failed' });
          expect(after.again).toMatchObject({ status: 'done', quarantined: c.bad, duplicates: 0 });
        } else {
          const [entry] = after.log;
          expect(entry).toMatchObject({ status: 'done', quarantined: c.bad });
          expect(after.quarantine).toHaveLength(c.bad);
          if (c.rows) expect(after.rows).toBe(c.rows);
          else expect(after.rows).toBeGreaterThan(0);
          expect(entry?.loaded).toBe(c.store === 'duckdb' && c.rows === 0 ? after.rows : c.rows);
          if (point === 'after-commit') {
            expect(JSON.parse(entry?.report ?? '{}').notes.join(' ')).toMatch(/completed on the next start/);
          }
          expect(after.again.status).toBe('already_imported');
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
