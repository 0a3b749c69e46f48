import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { SMALL, tempDir } from '../helpers/runtime.ts';

let root: string;
let data: string;
beforeAll(async () => {
  root = tempDir();
  data = path.join(root, 'data');
  const files = {
    'teams.csv': SMALL.teams,
    'operators.csv': SMALL.operators,
    'calls.csv':
      'call_id,started_at,direction,disposition,operator_id,recording\n' +
      'V1,2026-10-01T09:00:00Z,inbound,answered,OP-1,\n' +
      'V2,2026-10-01T10:00:00Z,inbound,answered,OP-2,2026/10/01/rec-v2.wav\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  for (const kind of ['teams', 'operators', 'calls']) {
    const res = await cli(['import', kind, path.join(root, `${kind}.csv`), '--data', data]);
    if (res.code !== 0) throw new Error(res.stderr);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('callscore import transcripts', () => {
  it('imports every transcript file of a folder, goes on past one it cannot read, and says so', async () => {
    const folder = path.join(root, 'transcripts');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'V1.en.vtt'),
      'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Agent>Good morning\n\n00:02.000 --> 00:01.000\n<v Customer>Hi\n',
    );
    writeFileSync(
      path.join(folder, 'rec-v2.wav.json'),
      JSON.stringify({ language: 'en', segments: [{ start: 0, end: 1, text: ' Hello?' }] }),
    );
    writeFileSync(path.join(folder, 'broken.vtt'), 'not a subtitle file\n');
    writeFileSync(path.join(folder, 'notes.txt'), 'not a transcript\n');
    const res = await cli(['import', 'transcripts', folder, '--data', data]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('broken.vtt is not WebVTT');
    expect(res.stderr).toContain('1 of 3 files were not imported');
    expect(res.stdout).toContain('V1.en.vtt: read 2, loaded 1, quarantined 1, duplicates 0 segments');
    expect(res.stdout).toContain('line 6: end_s: is before start_s');
    expect(res.stdout).toContain(
      'transcripts: read 1, loaded 1 (0 replacing older ones), quarantined 0, duplicates 0',
    );
    expect(res.stdout).toContain('rec-v2.wav.json: read 1, loaded 1, quarantined 0, duplicates 0 segments');
    expect(res.stdout).not.toContain('notes.txt');

    // The same folder again: the files imported before change nothing.
    rmSync(path.join(folder, 'broken.vtt'));
    const again = await cli(['import', 'transcripts', folder, '--data', data, '--json']);
    expect(again.code).toBe(0);
    const reports = JSON.parse(again.stdout) as { status: string }[];
    expect(reports.map((r) => r.status)).toEqual(['already_imported', 'already_imported']);
  });

  it('imports the product catalogue', async () => {
    const file = path.join(root, 'products.csv');
    writeFileSync(file, 'product_id,name,synonyms,is_new\nP1,Sugar,сахар;zahăr,yes\nP2,Salt,,sometimes\n');
    const res = await cli(['import', 'products', file, '--data', data]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('read 2, loaded 1, quarantined 1, duplicates 0');
    expect(res.stdout).toContain('line 3: is_new: is not a boolean (true/false, 1/0, yes/no)');
  });
});
