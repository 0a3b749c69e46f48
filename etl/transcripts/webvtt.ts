import { AppError } from '../../core/errors.ts';
import { NOT_UTF8, type PerCallRow, type PerCallTranscript, textLines } from './per-call.ts';
import { labelledText, type Speaker, speakerOf } from './speakers.ts';

/** `hh:mm:ss.ttt` (hours of two digits or more) or `mm:ss.ttt`, as WebVTT writes a time. */
const TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
/** A timing line: two times around `-->`, cue settings (`align:start position:10%`) after. */
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;

/** Seconds of a WebVTT time, or null when it is not one. */
export function vttSeconds(t: string): number | null {
  const m = TIME.exec(t);
  if (!m) return null;
  const [, h = '0', min, s, ms] = m;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(ms) / 1000;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lrm: '',
  rlm: '',
  quot: '"',
  apos: "'",
};

/**
 * A cue's payload as said words and their speaker: the first voice span (`<v Agent>`, `<v.loud
 * Customer>`) or a leading label (`Agent:`) names the speaker; tags go, entities are read, and the
 * lines of a multi-line cue are one text.
 */
export function cueText(payload: string[]): { speaker: Speaker; text: string } {
  const joined = payload.join('\n');
  const voice = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/.exec(joined);
  const plain = joined
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (voice) return { speaker: speakerOf(voice[1]), text: plain };
  return labelledText(plain) ?? { speaker: 'unknown', text: plain };
}

/**
 * A WebVTT file (W3C WebVTT: a `WEBVTT` line, an optional header, then blocks apart by blank
 * lines): each cue a segment; NOTE, STYLE and REGION blocks skipped; the header's `Language:` line,
 * if any, the language. A block that is not a cue with valid times is a row of its own, quarantined.
 */
export function parseWebVtt(bytes: Buffer, fileName: string): PerCallTranscript {
  const lines = textLines(bytes);
  if (!/^WEBVTT([ \t].*)?$/.test(lines[0]?.text ?? '')) {
    throw new AppError('bad_request', `${fileName} is not WebVTT: its first line is not "WEBVTT"`);
  }
  let language: string | null = null;
  const rows: PerCallRow[] = [];
  let i = 1;
  // The header: up to the first blank line.
  for (; i < lines.length && (lines[i]?.text.trim() ?? '') !== ''; i++) {
    const m = /^Language:\s*(\S+)\s*$/i.exec(lines[i]?.text ?? '');
    if (m) language = (m[1] as string).toLowerCase();
  }
  let idx = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]?.text.trim() === '') i++;
    if (i >= lines.length) break;
    const start = i;
    while (i < lines.length && lines[i]?.text.trim() !== '') i++;
    const block = lines.slice(start, i);
    const first = block[0]?.text ?? '';
    if (/^(NOTE|STYLE|REGION)([ \t]|$)/.test(first)) continue;
    idx++;
    const raw = block.map((l) => l.text).join('\n');
    const timingAt = block.findIndex((l) => l.text.includes('-->'));
    const line = start + 1 + Math.max(timingAt, 0);
    const bad = (problem: string) =>
      rows.push({ line, idx: 0, speaker: null, start_s: null, end_s: null, text: null, problem, raw });
    if (block.some((l) => !l.utf8)) {
      bad(NOT_UTF8);
      continue;
    }
    // The timing line is the first line, or the second after a cue identifier.
    if (timingAt !== 0 && timingAt !== 1) {
      bad('is not a cue: it has no timing line (start --> end)');
      continue;
    }
    const timing = TIMING.exec((block[timingAt]?.text ?? '').trim());
    const from = timing ? vttSeconds(timing[1] as string) : null;
    const to = timing ? vttSeconds(timing[2] as string) : null;
    if (from === null || to === null) {
      bad('the cue times are not WebVTT times (hh:mm:ss.ttt or mm:ss.ttt)');
      continue;
    }
    const { speaker, text } = cueText(block.slice(timingAt + 1).map((l) => l.text));
    rows.push({
      line,
      idx,
      speaker,
      start_s: String(from),
      end_s: String(to),
      text,
      problem: null,
      raw,
    });
  }
  return { language, engine: null, rows };
}
