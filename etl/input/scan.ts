import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import chardet from 'chardet';
import type { OnProgress } from '../progress.ts';
import type { ReplacedBytes } from './utf8.ts';

/**
 * The longest line an import reads, in bytes. DuckDB's CSV reader refuses longer lines one by one
 * only up to its buffer; beyond that it loses them or fails the whole transaction, so they are
 * taken out before it reads. CALLSCORE_MAX_LINE_BYTES lowers it (tests use a few kilobytes).
 */
export function maxLineBytes(): number {
  const set = Number(process.env.CALLSCORE_MAX_LINE_BYTES);
  return Number.isInteger(set) && set > 0 ? set : 2_000_000;
}

export interface LongLine {
  line: number;
  bytes: number;
}

export interface FileScan {
  /** SHA-256 of the file (hex), by which a file imported before is recognised. */
  checksum: string;
  /** Line feeds, and one more for a last line without one. */
  lines: number;
  /** Lines that are not valid UTF-8 (the first 10,000) and how many there are in all. */
  notUtf8: number[];
  notUtf8Count: number;
  /** Lines longer than maxLineBytes(). */
  longLines: LongLine[];
  /** Bytes of the lines that are not UTF-8 (up to 64 KB), for guessing their encoding. */
  sample: Buffer;
}

const SAMPLE_BYTES = 65_536;
const LISTED = 10_000;

/**
 * Reads a file once: its checksum, its lines, the lines that are not UTF-8 and the lines too long
 * to import. A chunk that is valid UTF-8 as a whole is passed at once (the usual file pays for one
 * validation per chunk); only an invalid one is looked at line by line.
 */
export async function scanFile(file: string, size = 0, onProgress?: OnProgress): Promise<FileScan> {
  const limit = maxLineBytes();
  const hash = createHash('sha256');
  const scan: FileScan = {
    checksum: '',
    lines: 0,
    notUtf8: [],
    notUtf8Count: 0,
    longLines: [],
    sample: Buffer.alloc(0),
  };
  const samples: Buffer[] = [];
  let sampled = 0;
  // The start of the line under way, when it began in an earlier chunk (not kept once too long).
  let carry: Buffer[] = [];
  let carried = 0;
  let done = 0;
  let last = 10;

  const lineDone = (parts: Buffer[], length: number) => {
    scan.lines++;
    if (length > limit) {
      scan.longLines.push({ line: scan.lines, bytes: length });
      return;
    }
    const text = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    if (isUtf8(text)) return;
    scan.notUtf8Count++;
    if (scan.notUtf8.length < LISTED) scan.notUtf8.push(scan.lines);
    if (sampled < SAMPLE_BYTES) {
      samples.push(text);
      sampled += text.length;
    }
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    done += buf.length;
    onProgress?.('checksum', size ? done / size : null);
    if (!buf.length) continue;
    last = buf[buf.length - 1] as number;
    const lastFeed = buf.lastIndexOf(10);
    let pos = 0;
    if (lastFeed !== -1 && carried) {
      // The line begun in an earlier chunk ends at this chunk's first line feed: it is looked at
      // alone, so that the chunk's whole lines after it can still be taken at once. (Most chunks
      // begin inside a line: without this, nearly every chunk went line by line.)
      const first = buf.indexOf(10);
      const part = buf.subarray(0, first);
      lineDone([...carry, part], carried + part.length);
      carry = [];
      carried = 0;
      pos = first + 1;
    }
    if (lastFeed >= pos && isUtf8(buf.subarray(pos, lastFeed))) {
      // Every whole line left in the chunk is UTF-8: only their lengths are left to look at.
      for (let i = buf.indexOf(10, pos); i !== -1; i = buf.indexOf(10, i + 1)) {
        scan.lines++;
        if (i - pos > limit) scan.longLines.push({ line: scan.lines, bytes: i - pos });
        pos = i + 1;
      }
    } else {
      for (let i = buf.indexOf(10, pos); i !== -1; i = buf.indexOf(10, i + 1)) {
        const part = buf.subarray(pos, i);
        lineDone([part], part.length);
        pos = i + 1;
      }
    }
    const rest = buf.subarray(pos);
    carried += rest.length;
    // A line already too long is only counted: its bytes are never kept.
    carry = carried > limit ? [] : [...carry, Buffer.from(rest)];
  }
  if (carried || (done && last !== 10)) lineDone(carry, carried);
  scan.checksum = hash.digest('hex');
  scan.sample = Buffer.concat(samples);
  return scan;
}

/** The encoding a file's lines that are not UTF-8 most likely have, or null when no guess holds. */
export function likelyEncoding(sample: Buffer): string | null {
  if (!sample.length) return null;
  // Only the words outside ASCII: the ids, times and commas around them would tell the detector
  // little but "Latin".
  const words = Buffer.from(sample.filter((b) => b >= 0x80 || b === 0x20));
  const guess = chardet.detect(words);
  return guess && !/^(UTF-8|ASCII)$/i.test(guess) ? guess.toLowerCase() : null;
}

/**
 * The report's note on a file that is not UTF-8, or null for one that is. A file whose bad bytes
 * were replaced before reading (`replaced`: etl/input/utf8.ts) is UTF-8 by then: the note says
 * which lines were.
 */
export function encodingNote(scan: FileScan, replaced?: ReplacedBytes): string | null {
  if (replaced?.count) return replacedNote(replaced);
  if (!scan.notUtf8Count) return null;
  const guess = likelyEncoding(scan.sample);
  const lines = scan.notUtf8.slice(0, 5).join(', ') + (scan.notUtf8Count > 5 ? ', …' : '');
  return (
    `the file is not UTF-8: ${scan.notUtf8Count} line(s) are not (${lines})` +
    (guess
      ? `; it looks like ${guess}: import it again with --encoding ${guess}`
      : '; name its encoding with --encoding')
  );
}

/** The report's note on the lines read with U+FFFD, or null when there were none. */
export function replacedNote(r: ReplacedBytes | undefined): string | null {
  if (!r?.count) return null;
  const lines = r.lines.join(', ') + (r.count > r.lines.length ? ', …' : '');
  return (
    `${r.count} ${r.count === 1 ? 'row' : 'rows'} had bytes that are not UTF-8 (${r.count === 1 ? 'line' : 'lines'} ${lines}): replaced with \uFFFD and loaded; ` +
    (r.guess
      ? `it looks like ${r.guess}: import it again with --encoding ${r.guess} to read them as written`
      : "name the file's encoding with --encoding to read them as written")
  );
}
