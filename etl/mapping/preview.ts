import path from 'node:path';
import { BIGINT, type DuckDBType, LIST, quotedIdentifier as q, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { ImportMapping, ImportPreview } from '../../schemas/import-mapping.ts';
import { RECORD_KINDS } from '../../schemas/kinds.ts';
import { type Params, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { createPbxMap } from '../asterisk/pbx-map.ts';
import { type ColumnRule, FACT_COLUMNS } from '../facts/fact-columns.ts';
import { checkSql } from '../facts/validate.sql.ts';
import { zoneSpans } from '../facts/zone-spans.ts';
import { resolveFile } from '../import-log.ts';
import { prepareInput } from '../input/prepare.ts';
import { stageMapped } from './mapped-reader.ts';

export interface PreviewOptions {
  file: string;
  fileName?: string;
  mapping: ImportMapping;
  timeZone: string;
  pbx?: string | undefined;
  encoding?: string | undefined;
  /** How many good and how many bad records to show. */
  limit?: number;
}

/**
 * What importing a file through its mapping would do, with nothing written: the file is staged
 * and validated by the very statements an import runs (the reader's staging, the kind's check),
 * in temp tables of one connection, dropped after. Repeats within the file and records stored
 * before are not looked at: they are the import's to count.
 */
export async function previewMapped(target: Stores, o: PreviewOptions): Promise<ImportPreview> {
  const { db, analytics } = target;
  const { file } = await resolveFile(o.file);
  const name = o.fileName ?? path.basename(file);
  const limit = o.limit ?? 20;
  const input = await prepareInput(file, o.encoding ?? o.mapping.format.encoding);
  const kind = o.mapping.kind;
  const spec = RECORD_KINDS[kind];
  const operatorIds = (await db.selectFrom('operators').select('operator_id').execute()).map(
    (r) => r.operator_id,
  );
  try {
    return await analytics.withConnection(async (c) => {
      try {
        await createPbxMap(db, c);
        let staged: Awaited<ReturnType<typeof stageMapped>>;
        try {
          staged = await stageMapped(c, input.file, o.mapping, { pbx: o.pbx });
        } catch (e) {
          if (e instanceof AppError) throw e;
          throw new AppError(
            'bad_request',
            `cannot read ${name} through the mapping: ${(e as Error).message.split('\n')[0]}`,
          );
        }
        await c.run(
          'CREATE OR REPLACE TEMP TABLE known_operators AS SELECT unnest($ids) AS operator_id',
          { ids: textList(operatorIds) },
          { ids: LIST(VARCHAR) },
        );
        const spans = zoneSpans(o.timeZone);
        const params: Params = {};
        const types: Record<string, DuckDBType> = {};
        spans.offsets.forEach((v, i) => {
          params[`zo${i}`] = v;
          types[`zo${i}`] = BIGINT;
        });
        spans.bounds.forEach((v, i) => {
          params[`zb${i + 1}`] = v;
          types[`zb${i + 1}`] = BIGINT;
        });
        const check = checkSql({
          kind,
          required: spec.required,
          present: staged.columns,
          raw: 'raw',
          rowProblem: true,
          spans: spans.bounds.length,
          source: 'staging s',
          ordinal: '(s.line - 1)',
        });
        const zone = check.includes('$zo0');
        const p = zone ? params : {};
        const t = zone ? types : {};
        await c.run(`CREATE OR REPLACE TEMP TABLE preview_checked AS ${check}`, p, t);
        const counts = (
          await c.runAndReadAll(
            'SELECT count(*) AS n, count(*) FILTER (WHERE problem IS NULL) AS good FROM preview_checked',
          )
        ).getRowObjectsJson()[0];
        const cols = staged.columns;
        const rules = FACT_COLUMNS[kind] as Record<string, ColumnRule>;
        // Times as UTC instants, whatever the session's zone.
        const shown = (col: string) =>
          rules[col]?.type === 'timestamp'
            ? `strftime(${q(col)} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS ${q(col)}`
            : q(col);
        const good = (
          await c.runAndReadAll(
            `SELECT ordinal + 1 AS line, ${cols.map(shown).join(', ')} FROM preview_checked
             WHERE problem IS NULL ORDER BY ordinal LIMIT ${limit}`,
          )
        ).getRowObjectsJson();
        const bad = (
          await c.runAndReadAll(
            `SELECT ordinal + 1 AS line, raw, problem FROM preview_checked
             WHERE problem IS NOT NULL ORDER BY ordinal LIMIT ${limit}`,
          )
        ).getRowObjectsJson();
        const read = Number(counts?.n ?? 0);
        const goodCount = Number(counts?.good ?? 0);
        return {
          file: name,
          kind,
          sourceColumns: staged.sourceColumns,
          columns: cols,
          read,
          good: goodCount,
          quarantined: read - goodCount,
          rows: good.map((r) => ({
            line: Number(r.line),
            cells: Object.fromEntries(cols.map((col) => [col, r[col] == null ? null : String(r[col])])),
          })),
          quarantine: bad.map((r) => ({
            line: Number(r.line),
            raw: String(r.raw ?? ''),
            reason: String(r.problem),
          })),
          notes: staged.notes,
        };
      } finally {
        for (const table of ['staging', 'preview_checked', 'known_operators', 'pbx_map']) {
          await c.run(`DROP TABLE IF EXISTS ${table}`);
        }
      }
    });
  } finally {
    input.dispose();
  }
}
