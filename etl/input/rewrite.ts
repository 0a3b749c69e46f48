import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';

/** gzip's magic bytes: a compressed file is known by them, whatever its name. */
export async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** An encoding the file's bytes need decoding from, or null for UTF-8 (read as it is). */
export function foreignEncoding(encoding: string | undefined): string | null {
  if (!encoding || /^utf-?8$/i.test(encoding)) return null;
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown encoding "${encoding}"`);
  return encoding;
}

/** The file's bytes as written, decompressed when it is gzip. */
function bytesOf(file: string, gzip: boolean): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  return gzip ? raw.pipe(createGunzip()) : raw;
}

/** Calls `each(line, bytes)` for every line of a byte stream, the line feed left out. */
class Lines extends Transform {
  private line = 1;
  constructor(private readonly each: (line: number, part: Buffer, end: boolean) => Buffer | null) {
    super();
  }
  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback) {
    let pos = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
      const out = this.each(this.line++, chunk.subarray(pos, i + 1), true);
      if (out) this.push(out);
      pos = i + 1;
    }
    if (pos < chunk.length) {
      const out = this.each(this.line, chunk.subarray(pos), false);
      if (out) this.push(out);
    }
    done();
  }
}

/**
 * Writes the text DuckDB is to read: decompressed (gzip), decoded to UTF-8 (`encoding`), and with
 * each line of `drop` replaced by `marker` (a line too long to read). Lines keep their numbers.
 */
export async function rewriteInput(
  src: string,
  dest: string,
  opts: { gzip: boolean; encoding: string | null; drop?: ReadonlySet<number>; marker?: string },
): Promise<void> {
  const stages: (NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream)[] = [
    bytesOf(src, opts.gzip),
  ];
  if (opts.encoding) stages.push(iconv.decodeStream(opts.encoding), iconv.encodeStream('utf8'));
  const drop = opts.drop;
  if (drop?.size) {
    const marker = Buffer.from(`${opts.marker ?? ''}\n`);
    // A dropped line's bytes never go through; its marker takes its place at its line feed.
    stages.push(new Lines((line, part, end) => (!drop.has(line) ? part : end ? marker : null)));
  }
  stages.push(createWriteStream(dest));
  await pipeline(stages);
}

/**
 * The bytes of some lines of a file as written (decompressed when gzip), each with as many lines
 * after it as `spans` says (a quoted field may hold line breaks), the last line feed left out.
 */
export async function lineBytes(
  file: string,
  gzip: boolean,
  spans: ReadonlyMap<number, number>,
): Promise<Map<number, Buffer>> {
  const found = new Map<number, Buffer[]>();
  const open = new Map<number, number>(); // first line → its last line
  const stream = bytesOf(file, gzip).pipe(
    new Lines((line, part) => {
      const first = spans.has(line) ? line : null;
      if (first !== null && !open.has(first)) open.set(first, line + (spans.get(line) as number) - 1);
      for (const [start, end] of open) {
        if (line > end) continue;
        const parts = found.get(start) ?? [];
        parts.push(Buffer.from(part));
        found.set(start, parts);
      }
      return null;
    }),
  );
  for await (const _ of Readable.from(stream)) {
    // the lines are taken as they pass
  }
  const out = new Map<number, Buffer>();
  for (const [line, parts] of found) {
    const bytes = Buffer.concat(parts);
    const end = bytes.length && bytes[bytes.length - 1] === 10 ? bytes.length - 1 : bytes.length;
    out.set(line, bytes.subarray(0, end > 0 && bytes[end - 1] === 13 ? end - 1 : end));
  }
  return out;
}
