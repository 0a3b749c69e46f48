import { describe, expect, it } from 'vitest';
import { toInstant } from '../../core/time.ts';
import { FACT_COLUMNS, FACT_KINDS } from '../../etl/facts/fact-columns.ts';
import { zoneSpans } from '../../etl/facts/zone-spans.ts';
import { RECORD_KINDS } from '../../schemas/kinds.ts';

/** The instant the SQL's CASE over the spans gives for a wall-clock time (ms, read as UTC). */
function viaSpans(tz: string, wall: number): number {
  const { bounds, offsets } = zoneSpans(tz);
  let i = 0;
  while (i < bounds.length && BigInt(wall) * 1000n >= (bounds[i] as bigint)) i++;
  return wall - Number((offsets[i] as bigint) / 1000n);
}

const text = (ms: number) => new Date(ms).toISOString().slice(0, 23);

describe('zone spans', () => {
  it('convert wall-clock times exactly as toInstant does, at and around every DST change', () => {
    for (const tz of [
      'Europe/Chisinau',
      'America/New_York',
      'Australia/Lord_Howe',
      'Pacific/Auckland',
      'Asia/Kolkata',
      'UTC',
    ]) {
      const { bounds } = zoneSpans(tz);
      const from = Date.UTC(2024, 0, 1);
      const to = Date.UTC(2028, 0, 1);
      const near = bounds.map((b) => Number(b / 1000n)).filter((b) => b > from && b < to);
      const samples = near.flatMap((b) => [-3_600_000, -1, 0, 1, 1_800_000, 3_600_000].map((d) => b + d));
      for (let t = from; t < to; t += 7_777_777) samples.push(t);
      for (const wall of samples) {
        expect(viaSpans(tz, wall), `${tz} ${text(wall)}`).toBe(toInstant(text(wall), tz).getTime());
      }
    }
  });
});

describe('fact column rules', () => {
  it('name the columns of each fact kind in canonical order', () => {
    for (const kind of FACT_KINDS)
      expect(Object.keys(FACT_COLUMNS[kind])).toEqual([...RECORD_KINDS[kind].columns]);
  });
});
