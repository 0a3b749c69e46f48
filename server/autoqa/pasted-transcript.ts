import { AppError } from '../../core/errors.ts';
import { speakerOf } from '../../etl/transcripts/speakers.ts';
import type { RuleTestSegment } from '../../schemas/autoqa-test.ts';

/** A line's times: `[mm:ss]`, `[h:mm:ss]`, `[12.5]`, `12.5-14.0`, `[00:12-00:15]` before the speaker. */
const CLOCK = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const TIMES = new RegExp(String.raw`^\s*\[?\s*(${CLOCK})(?:\s*(?:-|–|—|-->)\s*(${CLOCK}))?\s*\]?\s+`);
const LABEL = /^\s*([\p{L}_][\p{L}\p{N}_ ]{0,30}?)\s*:\s*(.*)$/su;

/** Speech rate for lines without times: about two and a half words a second, a short pause between. */
const SECONDS_PER_WORD = 0.4;
const PAUSE_S = 0.3;

const seconds = (clock: string): number =>
  clock
    .replace(',', '.')
    .split(':')
    .reduce((s, part) => s * 60 + Number(part), 0);

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The side a line's label names: agent or customer by any of their names, `unknown` as written; else none. */
function sideOf(name: string): RuleTestSegment['speaker'] | null {
  if (name.trim().toLowerCase() === 'unknown') return 'unknown';
  const side = speakerOf(name);
  return side === 'unknown' ? null : side;
}

const bad = (message: string) => new AppError('bad_request', message);

/**
 * Reads a pasted transcript: a canonical JSON transcript (`{"segments": [...]}`), or one segment
 * a line, `agent: …` / `customer: …` (the importer's names for each side count: operator, client,
 * оператор, clientul…), each optionally after its times. A line with a start but no end lasts
 * until just before the next one starts; a line without times follows the one before at speech rate. The
 * first line that cannot be read is a 400 naming it.
 */
export function parsePastedTranscript(text: string): RuleTestSegment[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return fromJson(trimmed);
  const segments: (RuleTestSegment & { endGiven: boolean })[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const at = `line ${i + 1}`;
    const times = TIMES.exec(line);
    const rest = times ? line.slice(times[0].length) : line;
    const label = LABEL.exec(rest);
    const speaker = label ? sideOf(label[1] as string) : null;
    if (!label || !speaker)
      throw bad(`${at}: does not start with its speaker ("agent: …" or "customer: …"): ${line.slice(0, 60)}`);
    const words = (label[2] ?? '').trim();
    if (words === '') throw bad(`${at}: has a speaker but no words`);
    const previous = segments.at(-1);
    const start = times ? seconds(times[1] as string) : previous ? previous.endS + PAUSE_S : 0;
    if (previous && start < previous.startS)
      throw bad(`${at}: starts at ${start} s, before the line above (${previous.startS} s)`);
    // A line given only its start lasts until a breath before the next one starts.
    if (previous && !previous.endGiven && times)
      previous.endS = round2(Math.max(previous.startS, start - PAUSE_S));
    const spoken = Math.max(1, words.split(/\s+/).length * SECONDS_PER_WORD);
    const end = times?.[2] ? seconds(times[2]) : start + spoken;
    if (end < start) throw bad(`${at}: ends (${end} s) before it starts (${start} s)`);
    segments.push({
      seq: segments.length + 1,
      speaker,
      startS: round2(start),
      endS: round2(end),
      text: words,
      endGiven: Boolean(times?.[2]),
    });
  }
  if (segments.length === 0) throw bad('the transcript has no lines');
  return segments.map(({ endGiven: _, ...s }) => s);
}

/** A canonical JSON transcript, as the importer reads one line of a JSON Lines file. */
function fromJson(text: string): RuleTestSegment[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw bad(`the transcript is not JSON: ${(e as Error).message}`);
  }
  const segments = (parsed as { segments?: unknown }).segments;
  if (!Array.isArray(segments) || segments.length === 0)
    throw bad('the JSON transcript has no "segments" list');
  return segments.map((s: unknown, i): RuleTestSegment => {
    const at = `segment ${i + 1}`;
    const seg = s as Record<string, unknown>;
    const start = Number(seg.start_s);
    const end = Number(seg.end_s);
    if (typeof seg.text !== 'string' || seg.text.trim() === '') throw bad(`${at}: has no "text"`);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start || start < 0)
      throw bad(`${at}: "start_s" and "end_s" must be seconds, the end not before the start`);
    const named = typeof seg.speaker === 'string' ? seg.speaker : '';
    return { seq: i + 1, speaker: speakerOf(named), startS: start, endS: end, text: seg.text.trim() };
  });
}
