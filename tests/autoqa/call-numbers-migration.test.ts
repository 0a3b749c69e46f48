import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Analytics } from '../../stores/duckdb.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a file whose kept places are keyed by the call id has them dropped, to be searched again, when it is opened', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscore-call-numbers-'));
  const file = path.join(dir, 'analytics.duckdb');
  // A file as version 10 left it: places and marks keyed by the call's text id, with rows.
  const old = await Analytics.open(file);
  await old.rows('DROP TABLE autoqa_places');
  await old.rows('DROP TABLE autoqa_searched');
  await old.rows('DROP TABLE autoqa_call_numbers');
  await old.rows(`CREATE TABLE autoqa_places (call_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    pattern_id INTEGER NOT NULL, pos INTEGER NOT NULL, speaker VARCHAR NOT NULL, start_s DOUBLE, end_s DOUBLE)`);
  await old.rows('CREATE TABLE autoqa_searched (call_id VARCHAR NOT NULL, upto INTEGER NOT NULL)');
  await old.rows(`INSERT INTO autoqa_places VALUES ('C1', 1, 1, 1, 'agent', 0, 1)`);
  await old.rows(`INSERT INTO autoqa_searched VALUES ('C1', 1)`);
  await old.rows('UPDATE schema_version SET version = 10');
  old.close();

  const reopened = await Analytics.open(file);
  try {
    const columns = await reopened.rows(
      `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_name IN ('autoqa_places', 'autoqa_searched', 'autoqa_call_numbers') AND column_name LIKE 'call%'
      ORDER BY table_name, column_name`,
    );
    expect(columns.map((r) => `${r.table_name}.${r.column_name}`)).toEqual([
      'autoqa_call_numbers.call_id',
      'autoqa_call_numbers.call_no',
      'autoqa_places.call_no',
      'autoqa_searched.call_no',
    ]);
    // Nothing kept: the next run searches every call again (and numbers it).
    const [kept] = await reopened.rows(
      'SELECT (SELECT count(*) FROM autoqa_places) + (SELECT count(*) FROM autoqa_searched) AS n',
    );
    expect(Number(kept?.n)).toBe(0);
  } finally {
    reopened.close();
  }
});
