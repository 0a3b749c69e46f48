import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { foreignEncoding, isGzip, rewriteInput } from './rewrite.ts';
import { type LongLine, maxLineBytes } from './scan.ts';
import { isUtf8File, type ReplacedBytes, replaceInvalidUtf8 } from './utf8.ts';

/** Where an import's text comes from: the file as given, and how its bytes are to be read. */
export interface InputSource {
  file: string;
  gzip: boolean;
  /** The encoding the bytes are decoded from, or null for UTF-8. */
  encoding: string | null;
  /** Lines that were not UTF-8 and are read with U+FFFD for their bad bytes (no encoding named). */
  replaced?: ReplacedBytes;
}

/** Lines too long to read, found while reading: the import starts again without them. */
export class LongLinesError extends Error {
  constructor(readonly lines: LongLine[]) {
    super(longLinesMessage(lines));
  }
}

export const longLineReason = (l: LongLine) =>
  `the line is ${l.bytes} bytes, over the limit of ${maxLineBytes()} bytes; it was not read`;

export const longLinesMessage = (lines: LongLine[]) => {
  const [first] = lines;
  return first
    ? `line ${first.line} is ${first.bytes} bytes, over the limit of ${maxLineBytes()} bytes` +
        (lines.length > 1 ? ` (and ${lines.length - 1} more such lines)` : '')
    : 'no line is too long';
};

/** What a long line becomes for DuckDB's reader: one field, which no kind's header can take. */
export const LONG_LINE_MARKER = '\u0001';

export interface PreparedInput {
  /** The file DuckDB reads: the one given, or its UTF-8 text beside it. */
  file: string;
  source: InputSource;
  /** Writes another copy without `drop`'s lines (each a marker); its path. */
  without(drop: LongLine[]): Promise<string>;
  /**
   * For a file read as UTF-8 (no encoding named): when some of its bytes are not UTF-8, `file`
   * becomes a copy with U+FFFD in their place, and `source.replaced` says which lines.
   */
  replaceInvalidUtf8(): Promise<void>;
  dispose(): void;
}

/**
 * Gets a file ready for DuckDB's readers, which take UTF-8 text: a gzip file (known by its magic
 * bytes, whatever its name) is decompressed and text in another encoding decoded, into a working
 * copy that keeps the file's name without `.gz`, so that its format is told as the file's would be.
 */
export async function prepareInput(file: string, encoding?: string): Promise<PreparedInput> {
  let foreign: string | null;
  try {
    foreign = foreignEncoding(encoding);
  } catch (e) {
    throw new AppError(
      'bad_request',
      `${(e as Error).message}; name one such as windows-1251, koi8-r, latin1`,
    );
  }
  const gzip = await isGzip(file);
  const source: InputSource = { file, gzip, encoding: foreign };
  let dir: string | null = null;
  const workDir = () => {
    dir ??= mkdtempSync(path.join(tmpdir(), 'callscore-import-'));
    return dir;
  };
  const name = path.basename(file).replace(/\.gz$/i, '') || 'input';
  let readable = file;
  if (gzip || foreign) {
    readable = path.join(workDir(), name);
    try {
      await rewriteInput(file, readable, { gzip, encoding: foreign });
    } catch (e) {
      rmSync(workDir(), { recursive: true, force: true });
      throw new AppError('bad_request', `cannot read ${path.basename(file)}: ${(e as Error).message}`);
    }
  }
  return {
    get file() {
      return readable;
    },
    source,
    async replaceInvalidUtf8() {
      if (foreign || (await isUtf8File(readable))) return;
      const copy = path.join(workDir(), 'utf8', name);
      mkdirSync(path.dirname(copy), { recursive: true });
      source.replaced = await replaceInvalidUtf8(readable, copy);
      readable = copy;
    },
    async without(drop) {
      const copy = path.join(workDir(), 'lines', name);
      mkdirSync(path.dirname(copy), { recursive: true });
      await rewriteInput(readable, copy, {
        gzip: false,
        encoding: null,
        drop: new Set(drop.map((l) => l.line)),
        marker: LONG_LINE_MARKER,
      });
      return copy;
    },
    dispose() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
