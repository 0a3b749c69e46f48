import { toInstant, zoneOffsetMs } from '../../core/time.ts';

/**
 * How wall-clock times of the company zone become instants, as spans of wall-clock time with one
 * offset each, so SQL can convert millions of times with a CASE over a few bound values.
 *
 * The spans are found by evaluating core/time.ts `toInstant` itself — the one definition of
 * "a time without an offset is read in the company zone", with its rules for the hour a DST change
 * repeats (the earlier instant) or skips (the offset before the change) — and with Node's zone
 * data, so a file gives the same instants in SQL as it did through the row-by-row path. DuckDB's
 * own zone conversion is not used: its ICU data and DST rules differ from Node's for some zones.
 */
export interface ZoneSpans {
  /** Wall-clock times (epoch µs, the wall time read as if UTC) where the next span starts. */
  bounds: bigint[];
  /** Offset to subtract (µs) in each span: one more than `bounds`. */
  offsets: bigint[];
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/**
 * The years the spans cover; outside them the nearest span's offset is used. A file's times are
 * not scanned for their range first: that would cost a pass over the data, the spans cost none.
 */
const FIRST = Date.UTC(1990, 0, 1);
const LAST = Date.UTC(2080, 0, 1);

const wallText = (ms: number) => new Date(ms).toISOString().slice(0, 23);
/** Offset toInstant applies to the wall-clock time `ms` (wall time read as UTC), in ms. */
const offsetAt = (ms: number, tz: string) => ms - toInstant(wallText(ms), tz).getTime();

/** The first point in (lo, hi] where `f` no longer equals f(lo), to `step` ms. */
function bisect(f: (ms: number) => number, lo: number, hi: number, step: number): number {
  const before = f(lo);
  while (hi - lo > step) {
    const mid = lo + Math.max(step, Math.floor((hi - lo) / 2 / step) * step);
    if (f(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

const cache = new Map<string, ZoneSpans>();

/** The spans of a zone over FIRST..LAST (computed once per zone and process). */
export function zoneSpans(tz: string): ZoneSpans {
  const known = cache.get(tz);
  if (known) return known;
  const instantOffset = (ms: number) => zoneOffsetMs(ms, tz);
  let prev = instantOffset(FIRST);
  const spans: ZoneSpans = { bounds: [], offsets: [BigInt(offsetAt(FIRST, tz)) * 1000n] };
  // The zone's changes of offset, found week by week (no zone changes twice in a week).
  for (let t = FIRST; t < LAST; t += WEEK) {
    const next = instantOffset(t + WEEK);
    if (next === prev) continue;
    const change = bisect(instantOffset, t, t + WEEK, 1000);
    // Where toInstant itself starts reading wall-clock times with the new offset: near the
    // change's wall-clock time, found with toInstant so its DST rules hold exactly.
    const wall = change + Math.max(prev, next);
    const bound = bisect((ms) => offsetAt(ms, tz), wall - 12 * HOUR, wall + 12 * HOUR, 1);
    spans.bounds.push(BigInt(bound) * 1000n);
    spans.offsets.push(BigInt(offsetAt(bound, tz)) * 1000n);
    prev = next;
  }
  cache.set(tz, spans);
  return spans;
}
