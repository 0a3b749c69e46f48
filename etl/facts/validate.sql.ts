import { quotedIdentifier as q } from '@duckdb/node-api';
import { type ColumnRule, FACT_COLUMNS, type FactKind, OPERATOR_REFERENCES } from './fact-columns.ts';

/**
 * The set-based validation of a staged file: one statement turns the text cells of `staging`
 * into the kind's typed columns plus `problem`, the reason a row cannot load (null when it can),
 * worded as the zod schemas word it: "column: message", every failing column joined by "; ".
 *
 * Column names come from the kind registry, never from the file; enum values are the registry's
 * constants. Values from outside — the zone's offsets and the known operators — are bound
 * parameters ($zb1…, $zo0…) or the `known_operators` table.
 */

/** primitives.timestamp's pattern, as RE2 reads it. */
const ISO_TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?`;
const TIMESTAMP_MESSAGE = 'is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])';

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
/**
 * A column's cell as text, trimmed, empty as null: an empty cell is null, never "" or 0. Trimming
 * every cell is slow in bulk, so only a cell with white space at an end (or any tab or line
 * break) is trimmed.
 */
const clean = (cell: string) =>
  `CASE WHEN ${cell} LIKE ' %' OR ${cell} LIKE '% ' OR contains(${cell}, chr(9)) OR contains(${cell}, chr(10))
      OR contains(${cell}, chr(13))
    THEN nullif(trim(${cell}, ' ' || chr(9) || chr(10) || chr(13)), '') ELSE nullif(${cell}, '') END`;

/**
 * The usual shapes of a timestamp, tested cheaply before the full pattern: `YYYY-MM-DDTHH:MM:SS±HH:MM`
 * and `YYYY-MM-DD HH:MM:SS` (or with T). Starting with a digit, they are ISO 8601 exactly when
 * DuckDB can cast them (its parser wants digits in every place), so only other shapes need RE2.
 */
const withOffsetShape = (t: string) =>
  `(${t} >= '0' AND ${t} < ':' AND ${t} LIKE '____-__-__T__:__:_____:__')`;
const wallShape = (t: string) =>
  `(${t} >= '0' AND ${t} < ':' AND (${t} LIKE '____-__-__ __:__:__' OR ${t} LIKE '____-__-__T__:__:__'))`;

/**
 * The offset to subtract from a wall-clock time (epoch µs) of the company zone: a binary search
 * over the zone's spans (zone-spans.ts), written as nested CASEs over bound values $zb…/$zo….
 */
function offsetCase(wall: string, spans: number): string {
  const search = (lo: number, hi: number): string => {
    // offsets lo..hi, separated by bounds lo+1..hi
    if (lo === hi) return `$zo${lo}`;
    const mid = Math.floor((lo + hi + 1) / 2);
    return `CASE WHEN ${wall} < $zb${mid} THEN ${search(lo, mid - 1)} ELSE ${search(mid, hi)} END`;
  };
  return search(0, spans);
}

interface ColumnSql {
  /** Intermediate parses, named {{z}}, {{w}} in `value`: computed once, used by several arms. */
  parsed?: Record<string, string>;
  /** Typed value, from the cleaned text `t`. */
  value: string;
  /** Message when the cell is bad (without the column name), or NULL. */
  problem: string;
}

function columnSql(rule: ColumnRule, t: string, required: boolean, spans: number): ColumnSql {
  const missing = required ? `WHEN ${t} IS NULL THEN 'is required'` : `WHEN ${t} IS NULL THEN NULL`;
  switch (rule.type) {
    case 'identifier':
      return {
        value: t,
        problem: `CASE ${missing} WHEN length(${t}) > 200 THEN 'is longer than 200 characters' END`,
      };
    case 'text':
      return {
        value: t,
        problem: `CASE WHEN length(${t}) > 10000 THEN 'is longer than 10000 characters' END`,
      };
    case 'enum': {
      const values = rule.values.map(literal).join(', ');
      return {
        value: `lower(${t})`,
        problem: `CASE ${missing} WHEN lower(${t}) NOT IN (${values}) THEN ${literal(`is not one of ${rule.values.join(', ')}`)} END`,
      };
    }
    case 'timestamp': {
      // Beyond milliseconds a fraction is cut, as JavaScript's Date and toInstant do.
      const ms = `CASE WHEN contains(${t}, '.') THEN regexp_replace(${t}, '(\\.\\d{3})\\d+', '\\1') ELSE ${t} END`;
      const valid = `regexp_full_match(${t}, '${ISO_TIMESTAMP}')`;
      const hasOffset = `(length(${t}) > 10 AND regexp_matches(${t}, '(Z|[+-]\\d{2}(:?\\d{2})?)$'))`;
      // With an offset: as written. Without: a wall-clock time (epoch µs) of the company zone.
      const parsed = {
        z: `CASE WHEN ${withOffsetShape(t)} THEN TRY_CAST(${t} AS TIMESTAMPTZ) WHEN ${wallShape(t)} THEN NULL
          WHEN ${valid} AND ${hasOffset} THEN TRY_CAST(${ms} AS TIMESTAMPTZ) END`,
        w: `CASE WHEN ${withOffsetShape(t)} THEN NULL WHEN ${wallShape(t)} THEN epoch_us(TRY_CAST(${t} AS TIMESTAMP))
          WHEN ${valid} AND NOT ${hasOffset} THEN epoch_us(TRY_CAST(${ms} AS TIMESTAMP)) END`,
      };
      const value = `coalesce({{z}}, make_timestamptz({{w}} - ${offsetCase('{{w}}', spans)}))`;
      return { parsed, value, problem: `CASE ${missing} WHEN {{v}} IS NULL THEN '${TIMESTAMP_MESSAGE}' END` };
    }
    case 'money': {
      // "20000.00", "20000,5", "1 234,50": at most two decimals, to integer minor units.
      const s = `regexp_replace(${t}, '[\\s\\x{00A0}\\x{202F}]', '', 'g')`;
      const value = `CASE WHEN regexp_full_match(${s}, '[-+]?\\d+([.,]\\d{1,2})?')
        THEN TRY_CAST(TRY_CAST(replace(${s}, ',', '.') AS DECIMAL(38, 2)) * 100 AS BIGINT) END`;
      return { value, problem: `CASE ${missing} WHEN {{v}} IS NULL THEN 'is not an amount' END` };
    }
    case 'seconds':
      return {
        value: `CASE WHEN regexp_full_match(${t}, '-?\\d+(\\.\\d+)?') THEN TRY_CAST(${t} AS DOUBLE) END`,
        problem: `CASE ${missing} WHEN {{v}} IS NULL THEN 'is not a number of seconds' WHEN {{v}} < 0 THEN 'is negative' END`,
      };
    case 'count':
      return {
        value: `CASE WHEN regexp_full_match(${t}, '-?\\d+') THEN TRY_CAST(${t} AS INTEGER) END`,
        problem: `CASE ${missing} WHEN {{v}} IS NULL THEN 'is not a whole number' WHEN {{v}} < 0 THEN 'is negative' END`,
      };
    case 'currency':
      return {
        value: `upper(${t})`,
        problem: `CASE ${missing} WHEN NOT regexp_full_match(upper(${t}), '[A-Z]{3}') THEN 'is not an ISO 4217 currency code' END`,
      };
  }
}

export interface CheckOptions {
  kind: FactKind;
  required: readonly string[];
  /** Known columns the file has; the others are null. */
  present: readonly string[];
  /** SQL for the row's line number, from the staging row `s` (its rowid is the record's ordinal). */
  line: string;
  /** ASOF join that `line` needs, if any (CSV lines shifted by rejected rows). */
  lineJoin?: string;
  /** Whether staging has a `_row_problem` column (a JSON line that is not an object). */
  rowProblem: boolean;
  /** How many DST changes the file's wall-clock times span: the zone spans' bound count. */
  spans: number;
}

/**
 * `checked`: one row per staged record with its line, its staging rowid (`rid`, to find the raw
 * text again), the typed columns, and `problem`. Three steps, each a projection of the one before:
 * clean text, typed values, then the problems (typed values are computed once and reused).
 */
export function checkSql(o: CheckOptions): string {
  const rules = FACT_COLUMNS[o.kind];
  const columns = Object.keys(rules);
  const cells = columns.map(
    (c) => `${o.present.includes(c) ? clean(`s.${q(c)}`) : 'NULL::VARCHAR'} AS ${q(c)}`,
  );
  const sqls = columns.map((c) => columnSql(rules[c] as ColumnRule, q(c), o.required.includes(c), o.spans));
  const named = (c: string, part: string) => q(`${c}__${part}`);
  const fill = (sql: string, c: string) => sql.replace(/\{\{(\w+)\}\}/g, (_, part: string) => named(c, part));
  const parsed = columns.flatMap((c, i) =>
    Object.entries((sqls[i] as ColumnSql).parsed ?? {}).map(([part, sql]) => `${sql} AS ${named(c, part)}`),
  );
  const values = columns.map((c, i) => `${fill((sqls[i] as ColumnSql).value, c)} AS ${named(c, 'v')}`);
  const problems = columns.map(
    (c, i) => `${literal(`${c}: `)} || (${fill((sqls[i] as ColumnSql).problem, c)})`,
  );
  const refs = OPERATOR_REFERENCES[o.kind];
  const refJoins = refs.map(
    (c, i) => `LEFT JOIN known_operators k${i} ON k${i}.operator_id = v.${named(c, 'v')}`,
  );
  const refProblems = refs.map(
    (c, i) =>
      `CASE WHEN v.${named(c, 'v')} IS NOT NULL AND k${i}.operator_id IS NULL
        THEN ${literal(`${c}: "`)} || v.${named(c, 'v')} || '" is not a known operator' END`,
  );
  return `CREATE OR REPLACE TEMP TABLE checked AS
WITH cells AS (
  SELECT ${o.line} AS line, s.rowid AS rid, ${o.rowProblem ? 's._row_problem' : 'NULL::VARCHAR'} AS row_problem,
    ${cells.join(',\n    ')}
  FROM staging s ${o.lineJoin ?? ''}
), parsed AS (
  SELECT *${parsed.length ? `, ${parsed.join(',\n    ')}` : ''} FROM cells
), valued AS (
  SELECT *, ${values.join(',\n    ')} FROM parsed
), judged AS (
  SELECT *, coalesce(row_problem, nullif(concat_ws('; ', ${problems.join(',\n    ')}), '')) AS schema_problem
  FROM valued
)
SELECT v.line, v.rid,
  ${columns.map((c) => `v.${named(c, 'v')} AS ${q(c)}`).join(',\n  ')},
  -- a reference is checked only once the row is otherwise good, as the row-by-row path did
  coalesce(v.schema_problem${refProblems.length ? `, ${refProblems.join(', ')}` : ''}) AS problem
FROM judged v ${refJoins.join(' ')}`;
}
