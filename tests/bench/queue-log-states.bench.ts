import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importFile } from '../../etl/import-file.ts';
import { openDataDir, type Runtime } from '../../server/runtime.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';

const TIME_ZONE = 'UTC';
const DAY0 = Date.UTC(2026, 9, 1) / 1000;

/** A small deterministic generator: the same seed, the same files. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * One day of a center's queue_log: every operator added to two queues in the morning, a lunch
 * paused in both (PAUSEALL and a PAUSE per queue, as app_queue writes it), a pause in one queue
 * alone, `calls` answered calls between, removed in the evening. Lines in time order.
 */
function dayLog(day: number, operators: number, calls: number, rand: () => number): string[] {
  const base = DAY0 + day * 86400;
  const lines: [number, string][] = [];
  const add = (t: number, callid: string, queue: string, agent: string, event: string, ...data: string[]) =>
    lines.push([t, [t, callid, queue, agent, event, ...data].join('|')]);
  let callNo = 0;
  for (let o = 0; o < operators; o++) {
    const agent = `PJSIP/${1000 + o}`;
    const login = base + 8 * 3600 + Math.floor(rand() * 900);
    const lunch = base + 12 * 3600 + Math.floor(rand() * 1800);
    const coaching = base + 15 * 3600 + Math.floor(rand() * 1800);
    const logout = base + 17 * 3600 + Math.floor(rand() * 900);
    for (const q of ['sales', 'support']) add(login, 'MANAGER', q, agent, 'ADDMEMBER', '');
    add(lunch, 'NONE', 'NONE', agent, 'PAUSEALL', '');
    for (const q of ['sales', 'support']) add(lunch, 'NONE', q, agent, 'PAUSE', 'lunch');
    add(lunch + 2700, 'NONE', 'NONE', agent, 'UNPAUSEALL', '');
    for (const q of ['sales', 'support']) add(lunch + 2700, 'NONE', q, agent, 'UNPAUSE', '');
    add(coaching, 'NONE', 'sales', agent, 'PAUSE', 'coaching');
    add(coaching + 600, 'NONE', 'sales', agent, 'UNPAUSE', '');
    for (let c = 0; c < calls; c++) {
      const at = login + Math.floor(((logout - login) * (c + rand() * 0.5)) / calls);
      const id = `${at}.${day * 1_000_000 + callNo++}`;
      const wait = 5 + Math.floor(rand() * 30);
      const talk = 60 + Math.floor(rand() * 240);
      add(at, id, 'sales', 'NONE', 'ENTERQUEUE', '', `0690${String(callNo).padStart(5, '0')}`, '1');
      add(at + wait, id, 'sales', agent, 'CONNECT', String(wait), `${at}.9`, '3');
      add(at + wait + talk, id, 'sales', agent, 'COMPLETECALLER', String(wait), String(talk), '1');
    }
    for (const q of ['sales', 'support']) add(logout, 'MANAGER', q, agent, 'REMOVEMEMBER', '');
  }
  return lines.sort((a, b) => a[0] - b[0]).map(([, l]) => l);
}

async function freshDir(work: string, name: string, operators: number): Promise<Runtime> {
  const dir = path.join(work, name);
  const rt = await openDataDir(dir, { webDir: null });
  await writeSetting(rt.db, 'timeZone', TIME_ZONE, 'bench');
  const roster = path.join(work, `${name}-operators.csv`);
  writeFileSync(path.join(work, 'teams.csv'), 'team_id,name,department\nT1,Desk,Sales\n');
  writeFileSync(
    roster,
    `operator_id,name,team_id,pbx_ids\n${Array.from({ length: operators }, (_, o) => `OP-${o},Operator ${o},T1,${1000 + o}`).join('\n')}\n`,
  );
  await importFile(rt, {
    kind: 'teams',
    file: path.join(work, 'teams.csv'),
    actor: 'bench',
    timeZone: TIME_ZONE,
  });
  await importFile(rt, { kind: 'operators', file: roster, actor: 'bench', timeZone: TIME_ZONE });
  return rt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * `npm run bench -- queue-log-states [--operators 100] [--days 30] [--calls 40] [--dir /tmp]`
 *
 * Writes `--days` daily queue_log files of `--operators` operators (two queues, a lunch paused in
 * both, a pause in one, `--calls` answered calls a day each), then times (a) the days imported one
 * by one into one data directory, as rotated files come, and (b) the whole month as one file into
 * a fresh one: each import's seconds and, of them, the rebuilding of the operators' states.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      operators: { type: 'string', default: '100' },
      days: { type: 'string', default: '30' },
      calls: { type: 'string', default: '40' },
      dir: { type: 'string', default: tmpdir() },
    },
  });
  const operators = Number(values.operators);
  const days = Number(values.days);
  const calls = Number(values.calls);
  const work = mkdtempSync(path.join(values.dir, 'callscore-bench-qlog-'));
  try {
    const rand = rng(1);
    const files: string[] = [];
    let lineCount = 0;
    for (let d = 0; d < days; d++) {
      const lines = dayLog(d, operators, calls, rand);
      lineCount += lines.length;
      const file = path.join(work, `queue_log-${String(d).padStart(2, '0')}`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      files.push(file);
    }
    console.log(`${days} daily files, ${lineCount} lines, ${operators} operators, ${calls} calls each a day`);

    const daily = await freshDir(work, 'daily', operators);
    const seconds: number[] = [];
    const states: number[] = [];
    try {
      for (const file of files) {
        const timings: Record<string, number> = {};
        const started = performance.now();
        await importFile(daily, { kind: 'calls', file, actor: 'bench', timeZone: TIME_ZONE, timings });
        seconds.push((performance.now() - started) / 1000);
        states.push(timings['operator states'] ?? 0);
      }
      const [row] = await daily.analytics.rows('SELECT count(*)::INTEGER AS n FROM operator_states');
      console.log(
        `(a) day by day: median ${median(seconds).toFixed(3)} s a day, of which operator states ${median(states).toFixed(3)} s; last day ${seconds.at(-1)?.toFixed(3)} s (states ${states.at(-1)?.toFixed(3)} s); ${row?.n} states`,
      );
    } finally {
      await daily.close();
    }

    const whole = path.join(work, 'queue_log-month');
    writeFileSync(whole, files.map((f) => readFileSync(f, 'utf8')).join(''));
    const month = await freshDir(work, 'month', operators);
    try {
      const timings: Record<string, number> = {};
      const started = performance.now();
      await importFile(month, { kind: 'calls', file: whole, actor: 'bench', timeZone: TIME_ZONE, timings });
      const total = (performance.now() - started) / 1000;
      console.log(
        `(b) the month as one file: ${total.toFixed(2)} s, of which operator states ${(timings['operator states'] ?? 0).toFixed(2)} s`,
      );
    } finally {
      await month.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
