import { quotedIdentifier as q } from '@duckdb/node-api';
import { FIRST_YEAR, LAST_YEAR } from '../../schemas/period.ts';
import {
  type ColumnRule,
  FACT_COLUMNS,
  type FactKind,
  OPERATOR_REFERENCES,
  ROW_RULES,
} from './fact-columns.ts';

/**
 * The set-based validation of a file: one query reads the text cells of a source (DuckDB's
 * reader itself, or a staging table) and gives the kind's typed columns plus `problem`, the
 * reason a row cannot load (null when it can), worded as the zod schemas word it:
 * "column: message", every failing column joined by "; ", and `raw`, the record's text, for the
 * bad rows.
 *
 * Column names come from the kind registry, never from the file; enum values are the registry's
 * constants. Values from outside — the zone's offsets and the known operators — are bound
 * parameters ($zb1…, $zo0…) or the `known_operators` table.
 *
 * Every cell of millions is judged, so each rule has a cheap path for the usual value (a compare,
 * a cast) and reaches for the costly tests (regular expressions, trimming, lower case) only where
 * the cheap path fails; the message of a bad row is put together only for the bad rows.
 */
/** primitives.timestamp's pattern, as RE2 reads it. */
const ISO_TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?`;
const TIMESTAMP_MESSAGE = 'is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])';

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
/**
 * A column's cell as text, trimmed, empty as null: an empty cell is null, never "" or 0. Only a
 * cell with white space at an end is trimmed: `x < '!'` is a cheap byte compare that holds for an
 * empty cell or one starting with a space, tab or line break (or another control character, which
 * trim leaves as it is), and the four suffix tests are as cheap.
 */
const clean = (x: string) =>
  `CASE WHEN ${x} < '!' OR suffix(${x}, ' ') OR suffix(${x}, chr(9)) OR suffix(${x}, chr(10)) OR suffix(${x}, chr(13))
    THEN nullif(trim(${x}, ' ' || chr(9) || chr(10) || chr(13)), '') ELSE ${x} END`;

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
  /**
   * Intermediate parses, named {{z}}, {{w}} in `value`: computed once, used by several arms. Each
   * entry is a step of its own, so a later parse may look at an earlier one.
   */
  parsed?: Record<string, string>[];
  /** Typed value, from the cleaned text `t`. */
  value: string;
  /** Message when the cell is bad (without the column name), or NULL; {{v}} is the typed value. */
  problem: string;
}

/** Rules whose usual value passes a cheap test as written: their cells are cleaned only where it fails. */
const LAZY_CLEAN: ReadonlySet<ColumnRule['type']> = new Set(['enum', 'timestamp', 'seconds', 'count']);

/**
 * A column's SQL, from its raw cell `x` and its cleaned text `t` (for the LAZY_CLEAN rules, `t` is
 * one of the column's own parses, cleaned only where the cheap path failed).
 */
function columnSql(rule: ColumnRule, x: string, t: string, required: boolean, spans: number): ColumnSql {
  const missing = required ? `WHEN ${t} IS NULL THEN 'is required'` : `WHEN ${t} IS NULL THEN NULL`;
  /** A problem once {{v}} is known: `whenValue` if it has a value, else missing, else `message`. */
  const unless = (message: string, whenValue = 'NULL') =>
    `CASE WHEN {{v}} IS NOT NULL THEN ${whenValue} ${missing} ELSE ${literal(message)} END`;
  switch (rule.type) {
    case 'identifier':
      return {
        value: t,
        // strlen counts bytes, never fewer than the characters length counts, and costs less
        problem: `CASE ${missing} WHEN strlen(${t}) > 200 AND length(${t}) > 200 THEN 'is longer than 200 characters' END`,
      };
    case 'text':
      return {
        value: t,
        problem: `CASE ${missing} WHEN strlen(${t}) > 10000 AND length(${t}) > 10000 THEN 'is longer than 10000 characters' END`,
      };
    case 'enum': {
      // Typed as an ENUM: the cast is one hash lookup, and the value takes a byte, not its text.
      const type = `ENUM(${rule.values.map(literal).join(', ')})`;
      return {
        // as written; else trimmed and in lower case
        parsed: [{ f: `TRY_CAST(${x} AS ${type})` }, { t: `CASE WHEN {{f}} IS NULL THEN ${clean(x)} END` }],
        value: `CASE WHEN {{f}} IS NOT NULL THEN {{f}} ELSE TRY_CAST(lower(${t}) AS ${type}) END`,
        problem: unless(`is not one of ${rule.values.join(', ')}`),
      };
    }
    case 'timestamp': {
      // Beyond milliseconds a fraction is cut, as JavaScript's Date and toInstant do.
      const ms = `CASE WHEN contains(${t}, '.') THEN regexp_replace(${t}, '(\\.\\d{3})\\d+', '\\1') ELSE ${t} END`;
      const valid = `regexp_full_match(${t}, '${ISO_TIMESTAMP}')`;
      const hasOffset = `(length(${t}) > 10 AND regexp_matches(${t}, '(Z|[+-]\\d{2}(:?\\d{2})?)$'))`;
      // The usual cell, with an offset, as written (f); then, cleaned, the other shapes: with an
      // offset (z), as written; without, a wall-clock time (epoch µs) of the company zone (w). Each
      // CASE tests its arms in turn and only on the rows still undecided.
      const parsed: Record<string, string>[] = [
        { f: `CASE WHEN ${withOffsetShape(x)} THEN TRY_CAST(${x} AS TIMESTAMPTZ) END` },
        { t: `CASE WHEN {{f}} IS NULL THEN ${clean(x)} END` },
        {
          z: `CASE WHEN {{f}} IS NOT NULL THEN {{f}} WHEN ${t} IS NULL THEN NULL
          WHEN ${withOffsetShape(t)} THEN TRY_CAST(${t} AS TIMESTAMPTZ) WHEN ${wallShape(t)} THEN NULL
          WHEN ${valid} AND ${hasOffset} THEN TRY_CAST(${ms} AS TIMESTAMPTZ) END`,
        },
        {
          w: `CASE WHEN {{z}} IS NOT NULL OR ${t} IS NULL THEN NULL
          WHEN ${wallShape(t)} THEN epoch_us(TRY_CAST(${t} AS TIMESTAMP))
          WHEN NOT ${withOffsetShape(t)} AND ${valid} AND NOT ${hasOffset} THEN epoch_us(TRY_CAST(${ms} AS TIMESTAMP)) END`,
        },
      ];
      const value = `CASE WHEN {{z}} IS NOT NULL THEN {{z}} WHEN {{w}} IS NOT NULL
        THEN make_timestamptz({{w}} - ${offsetCase('{{w}}', spans)}) END`;
      return { parsed, value, problem: unless(TIMESTAMP_MESSAGE) };
    }
    case 'money': {
      // "20000.00", "20000,5", "1 234,50": at most two decimals, to integer minor units.
      const s = `regexp_replace(${t}, '[\\s\\x{00A0}\\x{202F}]', '', 'g')`;
      const value = `CASE WHEN regexp_full_match(${s}, '[-+]?\\d+([.,]\\d{1,2})?')
        THEN TRY_CAST(TRY_CAST(replace(${s}, ',', '.') AS DECIMAL(38, 2)) * 100 AS BIGINT) END`;
      return { value, problem: `CASE ${missing} WHEN {{v}} IS NULL THEN 'is not an amount' END` };
    }
    case 'seconds':
    case 'count': {
      const [pattern, type, message] =
        rule.type === 'seconds'
          ? [String.raw`-?\d+(\.\d+)?`, 'DOUBLE', 'is not a number of seconds']
          : [String.raw`-?\d+`, 'INTEGER', 'is not a whole number'];
      return {
        // as written; else cleaned
        parsed: [
          { f: `CASE WHEN regexp_full_match(${x}, '${pattern}') THEN TRY_CAST(${x} AS ${type}) END` },
          { t: `CASE WHEN {{f}} IS NULL THEN ${clean(x)} END` },
        ],
        value: `CASE WHEN {{f}} IS NOT NULL THEN {{f}} WHEN regexp_full_match(${t}, '${pattern}') THEN TRY_CAST(${t} AS ${type}) END`,
        problem: unless(message, `CASE WHEN {{v}} < 0 THEN 'is negative' END`),
      };
    }
    case 'boolean':
      // An empty cell is false, as the schema's default.
      return {
        value: `CASE WHEN ${t} IS NULL THEN false WHEN lower(${t}) IN ('true', '1', 'yes', 'y') THEN true
          WHEN lower(${t}) IN ('false', '0', 'no', 'n') THEN false END`,
        problem: `CASE WHEN ${t} IS NOT NULL AND {{v}} IS NULL THEN 'is not a boolean (true/false, 1/0, yes/no)' END`,
      };
    case 'date':
      return {
        value: `CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(${t} AS DATE) END`,
        problem: `CASE ${missing} WHEN NOT regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}') THEN 'is not a date (YYYY-MM-DD)'
          WHEN {{v}} IS NULL THEN 'is not a calendar date'
          WHEN year({{v}}) NOT BETWEEN ${FIRST_YEAR} AND ${LAST_YEAR} THEN 'is not a date between ${FIRST_YEAR} and ${LAST_YEAR}' END`,
      };
    case 'list':
    case 'enum-list': {
      // `a;b`, or a JSON array as a JSON Lines file writes it; items trimmed, empty ones left out.
      const items = `CASE WHEN ${t} IS NULL THEN []::VARCHAR[]
        WHEN starts_with(${t}, '[') AND json_valid(${t}) AND json_type(${t}) = 'ARRAY' THEN json_extract_string(${t}, '$[*]')
        ELSE string_split(${t}, ';') END`;
      const kept = `list_filter(list_transform(${items}, lambda i: trim(i)), lambda i: i <> '')`;
      if (rule.type === 'list') return { value: kept, problem: 'NULL' };
      const values = `[${rule.values.map(literal).join(', ')}]`;
      const unknown = `list_filter({{v}}, lambda i: NOT list_contains(${values}, i))`;
      return {
        value: `list_transform(${kept}, lambda i: lower(i))`,
        problem: `CASE WHEN len(${unknown}) > 0 THEN '"' || ${unknown}[1] || '" is not one of ${rule.values.join(', ')}' END`,
      };
    }
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
  /** Known columns the source has; the others are null. */
  present: readonly string[];
  /**
   * The source of the text cells, as a FROM item aliased `s`: a reader (`read_csv(…) s`) or a
   * staging table. Its rows come in record order.
   */
  source: string;
  /** Further select items over `s` that `raw` needs, beside the source's own columns. */
  carry?: string;
  /** SQL rebuilding a record's raw text from the source's columns (unqualified names). */
  raw: string;
  /** Whether the source has a `_row_problem` column (a JSON line that is not an object). */
  rowProblem: boolean;
  /** How many DST changes the file's wall-clock times span: the zone spans' bound count. */
  spans: number;
  /** SQL over `s` giving a record's ordinal (0-based), output as `ordinal`; none when absent. */
  ordinal?: string;
  /**
   * A further condition (SQL over the typed values, named by typedColumn) for rows whose `raw` is
   * wanted although they are good: the few rows a second look needs.
   */
  rawWhen?: string;
}

/** A column of the validation's own, beside the source's: `t::call_id`, `v::call_id`, `p::call_id`. */
const own = (c: string, part: string) => q(`${part}::${c}`);

/** A column's typed value, by the name CheckOptions.rawWhen can use. */
export const typedColumn = (c: string) => own(c, 'v');

/**
 * One row per record of the source with the typed columns, `problem` and, for a bad row, `raw`
 * (and `ordinal` when asked). Steps, each a projection of the one before: clean text, parses,
 * typed values, each column's problem, then the row's.
 */
export function checkSql(o: CheckOptions): string {
  const rules = FACT_COLUMNS[o.kind];
  const columns = Object.keys(rules);
  const lazy = (c: string) => LAZY_CLEAN.has((rules[c] as ColumnRule).type);
  const cells = columns.map((c) =>
    !o.present.includes(c)
      ? `NULL::VARCHAR AS ${own(c, lazy(c) ? 'x' : 't')}`
      : lazy(c)
        ? `s.${q(c)} AS ${own(c, 'x')}`
        : `${clean(`s.${q(c)}`)} AS ${own(c, 't')}`,
  );
  const sqls = columns.map((c) =>
    columnSql(rules[c] as ColumnRule, own(c, 'x'), own(c, 't'), o.required.includes(c), o.spans),
  );
  const fill = (sql: string, c: string) => sql.replace(/\{\{(\w+)\}\}/g, (_, part: string) => own(c, part));
  const steps = Math.max(0, ...sqls.map((x) => x.parsed?.length ?? 0));
  const parsed = Array.from({ length: steps }, (_, k) =>
    columns.flatMap((c, i) =>
      Object.entries((sqls[i] as ColumnSql).parsed?.[k] ?? {}).map(
        ([part, sql]) => `${fill(sql, c)} AS ${own(c, part)}`,
      ),
    ),
  );
  const parseSteps = parsed.map(
    (items, k) =>
      `parsed${k + 1} AS (\n  SELECT *, ${items.join(',\n    ')} FROM ${k ? `parsed${k}` : 'cells'}\n)`,
  );
  const values = columns.map((c, i) => `${fill((sqls[i] as ColumnSql).value, c)} AS ${own(c, 'v')}`);
  const problems = columns.map((c, i) => `${fill((sqls[i] as ColumnSql).problem, c)} AS ${own(c, 'p')}`);
  const refs = OPERATOR_REFERENCES[o.kind];
  // A mark join (IN), not a LEFT JOIN the optimizer might turn round: it keeps the source's order.
  const refProblems = refs.map(
    (c) =>
      `CASE WHEN ${own(c, 'v')} IS NOT NULL AND NOT (${own(c, 'v')} IN (SELECT operator_id FROM known_operators))
        THEN ${literal(`${c}: "`)} || ${own(c, 'v')} || '" is not a known operator' END`,
  );
  const rowRules = (ROW_RULES[o.kind] ?? []).map(
    (r) =>
      `CASE WHEN ${r.bad.replace(/\$v\((\w+)\)/g, (_, c: string) => own(c, 'v'))} THEN ${literal(`${r.column}: ${r.message}`)} END`,
  );
  const anyProblem = [
    ...(o.rowProblem ? ['_row_problem IS NOT NULL'] : []),
    ...columns.map((c) => `${own(c, 'p')} IS NOT NULL`),
  ].join(' OR ');
  const messages = columns.map((c) => `${literal(`${c}: `)} || ${own(c, 'p')}`);
  const schemaProblem = `CASE WHEN ${anyProblem} THEN
    ${o.rowProblem ? 'coalesce(_row_problem, ' : '('}nullif(concat_ws('; ', ${messages.join(', ')}), '')) END`;
  const ordinal = o.ordinal ? `${o.ordinal} AS ${own('', 'ordinal')}, ` : '';
  return `WITH cells AS (
  SELECT s.*, ${ordinal}${o.carry ? `${o.carry}, ` : ''}${cells.join(',\n    ')}
  FROM ${o.source}
), ${parseSteps.map((p) => `${p}, `).join('')}valued AS (
  SELECT *, ${values.join(',\n    ')} FROM ${steps ? `parsed${steps}` : 'cells'}
), judged AS (
  SELECT *, ${problems.join(',\n    ')} FROM valued
), problems AS (
  SELECT *,
    -- a reference is checked only once the row is otherwise good, as the row-by-row path did
    coalesce(${[schemaProblem, ...rowRules, ...refProblems].join(', ')}) AS ${own('', 'problem')}
  FROM judged
)
SELECT ${columns.map((c) => `${own(c, 'v')} AS ${q(c)}`).join(',\n  ')},
  ${own('', 'problem')} AS problem,
  CASE WHEN ${own('', 'problem')} IS NOT NULL${o.rawWhen ? ` OR ${o.rawWhen}` : ''} THEN ${o.raw} END AS raw${
    o.ordinal ? `,\n  ${own('', 'ordinal')} AS ordinal` : ''
  }
FROM problems`;
}
