import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile } from '../../etl/import-file.ts';
import { openDataDir } from '../../server/runtime.ts';
import { gib, measure } from './memory.ts';

/** Words a call is made of: the segments' text is drawn from them, a realistic length apart. */
const WORDS = (
  'good morning nord distribution this is olga how can i help you i need sugar twenty bags and rice ' +
  'ten bags can i offer you sunflower oil biscuits are selling well tuna is on promotion deliver tomorrow ' +
  'friday between eight and twelve thank you goodbye добрый день меня зовут ольга сахар мука масло ' +
  'bună ziua vă mulțumesc livrare mâine zahăr ulei făină'
).split(' ');

/** A deterministic stream of numbers in [0, 1), so that two runs write the same file. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function write(file: string, lines: Iterable<string>) {
  const out = createWriteStream(file);
  for (const line of lines)
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** N transcripts of about `segments` segments each, one JSON object per line, as the canonical format. */
function* transcriptLines(n: number, segments: number) {
  const rnd = random(7);
  const languages = ['en', 'ru', 'ro'];
  for (let i = 1; i <= n; i++) {
    const count = Math.max(1, Math.round(segments * (0.5 + rnd())));
    let t = rnd() * 2;
    const segs = [];
    for (let k = 0; k < count; k++) {
      const words = Array.from(
        { length: 4 + Math.floor(rnd() * 12) },
        () => WORDS[Math.floor(rnd() * WORDS.length)],
      );
      const length = words.length * 0.35;
      segs.push({
        speaker: k % 2 ? 'customer' : 'agent',
        start_s: Math.round(t * 100) / 100,
        end_s: Math.round((t + length) * 100) / 100,
        text: words.join(' '),
        confidence: Math.round((0.6 + rnd() * 0.4) * 100) / 100,
      });
      t += length + rnd();
    }
    yield `${JSON.stringify({ call_id: `T${i}`, language: languages[i % 3], engine: 'bench', segments: segs })}\n`;
  }
}

/**
 * `npm run bench -- transcripts [--transcripts 100000] [--segments 30] [--dir /tmp] [--keep]`
 *
 * Writes N calls and N canonical JSON Lines transcripts of about `--segments` segments each, then
 * times in this process (a) DuckDB's bare `read_json` of the file into a table of its segments
 * (`unnest`), in a fresh DuckDB file, and (b) the real `callscore import transcripts` into a fresh
 * data directory (the calls loaded first, not timed), with its time per step; then (c) the same
 * transcripts in another file (another checksum), every one found equal to the stored one.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      transcripts: { type: 'string', default: '100000' },
      segments: { type: 'string', default: '30' },
      dir: { type: 'string', default: tmpdir() },
      keep: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.transcripts);
  const segments = Number(values.segments);
  if (!Number.isInteger(n) || n < 1) throw new Error('--transcripts must be a whole number');
  const work = mkdtempSync(path.join(values.dir, 'callscore-bench-transcripts-'));
  try {
    const calls = path.join(work, 'calls.csv');
    const file = path.join(work, 'transcripts.jsonl');
    const gen = await measure(async () => {
      await write(
        calls,
        (function* () {
          yield 'call_id,started_at,direction,disposition\n';
          for (let i = 1; i <= n; i++) yield `T${i},2026-10-01T09:00:00Z,inbound,answered\n`;
        })(),
      );
      await write(file, transcriptLines(n, segments));
    });
    console.log(
      `generated ${n.toLocaleString('en')} transcripts, ${(statSync(file).size / 1024 ** 2).toFixed(0)} MiB of JSON Lines in ${gen.seconds.toFixed(1)} s`,
    );

    const bare = async (round: number) => {
      const db = path.join(work, `bare-${round}.duckdb`);
      const m = await measure(async () => {
        const instance = await DuckDBInstance.create(db);
        const c = await instance.connect();
        await c.run(
          `CREATE TABLE s AS SELECT call_id, language, unnest(segments, recursive := true)
           FROM read_json($file, format = 'newline_delimited')`,
          { file },
        );
        const rows = (await c.runAndReadAll('SELECT count(*) FROM s')).getRows()[0]?.[0];
        c.closeSync();
        instance.closeSync();
        return Number(rows);
      });
      rmSync(db, { force: true });
      console.log(
        `(a) bare read_json + unnest into a table: ${m.seconds.toFixed(1)} s, ${m.result.toLocaleString('en')} segments   peak RSS ${gib(m.peakRss)}`,
      );
      return m.seconds;
    };
    const before = await bare(1);

    const rt = await openDataDir(path.join(work, 'data'), { webDir: null });
    const timings: Record<string, number> = {};
    try {
      await importFile(rt, { kind: 'calls', file: calls, actor: 'bench', timeZone: 'UTC' });
      const imported = await measure(() =>
        importFile(rt, { kind: 'transcripts', file, actor: 'bench', timeZone: 'UTC', timings }),
      );
      const r = imported.result;
      console.log(
        `(b) callscore import transcripts: ${imported.seconds.toFixed(1)} s   peak RSS ${gib(imported.peakRss)}   ` +
          `(segments: read ${r.read}, loaded ${r.loaded}; transcripts loaded ${r.transcripts?.loaded})`,
      );
      console.log(
        `    steps: ${Object.entries(timings)
          .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
          .join(', ')}`,
      );
      // The same transcripts again under another checksum: each compared with the stored one.
      const copy = path.join(work, 'again.jsonl');
      writeFileSync(copy, '\n', { flag: 'w' });
      await write(
        copy,
        (function* () {
          yield '\n';
          yield* transcriptLines(n, segments);
        })(),
      );
      const again = await measure(() =>
        importFile(rt, { kind: 'transcripts', file: copy, actor: 'bench', timeZone: 'UTC' }),
      );
      console.log(
        `(c) the same transcripts in another file: ${again.seconds.toFixed(1)} s   (duplicates ${again.result.transcripts?.duplicates})`,
      );
    } finally {
      await rt.close();
    }
    const after = await bare(2);
    console.log(`mean (a): ${((before + after) / 2).toFixed(1)} s`);
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}
