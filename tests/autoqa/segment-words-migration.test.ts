import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DUCKDB_MIGRATIONS } from '../../stores/duckdb/migrations.ts';
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
    // Every later step ran too: the file is at the newest version.
    expect(Number(v?.v)).toBe(DUCKDB_MIGRATIONS.at(-1)?.version);
  } finally {
    reopened.close();
  }
});

test('a file from before the stem numbers gets its lexicon numbered, one number per stem, when it is opened', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscore-stems-'));
  const file = path.join(dir, 'analytics.duckdb');
  // A file as version 8 left it: a lexicon without numbers, segments without them.
  const old = await Analytics.open(file);
  await old.rows('ALTER TABLE transcript_segments DROP COLUMN stems');
  await old.rows('ALTER TABLE autoqa_lexicon DROP COLUMN stem_id');
  for (const t of ['autoqa_stems', 'autoqa_patterns', 'autoqa_places', 'autoqa_searched'])
    await old.rows(`DROP TABLE ${t}`);
  await old.rows('UPDATE schema_version SET version = 8');
  await old.rows(`INSERT INTO autoqa_lexicon VALUES ('en', 'oil', 'oil', 1), ('en', 'oils', 'oil', 1),
    ('en', 'deliver', 'deliv', 1), ('ro', 'ulei', 'ulei', 1)`);
  old.close();

  const reopened = await Analytics.open(file);
  try {
    const rows = await reopened.rows(
      `SELECT l.word, l.stem_id, s.stem FROM autoqa_lexicon l JOIN autoqa_stems s USING (stem_id) ORDER BY l.word`,
    );
    expect(rows.map((r) => [r.word, r.stem])).toEqual([
      ['deliver', 'deliv'],
      ['oil', 'oil'],
      ['oils', 'oil'],
      ['ulei', 'ulei'],
    ]);
    const ids = new Map(rows.map((r) => [String(r.word), Number(r.stem_id)]));
    expect(ids.get('oil')).toBe(ids.get('oils'));
    expect(new Set(ids.values()).size).toBe(3);
    const [segments] = await reopened.rows(
      `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'transcript_segments' AND column_name = 'stems'`,
    );
    expect(Number(segments?.n)).toBe(1);
  } finally {
    reopened.close();
  }
});
