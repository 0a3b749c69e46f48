import { rmSync } from 'node:fs';
import { Hono } from 'hono';
import { z } from 'zod';
import { PBX_SOURCE } from '../../etl/asterisk/import-asterisk.ts';
import { foreignEncoding } from '../../etl/input/rewrite.ts';
import { FORMATS } from '../../schemas/import-report.ts';
import type { ImportDetailResponse, ImportJobResponse, ImportsResponse } from '../../schemas/imports.ts';
import { IMPORT_KINDS } from '../../schemas/kinds.ts';

const UPLOAD_KINDS = ['queue-log', ...IMPORT_KINDS] as const;

import { AppError, describeIssues } from '../../core/errors.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { refuseInLakeMode } from '../lake/lake-mode.ts';
import { validate } from '../validate.ts';
import { mappingFromFields, mappingsRoutes, previewRoute } from './import-mappings.routes.ts';
import { importDetail, listImports } from './imports.repository.ts';
import { receiveUpload } from './receive-upload.ts';
import { auditRefusedUpload, seenOf } from './upload-audit.ts';

/** A form field that must be one of `values`: its message says which, and whether it was missing. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => `${issue.input === undefined ? 'is required,' : 'must be'} one of ${values.join(', ')}`,
  });

const uploadFields = z.object({
  kind: oneOf(UPLOAD_KINDS),
  format: oneOf(FORMATS).optional(),
  gmt: z.enum(['true', 'false']).optional(),
  /** The text's encoding when it is not UTF-8 (`windows-1251`, `koi8-r`, `latin1` …). */
  encoding: z
    .string()
    .trim()
    .max(40)
    .refine((e) => {
      try {
        foreignEncoding(e);
        return true;
      } catch {
        return false;
      }
    }, 'is not an encoding callscore can read; name one such as windows-1251, koi8-r, latin1')
    .optional(),
  /** The PBX a CDR or queue_log comes from, when several feed callscore. */
  source: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || PBX_SOURCE.test(s),
      'must be a short name: letters, digits, ".", "_" or "-", up to 32',
    )
    .optional(),
});

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const idParam = z.object({ id: z.coerce.number().int().positive('must be an import number') });

export const importsRoutes = new Hono<AppEnv>()
  // The file streams to disk and is imported as a job: big files do not hold the request open.
  .post('/', auditRefusedUpload, allow('imports.upload'), async (c) => {
    // Before the body is read: a lake process takes no file at all.
    refuseInLakeMode(c.get('deps'), 'imports');
    const { imports } = c.get('deps');
    const upload = await receiveUpload(c.req.raw, imports.uploadsDir, seenOf(c.req.raw));
    const fields = uploadFields.safeParse(upload.fields);
    if (!fields.success) {
      rmSync(upload.file, { force: true });
      throw new AppError('bad_request', describeIssues(fields.error.issues));
    }
    try {
      // A mapping sent whole (its JSON) or by the name it was saved under.
      const mapping = await mappingFromFields(c.get('deps').db, upload.fields, fields.data.kind);
      const job = await imports.enqueue({
        file: upload.file,
        fileName: upload.fileName,
        size: upload.size,
        kind: fields.data.kind,
        format: fields.data.format,
        gmtTimes: fields.data.gmt === 'true',
        encoding: fields.data.encoding || undefined,
        pbx: fields.data.source || undefined,
        mapping,
        actor: c.get('user')?.username ?? 'unknown',
      });
      const body: ImportJobResponse = { job };
      return c.json(body, 202);
    } catch (e) {
      rmSync(upload.file, { force: true });
      throw e;
    }
  })
  .route('/mappings', mappingsRoutes)
  .post('/preview', allow('imports.upload'), previewRoute)
  .get('/jobs/:id', allow('imports.read'), async (c) => {
    const job = await c.get('deps').imports.get(c.req.param('id'));
    if (!job) throw new AppError('not_found', `no import job ${c.req.param('id')}`);
    const body: ImportJobResponse = { job };
    return c.json(body);
  })
  .get('/', allow('imports.read'), validate('query', listQuery), async (c) => {
    const body: ImportsResponse = {
      imports: await listImports(c.get('deps').db, c.req.valid('query').limit),
    };
    return c.json(body);
  })
  .get('/:id', allow('imports.read'), validate('param', idParam), async (c) => {
    const id = c.req.valid('param').id;
    const body: ImportDetailResponse | undefined = await importDetail(c.get('deps').db, id);
    if (!body) throw new AppError('not_found', `no import ${id}`);
    return c.json(body);
  });
