import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from 'busboy';
import { AppError } from '../errors.ts';

export interface Upload {
  fields: Record<string, string>;
  file: string;
  fileName: string;
}

/** Largest file accepted in one upload: a month of 10 million calls is about 1.3 GB. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/**
 * Streams a multipart upload's one file to `dir` without holding it in memory, and collects the
 * other fields. A second file, an oversized one, or none at all is a 4xx.
 */
export async function receiveUpload(request: Request, dir: string): Promise<Upload> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new AppError('bad_request', 'send the file as multipart/form-data with a "file" field');
  }
  if (!request.body) throw new AppError('bad_request', 'the request has no body');
  mkdirSync(dir, { recursive: true });
  const fields: Record<string, string> = {};
  let saved: { file: string; fileName: string } | null = null;
  let failure: AppError | null = null;
  const writes: Promise<void>[] = [];

  const parser = Busboy({
    headers: { 'content-type': type },
    limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 20, fieldSize: 10_000 },
  });
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file') {
      failure ??= new AppError('bad_request', `unexpected file field "${name}"; use "file"`);
      stream.resume();
      return;
    }
    const fileName = path.basename(info.filename || 'upload');
    const file = path.join(dir, `${randomUUID()}-${fileName.replace(/[^\w.-]/g, '_')}`);
    saved = { file, fileName };
    stream.on('limit', () => {
      failure ??= new AppError(
        'payload_too_large',
        `the file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB`,
      );
    });
    writes.push(pipeline(stream, createWriteStream(file)));
  });
  parser.on('filesLimit', () => {
    failure ??= new AppError('bad_request', 'send one file per upload');
  });

  try {
    await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), parser);
    await Promise.all(writes);
  } catch (e) {
    failure ??= new AppError(
      'bad_request',
      `the upload is not valid multipart data: ${(e as Error).message}`,
    );
  }
  const result = saved as { file: string; fileName: string } | null;
  if (failure) {
    if (result) rmSync(result.file, { force: true });
    throw failure;
  }
  if (!result) throw new AppError('bad_request', 'the upload has no "file" field');
  return { fields, ...result };
}
