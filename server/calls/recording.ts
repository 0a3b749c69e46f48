import { createReadStream, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../core/errors.ts';

const TYPES: Record<string, string> = {
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
  '.flac': 'audio/flac',
};

/**
 * The file a call's `recording` names, which must lie inside the recordings folder: `..`,
 * an absolute path or a symbolic link leading out of it is refused, whatever was imported.
 */
export function recordingFile(recordingsDir: string, recording: string): string {
  const root = realpathSync(recordingsDir);
  const candidate = path.resolve(root, recording);
  if (path.isAbsolute(recording) || !candidate.startsWith(root + path.sep)) {
    throw new AppError('not_found', 'the recording is not inside the recordings folder');
  }
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    throw new AppError('not_found', `the recording file ${recording} is missing`);
  }
  if (!real.startsWith(root + path.sep) || !statSync(real).isFile()) {
    throw new AppError('not_found', 'the recording is not inside the recordings folder');
  }
  return real;
}

export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range` header (RFC 9110) against a file size: null serves the whole file, a range
 * serves part of it, 'unsatisfiable' is a 416. One range only: a list of several is answered
 * whole, which the RFC allows. A `bytes=` header that does not parse is refused as unsatisfiable
 * rather than silently answered in full.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return null; // another unit: ignore it
  const spec = (m[1] as string).trim();
  if (spec.includes(',')) return null;
  const r = /^(\d*)-(\d*)$/.exec(spec);
  if (!r || (r[1] === '' && r[2] === '')) return 'unsatisfiable';
  if (r[1] === '') {
    const suffix = Number(r[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(r[1]);
  const end = r[2] === '' ? size - 1 : Math.min(Number(r[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The response for a recording file, whole or the asked range. */
export function recordingResponse(file: string, rangeHeader: string | undefined): Response {
  const size = statSync(file).size;
  const headers = new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    // Recordings are personal data: the browser may keep them, shared caches may not.
    'Cache-Control': 'private, max-age=3600',
  });
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.set('Content-Type', 'application/json');
    const body = {
      error: {
        code: 'bad_request',
        message: `range "${rangeHeader}" is outside the ${size} bytes of the recording`,
      },
    };
    return new Response(JSON.stringify(body), { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers.set('Content-Length', String(size === 0 ? 0 : end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const body =
    size === 0
      ? null
      : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
