import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Analytics } from '../../stores/duckdb.ts';
import { rawTokens } from '../../stores/segment-words.sql.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a file whose segments predate their stored words gets them cut once, when it is opened', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscore-words-'));
  const file = path.join(dir, 'analytics.duckdb');
  const texts = ['Good morning, Nord Distribution', 'ulei de floarea-soarelui', '  two  spaces '];
  // A file as version 7 left it: segments without words.
  const old = await Analytics.open(file);
  await old.rows('ALTER TABLE transcript_segments DROP COLUMN words');
  await old.rows('UPDATE schema_version SET version = 7');
  for (const [i, text] of texts.entries())
    await old.rows(
      `INSERT INTO transcript_segments (call_id, seq, speaker, start_s, end_s, text) VALUES ('C1', $seq, 'agent', 0, 1, $text)`,
      { seq: i + 1, text },
    );
  old.close();

  const reopened = await Analytics.open(file);
  try {
    const rows = await reopened.rows('SELECT words FROM transcript_segments ORDER BY seq');
    expect(rows.map((r) => r.words)).toEqual(texts.map(rawTokens));
    const [v] = await reopened.rows('SELECT max(version) AS v FROM schema_version');
    expect(Number(v?.v)).toBe(9);
  } finally {
    reopened.close();
  }
});
