import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFile } from '../../etl/import-file.ts';
import { toCsv } from '../../fixtures/demo/csv.ts';
import { buildWorld, rosterRows } from '../../fixtures/demo/generate.ts';
import { writeCallsCsv } from '../../fixtures/demo/stream-calls.ts';
import { DEMO_RECORDINGS } from '../../fixtures/recordings/index.ts';
import { openDataDir } from '../../server/runtime.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { gib, measure, peakRss } from './memory.ts';

const TIME_ZONE = 'Europe/Chisinau';
/** Targets of the design point (docs/architecture.md, Scale): the import near DuckDB's own reader. */
const TARGET_RATIO = 1.5;
const TARGET_RSS = 3 * 1024 ** 3;

/**
 * `npm run bench -- etl [--calls 10000000] [--operators 2000] [--bad 0] [--dir /tmp] [--keep] [--csv FILE]`
 *
 * `--bad N` writes N of the calls, spread over the file, with a direction no schema knows: the
 * import then quarantines them, which costs it a second reading of the file.
 * Writes N demo calls as a canonical CSV (streamed, never held in memory; `--csv` reuses one kept
 * by `--keep` from an earlier run with the same `--calls` and `--operators`), then times in this
 * process (a) DuckDB's bare `CREATE TABLE … AS SELECT * FROM read_csv(file)` into a fresh file and
 * (b) the real `callscore import calls` path into a fresh data directory (roster loaded first,
 * not timed), then (a) again, and prints them, the ratio of (b) to the mean of (a), the import's time
 * per step and the peak resident memory.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', default: '10000000' },
      operators: { type: 'string', default: '2000' },
      bad: { type: 'string', default: '0' },
      dir: { type: 'string', default: tmpdir() },
      keep: { type: 'boolean', default: false },
      csv: { type: 'string' },
    },
  });
  const calls = Number(values.calls);
  const operators = Number(values.operators);
  const badRows = Number(values.bad);
  if (!Number.isInteger(calls) || calls < 1) throw new Error('--calls must be a whole number');
  if (!Number.isInteger(badRows) || badRows < 0 || badRows > calls)
    throw new Error('--bad must be a whole number of calls');
  const work = mkdtempSync(path.join(values.dir, 'callscore-bench-etl-'));
  const file = values.csv ? path.resolve(values.csv) : path.join(work, 'calls.csv');
  try {
    const world = buildWorld({
      operators,
      month: '2026-10',
      seed: 1,
      timeZone: TIME_ZONE,
      recordings: DEMO_RECORDINGS.map((r) => `demo/${r}`),
    });
    if (values.csv) {
      console.log(`reusing ${file}, ${(statSync(file).size / 1024 ** 2).toFixed(0)} MiB of CSV`);
    } else {
      const gen = await measure(() => writeCallsCsv(world, file, { calls, badRows }));
      // Written out before anything is timed: the disk taking the new file must not slow (a).
      const fd = openSync(file, 'r');
      fsyncSync(fd);
      closeSync(fd);
      const size = statSync(file).size;
      console.log(
        `generated ${gen.result.calls.toLocaleString('en')} calls (${badRows} of them bad), ${(size / 1024 ** 2).toFixed(0)} MiB of CSV in ${gen.seconds.toFixed(1)} s`,
      );
    }

    // (a) is timed before and after (b), and (b) compared with their mean: on a shared machine,
    // load that comes and goes while the benchmark runs then weighs on both sides alike.
    const bareCtas = async (round: number) => {
      const db = path.join(work, `bare-${round}.duckdb`);
      const bare = await measure(async () => {
        const instance = await DuckDBInstance.create(db);
        const c = await instance.connect();
        await c.run('CREATE TABLE t AS SELECT * FROM read_csv($file)', { file });
        c.closeSync();
        instance.closeSync();
      });
      rmSync(db, { force: true });
      console.log(`(a) bare read_csv CTAS:   ${bare.seconds.toFixed(1)} s   peak RSS ${gib(bare.peakRss)}`);
      return bare.seconds;
    };
    const before = await bareCtas(1);

    const dataDir = path.join(work, 'data');
    const rt = await openDataDir(dataDir, { webDir: null });
    let imported: Awaited<ReturnType<typeof measure<Awaited<ReturnType<typeof importFile>>>>>;
    const timings: Record<string, number> = {};
    try {
      await writeSetting(rt.db, 'timeZone', TIME_ZONE, 'bench');
      const roster = rosterRows(world);
      for (const kind of ['teams', 'operators'] as const) {
        const rosterFile = path.join(work, `${kind}.csv`);
        writeFileSync(rosterFile, toCsv(kind, roster[kind]));
        await importFile(rt, { kind, file: rosterFile, actor: 'bench', timeZone: TIME_ZONE });
      }
      imported = await measure(() =>
        importFile(rt, { kind: 'calls', file, actor: 'bench', timeZone: TIME_ZONE, timings }),
      );
    } finally {
      await rt.close();
    }
    const r = imported.result;
    console.log(
      `(b) callscore import calls: ${imported.seconds.toFixed(1)} s   peak RSS ${gib(imported.peakRss)}` +
        `   (read ${r.read}, loaded ${r.loaded}, quarantined ${r.quarantined}, duplicates ${r.duplicates})`,
    );
    // A step "(alongside)" runs beside the others: it takes no time of its own.
    const steps = Object.entries(timings)
      .filter(([, s]) => s >= 0.05)
      .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
      .join(', ');
    const accounted = Object.entries(timings)
      .filter(([step]) => !step.includes('(alongside)'))
      .reduce((a, [, s]) => a + s, 0);
    console.log(`    steps: ${steps}; other ${(imported.seconds - accounted).toFixed(1)} s`);
    const bare = (before + (await bareCtas(2))) / 2;
    const ratio = imported.seconds / bare;
    const hwm = peakRss();
    console.log(
      `ratio (b)/mean (a): ${ratio.toFixed(2)} (mean (a) ${bare.toFixed(1)} s)   target ≤ ${TARGET_RATIO}   ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`,
    );
    console.log(
      `peak RSS of the process (VmHWM): ${gib(hwm)}   target < ${gib(TARGET_RSS)}   ${hwm < TARGET_RSS ? 'ok' : 'MISSED'}`,
    );
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}
