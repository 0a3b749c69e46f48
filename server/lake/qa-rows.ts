import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../../stores/sqlite.ts';
import { type StagedColumn, stagedColumns, stagedTypeOf, stageRows } from './stage-rows.ts';

/** The operational store's tables the lake's QA tables are made from, staged as `src_<name>`. */
const OPERATIONAL_SOURCES = [
  'evaluations',
  'evaluation_comments',
  'evaluation_disputes',
  'evaluation_auto_answers',
  'claims',
  'claim_periods',
  'assessments',
  'coaching_sessions',
  'teams',
  'operators',
] as const;

type Source = (typeof OPERATIONAL_SOURCES)[number];

/**
 * The operational store keeps times as ISO 8601 text (`*_at`) and dates as `YYYY-MM-DD` (`*_on`):
 * in the lake they are typed, so a warehouse filters and groups them without parsing. Text that
 * is not a time (never written by callscore) becomes null rather than stopping the sync.
 */
async function typeTimes(
  c: DuckDBConnection,
  table: string,
  columns: readonly StagedColumn[],
): Promise<void> {
  for (const col of columns) {
    if (col.type !== 'VARCHAR') continue;
    const type = /_at$/.test(col.name) ? 'TIMESTAMPTZ' : /_on$/.test(col.name) ? 'DATE' : null;
    if (type)
      await c.run(
        `ALTER TABLE ${table} ALTER COLUMN "${col.name}" TYPE ${type} USING try_cast("${col.name}" AS ${type})`,
      );
  }
}

/** One answer of an evaluation, its value as JSON text (`true`, `3`, `"n/a"`, `null`). */
function answerRows(evaluations: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const e of evaluations) {
    if (typeof e.answers !== 'string' || e.answers === '') continue;
    let answers: unknown;
    try {
      answers = JSON.parse(e.answers);
    } catch {
      continue; // a stored answer set always parses; a damaged one is not the lake's to repair
    }
    if (answers === null || typeof answers !== 'object') continue;
    for (const [question, value] of Object.entries(answers as Record<string, unknown>))
      out.push({ evaluation_id: e.evaluation_id, question_id: question, value: JSON.stringify(value) });
  }
  return out;
}

/**
 * Reads the QA tables of the operational store (SQLite or PostgreSQL, through kysely) into temp
 * tables of `c`: `src_evaluations`, `src_claims`, …, and `src_evaluation_answers` (one row per
 * answer). The lake's SQL (qa-tables.sql.ts) shapes and partitions them.
 */
export async function stageOperational(db: Db, c: DuckDBConnection): Promise<void> {
  const tables = await db.introspection.getTables();
  const declared = new Map<string, StagedColumn[]>(
    tables.map((t) => [
      t.name,
      t.columns.map((col) => ({ name: col.name, type: stagedTypeOf(col.dataType) })),
    ]),
  );
  const read = new Map<Source, Record<string, unknown>[]>();
  for (const name of OPERATIONAL_SOURCES) {
    const rows = (await db.selectFrom(name).selectAll().execute()) as Record<string, unknown>[];
    read.set(name, rows);
    const columns = stagedColumns(rows, declared.get(name));
    await stageRows(c, `src_${name}`, columns, rows);
    await typeTimes(c, `src_${name}`, columns);
  }
  const answers = answerRows(read.get('evaluations') ?? []);
  await stageRows(
    c,
    'src_evaluation_answers',
    [
      { name: 'evaluation_id', type: 'VARCHAR' },
      { name: 'question_id', type: 'VARCHAR' },
      { name: 'value', type: 'VARCHAR' },
    ],
    answers,
  );
}
