import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { misreadings } from './mend.ts';
import { likelyEncoding } from './scan.ts';

/** Lines of a file whose bytes were not UTF-8, read with U+FFFD in their place. */
export interface ReplacedBytes {
  count: number;
  /** The first lines (up to LISTED). */
  lines: number[];
  /** The encoding the lines most likely have, or null. */
  guess: string | null;
}

const LISTED = 5;
const SAMPLE_BYTES = 65_536;
const FEED = 10;

/**
 * Whether every byte of a file is UTF-8. Whole chunks are checked at once; a character the chunk's
 * end cuts (its last three bytes at most) is checked with the next chunk. So a UTF-8 file costs
 * one fast read, and a line of any length no more; the first bad chunk ends it.
 */
export async function isUtf8File(file: string): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let end = buf.length;
    for (let k = 1; k <= Math.min(3, buf.length); k++) {
      const byte = buf[buf.length - k] as number;
      if (byte < 0x80) break;
      if (byte >= 0xc0) {
        end = buf.length - k; // the start of a character that may go on in the next chunk
        break;
      }
    }
    if (!isUtf8(buf.subarray(0, end))) return false;
    carry = Buffer.from(buf.subarray(end));
  }
  return isUtf8(carry);
}

/**
 * Writes a copy of `src` in which each line that is not UTF-8 has U+FFFD for each byte sequence
 * that is not a character (Node's UTF-8 decoding); other lines, and every line feed, stay as they
 * are, so each record keeps its line. Says which lines changed and what they most likely are.
 */
export async function replaceInvalidUtf8(src: string, dst: string): Promise<ReplacedBytes> {
  const replaced: ReplacedBytes = { count: 0, lines: [], guess: null };
  const samples: Buffer[] = [];
  let sampled = 0;
  let line = 0;
  const mend = (bytes: Buffer): Buffer => {
    line++;
    if (isUtf8(bytes)) return bytes;
    replaced.count++;
    if (replaced.lines.length < LISTED) replaced.lines.push(line);
    if (sampled < SAMPLE_BYTES) {
      samples.push(bytes);
      sampled += bytes.length;
    }
    return Buffer.from(bytes.toString('utf8'));
  };
  await pipeline(
    createReadStream(src, { highWaterMark: 1 << 20 }),
    async function* (chunks: AsyncIterable<Buffer>) {
      let carry: Buffer[] = [];
      for await (const chunk of chunks) {
        const out: Buffer[] = [];
        let pos = 0;
        for (let i = chunk.indexOf(FEED); i !== -1; i = chunk.indexOf(FEED, i + 1)) {
          const part = chunk.subarray(pos, i);
          out.push(mend(carry.length ? Buffer.concat([...carry, part]) : part), Buffer.from([FEED]));
          carry = [];
          pos = i + 1;
        }
        if (pos < chunk.length) carry.push(Buffer.from(chunk.subarray(pos)));
        yield Buffer.concat(out);
      }
      if (carry.length) yield mend(Buffer.concat(carry));
    },
    createWriteStream(dst),
  );
  // a space between lines: the end of one and the start of the next are not one word
  replaced.guess = encodingOf(Buffer.concat(samples.flatMap((b) => [b, Buffer.from(' ')])));
  return replaced;
}

/** The usual legacy encodings of a call center's exports: Cyrillic, Western, Central European. */
const USUAL = ['windows-1251', 'windows-1252', 'windows-1250'];

/**
 * The encoding that reads the lines as text, or null: the first of the usual ones, then the
 * detector's guess, that misreads nothing (etl/input/mend.ts). The detector alone is unsure on the
 * few words of a name: it takes Служба in Windows-1251 for Shift JIS or Big5, which read it as
 * Chinese without a fault.
 */
function encodingOf(sample: Buffer): string | null {
  const tried = [...new Set([...USUAL, likelyEncoding(sample)])].filter(
    (e): e is string => e !== null && iconv.encodingExists(e),
  );
  return tried.find((e) => misreadings(iconv.decode(sample, e)) === 0) ?? null;
}
