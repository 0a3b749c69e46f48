import { quotedIdentifier as q } from '@duckdb/node-api';
import { RECORD_KINDS } from '../../schemas/kinds.ts';
import { FACT_COLUMNS, type FactKind, factTable } from './fact-columns.ts';

/**
 * Loading a file's good rows into a fact table. The rows are validated and inserted by one
 * statement, tagged with the import's id ($importId); the few rows that need a second look are
 * then settled in the same transaction: a key the file has twice keeps its first row (a later
 * identical row is a duplicate, a later row with other values is quarantined); a row identical to
 * one stored before (ignoring which import wrote it) is a duplicate and goes; a row whose key is
 * stored with other values replaces it. Table and column names come from the kind registry.
 */

const columnsOf = (kind: FactKind) => Object.keys(FACT_COLUMNS[kind]);
const keyOf = (kind: FactKind) => RECORD_KINDS[kind].key;
const same = (kind: FactKind, a: string, b: string) =>
  columnsOf(kind)
    .map((c) => `${a}.${q(c)} IS NOT DISTINCT FROM ${b}.${q(c)}`)
    .join(' AND ');
const keyMatch = (kind: FactKind, a: string, b: string) =>
  keyOf(kind)
    .map((c) => `${a}.${q(c)} = ${b}.${q(c)}`)
    .join(' AND ');
const keyList = (kind: FactKind, alias?: string) =>
  keyOf(kind)
    .map((k) => (alias ? `${alias}.${q(k)}` : q(k)))
    .join(', ');

/** The good rows of the validation query `check`, straight into the fact table. */
export function insertCheckedSql(kind: FactKind, check: string): string {
  const cols = columnsOf(kind).map(q).join(', ');
  return `INSERT INTO ${q(factTable(kind))} BY NAME
SELECT ${cols}, $importId AS import_id FROM (${check}) WHERE problem IS NULL`;
}

/**
 * Keys this import wrote more than once: found by their hashes first — grouping millions of
 * fixed-size hashes costs far less than grouping their text — then by the keys themselves among
 * the few rows whose hash repeats.
 */
export function repeatedKeysSql(kind: FactKind): string {
  const table = q(factTable(kind));
  const keys = keyList(kind);
  return `CREATE OR REPLACE TEMP TABLE repeated_keys AS
WITH dup_hashes AS (
  SELECT hash(${keys}) AS h FROM ${table} WHERE import_id = $importId GROUP BY ALL HAVING count(*) > 1
)
SELECT ${keys} FROM ${table}
WHERE import_id = $importId AND hash(${keys}) IN (SELECT h FROM dup_hashes)
GROUP BY ALL HAVING count(*) > 1`;
}

/**
 * The rows of the file that need a second look, from the validation query `check` (with
 * `ordinal`, and `raw` for the rows of repeatedKeyCondition): the bad ones, and every good row of
 * a key written more than once. Only these rows have a `raw`.
 */
export function sideSql(check: string, table: 'side' | 'side_found' = 'side'): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT * FROM (${check}) WHERE raw IS NOT NULL`;
}

/** A row whose key this import wrote more than once (`typed` names a typed column). */
export function repeatedKeyCondition(kind: FactKind, typed: (c: string) => string): string {
  return `(${typed(keyOf(kind)[0] as string)} IS NOT NULL AND EXISTS (SELECT 1 FROM repeated_keys r WHERE ${keyOf(
    kind,
  )
    .map((k) => `r.${q(k)} = ${typed(k)}`)
    .join(' AND ')}))`;
}

/** Each good row of a repeated key, its first row (by ordinal), and whether it is the same. */
export function repeatsSql(kind: FactKind): string {
  return `CREATE OR REPLACE TEMP TABLE repeats AS
WITH rows AS (
  SELECT *, row_number() OVER (PARTITION BY ${keyList(kind)} ORDER BY ordinal) AS n
  FROM side WHERE problem IS NULL
)
SELECT r.ordinal, r.n, f.ordinal AS first_ordinal, ${same(kind, 'r', 'f')} AS same
FROM rows r JOIN rows f ON ${keyMatch(kind, 'r', 'f')} AND f.n = 1`;
}

/** Every copy of a repeated key leaves the table; its first row comes back (reinsertFirstsSql). */
export function deleteRepeatedSql(kind: FactKind): string {
  return `DELETE FROM ${q(factTable(kind))} t USING repeated_keys r
WHERE t.import_id = $importId AND ${keyMatch(kind, 't', 'r')}`;
}

export function reinsertFirstsSql(kind: FactKind): string {
  const cols = columnsOf(kind).map(q).join(', ');
  return `INSERT INTO ${q(factTable(kind))} BY NAME
SELECT ${cols}, $importId AS import_id FROM side
WHERE ordinal IN (SELECT ordinal FROM repeats WHERE n = 1)`;
}

/**
 * Quarantines the later rows of a repeated key that differ from its first row; `line` gives the
 * line of a record from its ordinal.
 */
export function markConflictsSql(kind: FactKind, line: (ordinal: string) => string): string {
  const named = keyOf(kind)
    .map((c) => `'${c} "' || side.${q(c)}::VARCHAR || '"'`)
    .join(` || ', ' || `);
  return `UPDATE side SET problem = ${named} || ' is already on line ' || ${line('r.first_ordinal')} || ' of this file, with other values'
FROM repeats r WHERE side.ordinal = r.ordinal AND r.n > 1 AND NOT r.same`;
}

export const REPEATS_SQL = `SELECT count(*) FILTER (WHERE n > 1 AND same) AS duplicates,
  count(*) FILTER (WHERE n > 1 AND NOT same) AS conflicts FROM repeats`;

export const SIDE_PROBLEMS_SQL = 'SELECT count(*) FROM side WHERE problem IS NOT NULL';

/** This import's rows whose key was stored before, and whether the stored row is the same. */
export function matchedSql(kind: FactKind): string {
  const table = q(factTable(kind));
  return `CREATE OR REPLACE TEMP TABLE matched AS
SELECT ${keyList(kind, 'n')}, ${same(kind, 'n', 'o')} AS same
FROM ${table} n JOIN ${table} o ON ${keyMatch(kind, 'n', 'o')}
WHERE n.import_id = $importId AND o.import_id IS DISTINCT FROM $importId`;
}

/** A row identical to a stored one is a duplicate: the stored row stays, this import's goes. */
export function deleteDuplicatesSql(kind: FactKind): string {
  return `DELETE FROM ${q(factTable(kind))} t USING (SELECT * FROM matched WHERE same) m
WHERE t.import_id = $importId AND ${keyMatch(kind, 't', 'm')}`;
}

/** A stored row whose key this import wrote with other values is replaced. */
export function deleteReplacedSql(kind: FactKind): string {
  return `DELETE FROM ${q(factTable(kind))} t USING (SELECT * FROM matched WHERE NOT same) m
WHERE t.import_id IS DISTINCT FROM $importId AND ${keyMatch(kind, 't', 'm')}`;
}

export const MATCHED_DUPLICATES_SQL = `SELECT count(*) FILTER (WHERE same) FROM matched`;

/** Whether the fact table has any row: only then can a row of the file be stored already. */
export const hasRowsSql = (kind: FactKind) => `SELECT EXISTS (SELECT 1 FROM ${q(factTable(kind))})`;

export const loadedSql = (kind: FactKind) =>
  `SELECT count(*) FROM ${q(factTable(kind))} WHERE import_id = $importId`;
