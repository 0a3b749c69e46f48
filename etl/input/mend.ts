import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { type FileScan, likelyEncoding } from './scan.ts';

/**
 * Legacy 8-bit encodings a line is tried in after the file's likely one. A telephony file is not
 * UTF-8 because of a caller name or a queue or member name that reached it in the encoding of
 * the phone, the trunk or the PBX's configuration: Cyrillic (windows-1251) or Western (windows-1252,
 * a superset of latin-1's printable characters) in practice.
 */
const FALLBACKS = ['windows-1251', 'windows-1252'];

/** Each group of scripts a single word is written in; a word mixing them is a misreading. */
const SCRIPTS = [
  /^\p{Script=Latin}+$/u,
  /^\p{Script=Cyrillic}+$/u,
  /^\p{Script=Greek}+$/u,
  /^\p{Script=Arabic}+$/u,
  /^\p{Script=Hebrew}+$/u,
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u,
  /^\p{Script=Hangul}+$/u,
];
// U+FFFD is a byte the encoding has no character for; C0 and C1 controls are not text either.
const NOT_TEXT = /(?![\t\r])[\uFFFD\p{Cc}]/gu;
/** Characters outside ASCII that names and notes hold: letters and a little punctuation. */
const NON_ASCII = /\P{ASCII}/gu;
const IN_TEXT = /[\p{L}\u00A0«»‹›„“”‘’‚–—…№°·•±§©®™€£¥¢¿¡×]/u;
/** Cyrillic read as windows-1252 is Latin, but every letter accented (`Èâàí`): no word is so. */
const ALL_ACCENTED = /^\P{ASCII}{2,}$/u;

/**
 * How many places of a decoded text are not text: bytes the encoding has no character for,
 * controls, symbols no name holds, words mixing scripts (a Latin name read as windows-1251 is
 * `Josй`) and Latin words without one plain letter.
 */
export function misreadings(text: string): number {
  let bad = (text.match(NOT_TEXT) ?? []).length;
  for (const ch of text.match(NON_ASCII) ?? []) if (!IN_TEXT.test(ch)) bad++;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    if (!SCRIPTS.some((s) => s.test(word))) bad++;
    else if (ALL_ACCENTED.test(word) && /^\p{Script=Latin}+$/u.test(word)) bad++;
  }
  return bad;
}

/**
 * The encodings to read a file's lines in, the one that misreads its sample least first: the
 * detector's guess alone is unsure on the few words of a caller name.
 */
function encodingsToTry(sample: Buffer): string[] {
  const tried = [...new Set([likelyEncoding(sample), ...FALLBACKS])].filter(
    (e): e is string => e !== null && iconv.encodingExists(e),
  );
  const score = new Map(tried.map((e) => [e, misreadings(iconv.decode(sample, e))]));
  // a stable sort: ties keep the detector's order
  return tried.sort((a, b) => (score.get(a) as number) - (score.get(b) as number));
}

export interface MendedText {
  /** The file as UTF-8 text, each line where it was. */
  file: string;
  /** The encodings assumed, in the order tried, with how many lines and the first of them. */
  readAs: { encoding: string; count: number; lines: number[] }[];
  /** Lines no encoding tried reads as text, to be quarantined: written with U+FFFD for their bytes. */
  unreadable: number[];
  /** The encodings tried, first the file's likely one. */
  tried: string[];
  dispose(): void;
}

const LISTED = 5;
const FEED = Buffer.from('\n');

/**
 * Writes a copy of a file that is not all UTF-8 in which each line that is not is decoded by the
 * first encoding that reads it as text: the one its lines most likely share, then FALLBACKS.
 * UTF-8 lines are copied as they are. Only single lines are looked at: a line feed is the same
 * byte in every encoding tried, and telephony files hold no quoted line breaks.
 */
export async function mendText(src: string, scan: FileScan): Promise<MendedText> {
  const tried = encodingsToTry(scan.sample);
  const counts = new Map(tried.map((e) => [e, { encoding: e, count: 0, lines: [] as number[] }]));
  const unreadable: number[] = [];
  let line = 0;

  const mend = (bytes: Buffer): Buffer => {
    line++;
    if (isUtf8(bytes)) return bytes;
    for (const encoding of tried) {
      const text = iconv.decode(bytes, encoding);
      if (misreadings(text)) continue;
      const c = counts.get(encoding) as { count: number; lines: number[] };
      c.count++;
      if (c.lines.length < LISTED) c.lines.push(line);
      return Buffer.from(text);
    }
    unreadable.push(line);
    // Each byte that is not UTF-8 becomes U+FFFD and ASCII stays: the fields stay where they
    // were, as an encoding of several bytes a character might not keep them.
    return Buffer.from(bytes.toString('utf8'));
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'callscore-mend-'));
  const file = path.join(dir, path.basename(src));
  try {
    await pipeline(
      createReadStream(src, { highWaterMark: 1 << 20 }),
      async function* (chunks: AsyncIterable<Buffer>) {
        // The start of the line under way, when it began in an earlier chunk.
        let carry: Buffer[] = [];
        for await (const chunk of chunks) {
          const out: Buffer[] = [];
          let pos = 0;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
            const part = chunk.subarray(pos, i);
            out.push(mend(carry.length ? Buffer.concat([...carry, part]) : part), FEED);
            carry = [];
            pos = i + 1;
          }
          if (pos < chunk.length) carry.push(Buffer.from(chunk.subarray(pos)));
          yield Buffer.concat(out);
        }
        if (carry.length) yield mend(Buffer.concat(carry));
      },
      createWriteStream(file),
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    file,
    readAs: [...counts.values()].filter((c) => c.count),
    unreadable,
    tried,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const listed = (lines: number[], count: number) => lines.join(', ') + (count > lines.length ? ', …' : '');

/** The report's note on how a file that is not all UTF-8 was read. */
export function mendedNote(m: MendedText): string {
  const total = m.readAs.reduce((n, r) => n + r.count, 0) + m.unreadable.length;
  const parts = m.readAs.map((r) => `${r.count} line(s) read as ${r.encoding} (${listed(r.lines, r.count)})`);
  if (m.unreadable.length) {
    parts.push(
      `${m.unreadable.length} line(s) read as text in none of ${m.tried.join(', ')}, quarantined ` +
        `(${listed(m.unreadable.slice(0, LISTED), m.unreadable.length)})`,
    );
  }
  return (
    `the file is not UTF-8: ${total} line(s) are not; ${parts.join('; ')}; ` +
    'name its encoding with --encoding to read every line in it'
  );
}

/** The reason a line no encoding reads is quarantined with. */
export const unreadableReason = (m: MendedText) =>
  `the line is not UTF-8 and reads as text in none of ${m.tried.join(', ')}; its bytes are kept`;
