import { quotedIdentifier as q } from '@duckdb/node-api';
import { KINDS } from '../../schemas/kinds.ts';
import { FACT_COLUMNS, type FactKind } from './fact-columns.ts';

/**
 * Moving the good rows of `checked` into a fact table: a row identical to one stored (ignoring
 * which import wrote it) is a duplicate; a row whose key is stored with other values replaces it.
 * Table and column names come from the kind registry.
 */

const columnsOf = (kind: FactKind) => Object.keys(FACT_COLUMNS[kind]);
const keyOf = (kind: FactKind) => KINDS[kind].key;
const same = (kind: FactKind, a: string, b: string) =>
  columnsOf(kind)
    .map((c) => `${a}.${q(c)} IS NOT DISTINCT FROM ${b}.${q(c)}`)
    .join(' AND ');
const keyMatch = (kind: FactKind, a: string, b: string) =>
  keyOf(kind)
    .map((c) => `${a}.${q(c)} = ${b}.${q(c)}`)
    .join(' AND ');

/**
 * A key twice in the file: the first row loads; a later identical row is a duplicate, a later row
 * with other values cannot both be right and is quarantined. Rows are `checked` rowids (`rid`),
 * the records' ordinals. The repeated keys are found by their hashes first — grouping millions of
 * fixed-size hashes costs far less than grouping their text — and then by the keys themselves among
 * the few rows whose hash repeats; the window then covers only those rows.
 */
export function repeatedSql(kind: FactKind): string {
  const keys = keyOf(kind).map(q).join(', ');
  const cKeys = keyOf(kind)
    .map((k) => `c.${q(k)}`)
    .join(', ');
  return `CREATE OR REPLACE TEMP TABLE repeated AS
WITH dup_hashes AS (
  SELECT hash(${keys}) AS h FROM checked WHERE problem IS NULL GROUP BY ALL HAVING count(*) > 1
), dup_keys AS (
  SELECT ${keys} FROM checked WHERE problem IS NULL AND hash(${keys}) IN (SELECT h FROM dup_hashes)
  GROUP BY ALL HAVING count(*) > 1
), rows AS (
  SELECT c.*, c.rowid AS rid, row_number() OVER (PARTITION BY ${cKeys} ORDER BY c.rowid) AS n
  FROM checked c SEMI JOIN dup_keys d ON ${keyMatch(kind, 'c', 'd')}
  WHERE c.problem IS NULL
)
SELECT r.rid, f.rid AS first_rid, ${same(kind, 'r', 'f')} AS same
FROM rows r JOIN rows f ON ${keyMatch(kind, 'r', 'f')} AND f.n = 1
WHERE r.n > 1`;
}

/**
 * Quarantines the later rows of a repeated key that differ from its first row; `line` gives the
 * line of a record from its rowid.
 */
export function markConflictsSql(kind: FactKind, line: (rid: string) => string): string {
  const named = keyOf(kind)
    .map((c) => `'${c} "' || checked.${q(c)}::VARCHAR || '"'`)
    .join(` || ', ' || `);
  return `UPDATE checked SET problem = ${named} || ' is already on line ' || ${line('r.first_rid')} || ' of this file, with other values'
FROM repeated r WHERE checked.rowid = r.rid AND NOT r.same`;
}

/** Good rows whose key is stored already, and whether the stored row is the same. */
export function matchedSql(kind: FactKind, repeats: boolean): string {
  const table = q(kind);
  return `CREATE OR REPLACE TEMP TABLE matched AS
SELECT c.rowid AS rid, ${keyOf(kind)
    .map((k) => `c.${q(k)}`)
    .join(', ')}, ${same(kind, 'c', 't')} AS same
FROM checked c JOIN ${table} t ON ${keyMatch(kind, 'c', 't')}
WHERE c.problem IS NULL${repeats ? ' AND c.rowid NOT IN (SELECT rid FROM repeated)' : ''}`;
}

export function deleteReplacedSql(kind: FactKind): string {
  const keys = keyOf(kind).map(q).join(', ');
  return `DELETE FROM ${q(kind)} t USING (SELECT DISTINCT ${keys} FROM matched WHERE NOT same) m
WHERE ${keyMatch(kind, 't', 'm')}`;
}

/**
 * The good rows into the fact table, less the duplicates: a repeat of an earlier row of this file
 * (`repeats`: there are some) and a row stored already (`matches`: there are some).
 */
export function insertSql(kind: FactKind, o: { repeats: boolean; matches: boolean }): string {
  const cols = columnsOf(kind).map(q).join(', ');
  return `INSERT INTO ${q(kind)} BY NAME
SELECT ${cols}, $importId AS import_id FROM checked
WHERE problem IS NULL${o.repeats ? '\n  AND rowid NOT IN (SELECT rid FROM repeated)' : ''}${
    o.matches ? '\n  AND rowid NOT IN (SELECT rid FROM matched WHERE same)' : ''
  }`;
}

/** `matched` when the fact table is empty: nothing of the file is stored already. */
export const EMPTY_MATCHED_SQL = `CREATE OR REPLACE TEMP TABLE matched AS SELECT NULL::BIGINT AS rid, NULL::BOOLEAN AS same WHERE false`;

/** Whether the fact table has any row: only then can a row of the file be stored already. */
export const hasRowsSql = (kind: FactKind) => `SELECT EXISTS (SELECT 1 FROM ${q(kind)})`;

export const REPEATS_SQL = `SELECT count(*) AS repeats, count(*) FILTER (WHERE NOT same) AS conflicts FROM repeated`;

export const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM checked) AS records,
  (SELECT count(*) FROM checked WHERE problem IS NOT NULL) AS bad,
  (SELECT count(*) FROM repeated WHERE same) + (SELECT count(*) FROM matched WHERE same) AS duplicates`;
