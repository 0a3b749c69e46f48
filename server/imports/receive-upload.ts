import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import Busboy from 'busboy';
import { AppError } from '../../core/errors.ts';

export interface Upload {
  fields: Record<string, string>;
  /** Where the file was stored. */
  file: string;
  /** The name the sender gave it. */
  fileName: string;
  size: number;
}

/** What an upload brought before it ended, accepted or not: the audit of a refusal names it. */
export interface UploadSeen {
  fields: Record<string, string>;
  fileName: string | null;
  bytes: number;
}

export const uploadSeen = (): UploadSeen => ({ fields: {}, fileName: null, bytes: 0 });

/** Largest file accepted in one upload: a month of 10 million calls is about 1.3 GB. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

const notMultipart = (why: string) =>
  new AppError('bad_request', `the upload is not valid multipart data: ${why}`);

/** Why reading the form stopped, in words the sender can act on. */
function readFailure(e: Error & { code?: string }): AppError {
  if (e.code === 'ECONNRESET' || e.message === 'aborted') {
    return new AppError('bad_request', 'the upload was cut off: the connection closed before the form ended');
  }
  return notMultipart(e.message);
}

/**
 * Streams a multipart upload's one file to `dir` without holding it in memory, and collects the
 * other fields. A second file, an oversized one, none at all, or a form that stops short (a
 * cancelled upload, a dropped connection) is a 4xx, and leaves no file behind. `seen` is filled
 * as the form is read.
 */
export async function receiveUpload(
  request: Request,
  dir: string,
  seen: UploadSeen = uploadSeen(),
): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError('bad_request', 'send the file as multipart/form-data with a "file" field');
  }
  if (!request.body) throw new AppError('bad_request', 'the request has no body');
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { 'content-type': type },
      // A mapping's JSON is the largest field.
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 20, fieldSize: 200_000 },
    });
  } catch (e) {
    // Busboy refuses a content type it cannot split (no boundary) before reading a byte.
    throw notMultipart((e as Error).message);
  }
  mkdirSync(dir, { recursive: true });
  let saved: { file: string; fileName: string } | null = null;
  let refused: AppError | null = null;
  // Settles, never rejects: a write that fails while the form fails too must not be left
  // unhandled, and the file is only removed once its stream has closed it.
  let written: Promise<void> = Promise.resolve();
  let storeError: Error | null = null;

  parser.on('field', (name, value) => {
    seen.fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file') {
      refused ??= new AppError('bad_request', `unexpected file field "${name}"; use "file"`);
      stream.resume();
      return;
    }
    const fileName = path.basename(info.filename || 'upload');
    const file = path.join(dir, `${randomUUID()}-${fileName.replace(/[^\w.-]/g, '_')}`);
    saved = { file, fileName };
    seen.fileName = fileName;
    stream.on('limit', () => {
      refused ??= new AppError(
        'payload_too_large',
        `the file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`,
      );
    });
    const out = createWriteStream(file);
    out.on('error', (e) => {
      // A disk that refuses the file ends the reading too: there is nowhere to put the rest.
      storeError ??= e;
      parser.destroy(e);
    });
    written = pipeline(
      stream,
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          seen.bytes += chunk.length;
          yield chunk;
        }
      },
      out,
    ).catch(() => {
      // The reason is the form's (readError) or the disk's (storeError).
    });
  });
  parser.on('filesLimit', () => {
    refused ??= new AppError('bad_request', 'send one file per upload');
  });

  let readError: AppError | null = null;
  try {
    await pipeline(Readable.fromWeb(request.body as ReadableStream), parser);
  } catch (e) {
    readError = readFailure(e as Error);
  }
  // A failed form destroys the file's stream, so this settles either way.
  await written;
  const result = saved as { file: string; fileName: string } | null;
  const stored = storeError as Error | null;
  const failure =
    refused ??
    (stored ? new AppError('internal', `the upload could not be stored: ${stored.message}`) : null) ??
    readError;
  if (failure) {
    if (result) rmSync(result.file, { force: true });
    throw failure;
  }
  if (!result) throw new AppError('bad_request', 'the upload has no "file" field');
  return { fields: seen.fields, ...result, size: seen.bytes };
}
