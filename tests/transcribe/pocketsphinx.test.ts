import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { wordErrorRate } from '../../core/word-error-rate.ts';
import { DEMO_SCRIPTS } from '../../fixtures/recordings/index.ts';
import { openDataDir } from '../../server/runtime.ts';
import { DEBIAN_MODEL } from '../../server/transcribe/engines/pocketsphinx.ts';
import { cli } from '../helpers/cli.ts';
import { onPath, transcribeDataDir } from '../helpers/transcribe.ts';

const have = onPath('pocketsphinx_continuous') && onPath('sox') && existsSync(DEBIAN_MODEL);
if (!have) {
  console.warn(
    'skipped: pocketsphinx or sox is not installed (apt-get install pocketsphinx pocketsphinx-en-us sox libsox-fmt-all)',
  );
}

/**
 * Measured on the demo's six English dialogues (synthetic voices, which the US English model hears
 * badly): pooled WER 0.934, each call from 0.85 to 1.05. The decoder is deterministic, so the bound
 * sits a little above what it gives, not at a hoped-for figure.
 */
const WER_BOUND = 0.97;

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!have)('callscore transcribe with pocketsphinx, end to end', () => {
  it("transcribes the demo's English recordings, within the measured WER, and AutoQA checks them", async () => {
    dir = await transcribeDataDir();
    const r = await cli(['transcribe', '--period', '2026-10', '--workers', '2', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /2026-10: 6 of 8 calls transcribed with pocketsphinx \(261 s of audio in \d+ s, real-time factor \d+\.\d\d\), 2 failed/,
    );

    const rt = await openDataDir(dir, { webDir: null });
    let rows: Record<string, unknown>[];
    try {
      rows = await rt.analytics.rows(`
        SELECT t.call_id, t.language, t.engine, t.speakers_known, c.recording,
          string_agg(s.text, ' ' ORDER BY s.seq) AS text, bool_and(s.speaker = 'unknown') AS mono
        FROM transcripts t JOIN transcript_segments s USING (call_id) JOIN calls c USING (call_id)
        GROUP BY ALL ORDER BY t.call_id`);
    } finally {
      await rt.close();
    }
    expect(rows.map((x) => [x.call_id, x.language, x.engine, x.speakers_known, x.mono])).toEqual(
      ['01', '02', '03', '04', '05', '06'].map((n) => [`REC-EN-${n}`, 'en', 'pocketsphinx', false, true]),
    );
    const pairs = rows.map((x) => {
      const script = DEMO_SCRIPTS[String(x.recording).replace(/^demo\//, '')];
      if (!script) throw new Error(`no script for ${x.recording}`);
      return { reference: script.segments.map((s) => s.text).join(' '), hypothesis: String(x.text) };
    });
    const wer = wordErrorRate(pairs);
    console.log(
      `pocketsphinx on the demo's English recordings: WER ${wer.toFixed(3)}; ${r.stdout.split('\n')[1]}`,
    );
    expect(wer).toBeLessThan(WER_BOUND);

    const qa = await cli(['autoqa', '--period', '2026-10', '--format', 'json', '--data', dir]);
    expect(qa.code).toBe(0);
    const checked = JSON.parse(qa.stdout) as { callId: string; checks: Record<string, string> }[];
    expect(checked.map((c) => c.callId)).toEqual(rows.map((x) => x.call_id));
    expect(checked.every((c) => Object.keys(c.checks).length === 12)).toBe(true);
  }, 900_000);
});
