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
 * with other values cannot both be right and is quarantined. Aggregating first keeps the window
 * to the few repeated keys rather than every row.
 */
export function repeatedSql(kind: FactKind): string {
  const keys = keyOf(kind).map(q).join(', ');
  const cKeys = keyOf(kind)
    .map((k) => `c.${q(k)}`)
    .join(', ');
  return `CREATE OR REPLACE TEMP TABLE repeated AS
WITH dup_keys AS (
  SELECT ${keys} FROM checked WHERE problem IS NULL GROUP BY ALL HAVING count(*) > 1
), rows AS (
  SELECT c.*, row_number() OVER (PARTITION BY ${cKeys} ORDER BY c.line) AS n
  FROM checked c SEMI JOIN dup_keys d ON ${keyMatch(kind, 'c', 'd')}
  WHERE c.problem IS NULL
)
SELECT r.line, f.line AS first_line, ${same(kind, 'r', 'f')} AS same
FROM rows r JOIN rows f ON ${keyMatch(kind, 'r', 'f')} AND f.n = 1
WHERE r.n > 1`;
}

/** Quarantines the later rows of a repeated key that differ from its first row. */
export function markConflictsSql(kind: FactKind): string {
  const named = keyOf(kind)
    .map((c) => `'${c} "' || checked.${q(c)}::VARCHAR || '"'`)
    .join(` || ', ' || `);
  return `UPDATE checked SET problem = ${named} || ' is already on line ' || r.first_line || ' of this file, with other values'
FROM repeated r WHERE checked.line = r.line AND NOT r.same`;
}

/** Good rows whose key is stored already, and whether the stored row is the same. */
export function matchedSql(kind: FactKind): string {
  const table = q(kind);
  return `CREATE OR REPLACE TEMP TABLE matched AS
SELECT c.line, ${keyOf(kind)
    .map((k) => `c.${q(k)}`)
    .join(', ')}, ${same(kind, 'c', 't')} AS same
FROM checked c JOIN ${table} t ON ${keyMatch(kind, 'c', 't')}
WHERE c.problem IS NULL AND c.line NOT IN (SELECT line FROM repeated)`;
}

export function deleteReplacedSql(kind: FactKind): string {
  const keys = keyOf(kind).map(q).join(', ');
  return `DELETE FROM ${q(kind)} t USING (SELECT DISTINCT ${keys} FROM matched WHERE NOT same) m
WHERE ${keyMatch(kind, 't', 'm')}`;
}

export function insertSql(kind: FactKind): string {
  const cols = columnsOf(kind).map(q).join(', ');
  return `INSERT INTO ${q(kind)} BY NAME
SELECT ${cols}, $importId AS import_id FROM checked
WHERE problem IS NULL
  -- a repeat of an earlier row of this file, or a row stored already: duplicates
  AND line NOT IN (SELECT line FROM repeated)
  AND line NOT IN (SELECT line FROM matched WHERE same)`;
}

export const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM checked) AS records,
  (SELECT count(*) FROM checked WHERE problem IS NOT NULL) AS bad,
  (SELECT count(*) FROM repeated WHERE same) + (SELECT count(*) FROM matched WHERE same) AS duplicates`;
