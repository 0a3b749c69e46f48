import { rmSync } from 'node:fs';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, describeIssues } from '../../core/errors.ts';
import { PBX_SOURCE } from '../../etl/asterisk/import-asterisk.ts';
import { parseMapping } from '../../etl/mapping/parse-mapping.ts';
import { previewMapped } from '../../etl/mapping/preview.ts';
import {
  type ImportMapping,
  type ImportPreviewResponse,
  type MappingResponse,
  type MappingsResponse,
  mappingName,
} from '../../schemas/import-mapping.ts';
import type { Db } from '../../stores/sqlite.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { validate } from '../validate.ts';
import { deleteMapping, listMappings, mappingByName, saveMapping } from './import-mappings.repository.ts';
import { receiveUpload } from './receive-upload.ts';

const nameParam = z.object({ name: mappingName });

/** A mapping named in a form: sent whole (`mapping`, its JSON) or by its saved name (`mappingName`). */
export async function mappingFromFields(
  db: Db,
  fields: Record<string, string>,
  kind?: string,
): Promise<ImportMapping | undefined> {
  let mapping: ImportMapping | undefined;
  if (fields.mapping?.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(fields.mapping);
    } catch (e) {
      throw new AppError('bad_request', `mapping: is not JSON: ${(e as Error).message}`);
    }
    mapping = parseMapping(json);
  } else if (fields.mappingName?.trim()) {
    const saved = await mappingByName(db, fields.mappingName.trim());
    if (!saved)
      throw new AppError('bad_request', `mappingName: no mapping is saved as "${fields.mappingName}"`);
    mapping = parseMapping(saved.mapping);
  }
  if (mapping && kind !== undefined && mapping.kind !== kind) {
    throw new AppError('bad_request', `mapping: it reads ${mapping.kind}, not ${kind}`);
  }
  return mapping;
}

const previewFields = z.object({
  source: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || PBX_SOURCE.test(s),
      'must be a short name: letters, digits, ".", "_" or "-", up to 32',
    )
    .optional(),
  encoding: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/**
 * `POST /api/imports/preview`: a file (multipart `file`) and its mapping (`mapping` or
 * `mappingName`): the records as they would load and those that would be quarantined. Nothing is
 * written and the file is not kept.
 */
export async function previewRoute(c: Context<AppEnv>) {
  const { db, imports } = c.get('deps');
  const upload = await receiveUpload(c.req.raw, imports.uploadsDir);
  try {
    const fields = previewFields.safeParse(upload.fields);
    if (!fields.success) throw new AppError('bad_request', describeIssues(fields.error.issues));
    if (!upload.fields.mapping?.trim() && !upload.fields.mappingName?.trim()) {
      throw new AppError(
        'bad_request',
        'mapping: send the mapping (its JSON) or the name of a saved one (mappingName)',
      );
    }
    const mapping = (await mappingFromFields(db, upload.fields, upload.fields.kind)) as ImportMapping;
    const { timeZone } = await readSettings(db);
    const preview = await previewMapped(c.get('deps'), {
      file: upload.file,
      fileName: upload.fileName,
      mapping,
      timeZone,
      pbx: fields.data.source || undefined,
      encoding: fields.data.encoding || undefined,
      ...(fields.data.limit ? { limit: fields.data.limit } : {}),
    });
    const body: ImportPreviewResponse = { preview };
    return c.json(body);
  } finally {
    rmSync(upload.file, { force: true });
  }
}

/** Mappings saved by name (`/api/imports/mappings`): the administrator's, as the imports are. */
export const mappingsRoutes = new Hono<AppEnv>()
  .get('/', allow('imports.read'), async (c) => {
    const body: MappingsResponse = { mappings: await listMappings(c.get('deps').db) };
    return c.json(body);
  })
  .get('/:name', allow('imports.read'), validate('param', nameParam), async (c) => {
    const { name } = c.req.valid('param');
    const mapping = await mappingByName(c.get('deps').db, name);
    if (!mapping) throw new AppError('not_found', `no mapping is saved as "${name}"`);
    const body: MappingResponse = { mapping };
    return c.json(body);
  })
  .put('/:name', allow('imports.upload'), validate('param', nameParam), async (c) => {
    const { name } = c.req.valid('param');
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw new AppError('bad_request', 'send the mapping as a JSON body');
    }
    const mapping = parseMapping(json);
    const { saved, created } = await saveMapping(
      c.get('deps').db,
      name,
      mapping,
      c.get('user')?.username ?? 'unknown',
    );
    const body: MappingResponse = { mapping: saved };
    return c.json(body, created ? 201 : 200);
  })
  .delete('/:name', allow('imports.upload'), validate('param', nameParam), async (c) => {
    const { name } = c.req.valid('param');
    if (!(await deleteMapping(c.get('deps').db, name, c.get('user')?.username ?? 'unknown'))) {
      throw new AppError('not_found', `no mapping is saved as "${name}"`);
    }
    return c.json({ deleted: name });
  });
