import { open } from 'node:fs/promises';
import { type DuckDBConnection, quotedIdentifier as q } from '@duckdb/node-api';
import type { ImportMapping } from '../../schemas/import-mapping.ts';
import { headerNames } from '../csv-header.ts';
import type { PlatformReader, StageContext, StagedRead } from '../platforms/reader.ts';
import { compileMapping, type SourceShape } from './compile.sql.ts';

/** The file's first line, UTF-8 (the importer has decoded another encoding before), no BOM. */
async function firstLine(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return (buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  } finally {
    await fh.close();
  }
}

/** What the mapping reads the file as: the CSV header's names, or the mapping's own for a file without. */
export async function sourceShape(mapping: ImportMapping, file: string): Promise<SourceShape> {
  const f = mapping.format;
  if (f.type === 'jsonl') return { type: 'jsonl' };
  if (!f.header) return { type: 'csv', names: f.columns ?? [], header: false };
  const delim = f.delimiter === '\\t' ? '\t' : f.delimiter;
  const line = await firstLine(file);
  return { type: 'csv', names: line.trim() ? headerNames(line, delim) : [], header: true };
}

/** Stages a file through its mapping (the reader of the format `mapped`). */
export async function stageMapped(
  c: DuckDBConnection,
  file: string,
  mapping: ImportMapping,
  ctx: Pick<StageContext, 'pbx'>,
): Promise<StagedRead & { sourceColumns: string[] }> {
  const shape = await sourceShape(mapping, file);
  const compiled = compileMapping(mapping, shape, ctx.pbx);
  await c.run(compiled.sql, { ...compiled.params, file }, compiled.types);
  const notes: string[] = [];
  for (const { column, agent } of compiled.agents) {
    const rows = (
      await c.runAndReadAll(
        `SELECT count(*) AS n, min(${q(agent)}) AS example FROM staging
         WHERE ${q(column)} IS NULL AND ${q(agent)} IS NOT NULL AND _row_problem IS NULL`,
      )
    ).getRowObjectsJson()[0];
    const n = Number(rows?.n ?? 0);
    if (n) {
      notes.push(
        `${n} record${n === 1 ? ' names' : 's name'} an agent no operator has among his PBX ids (such as "${String(rows?.example)}"): loaded without an operator`,
      );
    }
  }
  return { columns: compiled.columns, notes, sourceColumns: shape.type === 'csv' ? shape.names : [] };
}

/** A PlatformReader for a file read through `mapping`. */
export const mappedReader = (mapping: ImportMapping): PlatformReader => ({
  format: 'mapped',
  kind: mapping.kind,
  platform: mapping.platform ?? 'an export read through a mapping',
  detect: () => false,
  async stage(c, file, ctx) {
    const { columns, notes } = await stageMapped(c, file, mapping, ctx);
    return { columns, notes };
  },
});

/** The import options that read a file through `mapping`; an encoding given outright wins. */
export const mappedOptions = (mapping: ImportMapping, encoding?: string) => {
  const enc = encoding ?? mapping.format.encoding;
  return { format: 'mapped' as const, reader: mappedReader(mapping), ...(enc ? { encoding: enc } : {}) };
};
