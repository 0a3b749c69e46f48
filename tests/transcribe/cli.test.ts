import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../server/runtime.ts';
import { CLI, cli } from '../helpers/cli.ts';
import { FAKE_WHISPER, onPath, transcribeDataDir } from '../helpers/transcribe.ts';

const haveSox = onPath('sox') && onPath('soxi');
if (!haveSox) console.warn('skipped: sox is not installed (apt-get install sox libsox-fmt-all)');
const RECORDED = ['REC-EN-01', 'REC-EN-02', 'REC-EN-03', 'REC-EN-04', 'REC-EN-05', 'REC-EN-06'];
const COMMAND = `${FAKE_WHISPER} {wav}`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
async function freshDir() {
  const d = await transcribeDataDir();
  dirs.push(d);
  return d;
}

async function stored(dataDir: string) {
  const rt = await openDataDir(dataDir, { webDir: null });
  try {
    const transcripts = await rt.analytics.rows(
      'SELECT call_id, engine, segment_count FROM transcripts ORDER BY call_id',
    );
    const failures = await rt.analytics.rows(
      'SELECT call_id, reason FROM transcribe_failures ORDER BY call_id',
    );
    const segments = await rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM transcript_segments');
    const speakers = await rt.analytics.rows(
      'SELECT call_id, speaker, count(*)::INTEGER AS n FROM transcript_segments GROUP BY ALL ORDER BY ALL',
    );
    return {
      transcripts,
      failures,
      segments: Number(segments[0]?.n),
      speakers: speakers.map((r) => [r.call_id, r.speaker, r.n]),
    };
  } finally {
    await rt.close();
  }
}

describe.skipIf(!haveSox)('callscore transcribe with a command engine', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await freshDir();
    // A MixMonitor-style stereo file for one call: agent on channel 1, customer on channel 2.
    const demo = path.join(dir, 'recordings', 'demo');
    const stereo = path.join(demo, 'call-03-stereo.ogg');
    execFileSync('sox', ['-M', path.join(demo, 'call-03.ogg'), path.join(demo, 'call-05.ogg'), stereo]);
    renameSync(stereo, path.join(demo, 'call-03.ogg'));
  });

  it('transcribes the recorded calls, lists and stores the failures, and a second run retries only those', async () => {
    const first = await cli([
      'transcribe',
      '--period',
      '2026-10',
      '--engine',
      'command',
      '--command',
      COMMAND,
      '--batch',
      '4',
      '--data',
      dir,
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['imported 4 transcripts', 'imported 2 transcripts']);
    expect(lines[2]).toMatch(
      /^2026-10: 6 of 8 calls transcribed with fake-whisper\.mjs \(263 s of audio in \d+ s, real-time factor \d+\.\d\d\), 2 failed$/,
    );
    expect(lines.slice(3)).toEqual([
      `  REC-MISSING: recording missing: ${path.join(dir, 'recordings', 'demo', 'no-such-call.ogg')}`,
      "  REC-TOO-LONG: recording is 47.1 s, longer than the call's 20.0 s: not this call's recording?",
      '  (stored; tried again on the next run)',
    ]);
    const after = await stored(dir);
    expect(after.transcripts.map((t) => t.call_id)).toEqual(RECORDED);
    expect(after.transcripts.every((t) => t.engine === 'fake-whisper.mjs')).toBe(true);
    // Mono: three segments of an unknown speaker; stereo: each channel's three, by who spoke.
    expect(after.transcripts.map((t) => t.segment_count)).toEqual([3, 3, 6, 3, 3, 3]);
    expect(after.speakers).toEqual([
      ['REC-EN-01', 'unknown', 3],
      ['REC-EN-02', 'unknown', 3],
      ['REC-EN-03', 'agent', 3],
      ['REC-EN-03', 'customer', 3],
      ['REC-EN-04', 'unknown', 3],
      ['REC-EN-05', 'unknown', 3],
      ['REC-EN-06', 'unknown', 3],
    ]);
    expect(after.failures.map((f) => f.call_id)).toEqual(['REC-MISSING', 'REC-TOO-LONG']);

    const second = await cli([
      'transcribe',
      '--period',
      '2026-10',
      '--engine',
      'command',
      '--command',
      COMMAND,
      '--data',
      dir,
    ]);
    expect(second.stdout).toMatch(/^2026-10: 0 of 2 calls transcribed with fake-whisper\.mjs .*, 2 failed\n/);
    expect((await stored(dir)).segments).toBe(21);

    // The transcripts went in through the importer, so AutoQA checks them.
    const qa = await cli(['autoqa', '--period', '2026-10', '--format', 'json', '--data', dir]);
    expect(qa.code).toBe(0);
    expect((JSON.parse(qa.stdout) as { callId: string }[]).map((r) => r.callId).sort()).toEqual(RECORDED);
  }, 120_000);

  it('refuses bad flags and a missing engine with one clear line', async () => {
    const lang = await cli(['transcribe', '--period', '2026-10', '--language', 'ro', '--data', dir]);
    expect([lang.code, lang.stderr]).toEqual([
      2,
      'callscore: pocketsphinx reads English only: --language en or auto\n',
    ]);
    const engine = await cli(['transcribe', '--period', '2026-10', '--engine', 'vosk', '--data', dir]);
    expect(engine.stderr).toBe('callscore: --engine must be one of pocketsphinx, command, sherpa-onnx\n');
    const sherpa = await cli([
      'transcribe',
      '--period',
      '2026-10',
      '--engine',
      'sherpa-onnx',
      '--model',
      '/nonexistent',
      '--data',
      dir,
    ]);
    expect([sherpa.code, sherpa.stderr]).toEqual([1, 'callscore: no model folder /nonexistent\n']);
    const absent = await cli([
      'transcribe',
      '--period',
      '2026-10',
      '--engine',
      'command',
      '--command',
      'no-such-whisper-cli -f {wav}',
      '--workers',
      '2',
      '--data',
      dir,
    ]);
    expect([absent.code, absent.stderr]).toEqual([
      1,
      "callscore: the command engine's program is not installed: no-such-whisper-cli\n",
    ]);
  }, 60_000);
});

describe.skipIf(!haveSox)('a kill -9 in the middle of a run', () => {
  it('loses at most the batch in flight: the next run does the rest, every call transcribed once', async () => {
    const dir = await freshDir();
    const log = path.join(dir, 'engine.log');
    const child = spawn(
      process.execPath,
      [
        CLI,
        'transcribe',
        '--period',
        '2026-10',
        '--engine',
        'command',
        '--command',
        COMMAND,
        '--batch',
        '2',
        '--data',
        dir,
      ],
      {
        cwd: tmpdir(),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FAKE_WHISPER_LOG: log, FAKE_WHISPER_DELAY_MS: '700' },
      },
    );
    let out = '';
    const killed = new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('imported 2 transcripts')) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    await killed;
    expect(child.signalCode).toBe('SIGKILL');
    const between = await stored(dir);
    const firstRun = readFileSync(log, 'utf8').trim().split('\n');
    // Killed after its first batch: some calls are in, not all.
    expect(between.transcripts.length).toBeGreaterThanOrEqual(2);
    expect(between.transcripts.length).toBeLessThan(RECORDED.length);

    const again = await cli(
      ['transcribe', '--period', '2026-10', '--engine', 'command', '--command', COMMAND, '--data', dir],
      {
        env: { FAKE_WHISPER_LOG: log },
      },
    );
    expect(again.code).toBe(0);
    const after = await stored(dir);
    expect(after.transcripts.map((t) => t.call_id)).toEqual(RECORDED);
    expect(after.segments).toBe(RECORDED.length * 3);
    // No call in before the kill was transcribed again; the rest were, once each in the second run.
    const secondRun = readFileSync(log, 'utf8').trim().split('\n').slice(firstRun.length);
    const inBefore = between.transcripts.map((t) => String(t.call_id));
    expect(secondRun.filter((c) => inBefore.includes(c))).toEqual([]);
    expect(secondRun.filter((c) => RECORDED.includes(c)).sort()).toEqual(
      RECORDED.filter((c) => !inBefore.includes(c)),
    );
  }, 120_000);
});
