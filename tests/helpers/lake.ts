import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Analytics } from '../../stores/duckdb.ts';
import { LAKE_FACT_TABLES, partitionFile } from '../../stores/lake/layout.ts';

/** Each partitioned fact table's rows with the instant whose local month names their partition. */
const TIMED: Record<string, string> = {
  calls: 'SELECT x.*, x.started_at AS _at FROM calls x',
  orders: 'SELECT x.*, x.created_at AS _at FROM orders x',
  debts: 'SELECT x.*, x.as_of AS _at FROM debts x',
  transcripts: 'SELECT x.*, c.started_at AS _at FROM transcripts x JOIN calls c USING (call_id)',
  transcript_segments:
    'SELECT x.*, c.started_at AS _at FROM transcript_segments x JOIN calls c USING (call_id)',
};

/**
 * Writes the analytics store's fact tables as a lake (stores/lake/layout.ts) with DuckDB's COPY:
 * one Parquet file per table and month of the zone `tz`, a table without time as one file. A
 * stand-in for the lake's own writer, kept to this one function.
 */
export async function writeTestLake(analytics: Analytics, root: string, tz: string): Promise<void> {
  const write = async (select: string, file: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    await analytics.rows(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  };
  const zone = tz.replaceAll("'", "''");
  for (const table of LAKE_FACT_TABLES) {
    const timed = TIMED[table.name];
    if (!table.partitioned || !timed) {
      await write(`SELECT * FROM ${table.name}`, partitionFile(root, table.name, null));
      continue;
    }
    const month = `strftime(_at AT TIME ZONE '${zone}', '%Y-%m')`;
    const months = await analytics.rows(`SELECT DISTINCT ${month} AS m FROM (${timed}) ORDER BY 1`);
    for (const { m } of months) {
      await write(
        `SELECT * EXCLUDE (_at) FROM (${timed}) WHERE ${month} = '${m}' ORDER BY _at`,
        partitionFile(root, table.name, String(m)),
      );
    }
  }
}
