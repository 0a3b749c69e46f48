import { type DuckDBType, LIST, listValue, quotedIdentifier as q, VARCHAR } from '@duckdb/node-api';
import { AppError } from '../../core/errors.ts';
import type { ColumnMapping, ImportMapping } from '../../schemas/import-mapping.ts';
import { RECORD_KINDS } from '../../schemas/kinds.ts';
import type { Params } from '../../stores/duckdb.ts';
import { type ColumnRule, FACT_COLUMNS } from '../facts/fact-columns.ts';

/**
 * A mapping compiled to one DuckDB statement that stages the file as the canonical kind's text
 * cells (etl/platforms/reader.ts: `line`, `raw`, `_row_problem` and the columns). The file is
 * read as bare lines, so every record keeps its line and text; a CSV line is split into fields
 * by a pattern. Everything the mapping says — column positions aside, which are integers — is a
 * bound parameter, and every identifier is quoted: nothing from the file or the mapping is
 * written into the SQL as text.
 */
export interface CompiledMapping {
  sql: string;
  params: Params;
  types: Record<string, DuckDBType>;
  /** The canonical columns the statement fills, in canonical order. */
  columns: string[];
  /** Columns looked up through the PBX ids, each with the staging column holding the agent's text. */
  agents: { column: string; agent: string }[];
}

/** What the compiler knows of the file: its columns' names (CSV), none for JSON Lines. */
export type SourceShape = { type: 'csv'; names: string[]; header: boolean } | { type: 'jsonl' };

const ISO = '%Y-%m-%dT%H:%M:%S';
/** The bare lines of the file, numbered from 1 (blank ones too), a BOM and a CR taken off. */
const LINES = `SELECT ordinality AS line, rtrim(ltrim(l, chr(65279)), chr(13)) AS raw
    FROM read_csv($file, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
      delim = chr(0), quote = '', escape = '') WITH ORDINALITY`;

const fail = (message: string) => new AppError('bad_request', `mapping: ${message}`);
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A JSON path for a key path written `a.b` (or already `$…`). */
export const jsonPath = (p: string) =>
  p.startsWith('$')
    ? p
    : `$.${p
        .split('.')
        .map((k) => (/^\w+$/.test(k) ? k : JSON.stringify(k)))
        .join('.')}`;

class Binder {
  readonly params: Params = {};
  readonly types: Record<string, DuckDBType> = {};
  private n = 0;
  bind(value: string | string[]): string {
    const name = `m${this.n++}`;
    if (Array.isArray(value)) {
      this.params[name] = listValue([...value]);
      this.types[name] = LIST(VARCHAR);
    } else this.params[name] = value;
    return `$${name}`;
  }
}
/** The rule of a canonical column, or throws naming it. */
function ruleOf(kind: ImportMapping['kind'], column: string): ColumnRule {
  const rule = (FACT_COLUMNS[kind] as Record<string, ColumnRule>)[column];
  if (!rule) throw fail(`${column} is not a column of ${kind} (${RECORD_KINDS[kind].columns.join(', ')})`);
  return rule;
}

/** A naive timestamp expression as the canonical text: local to the company, UTC or another zone. */
function zoned(ts: string, zone: string | undefined, b: Binder): string {
  if (zone === undefined) return `strftime(${ts}, '${ISO}')`;
  if (zone === 'UTC' || zone === 'Etc/UTC') return `strftime(${ts}, '${ISO}') || 'Z'`;
  return `strftime(timezone(${b.bind(zone)}, ${ts}) AT TIME ZONE 'UTC', '${ISO}') || 'Z'`;
}

/** The typed conversion of a column's text `x`: its time format or its duration; else `x`. */
function converted(
  column: string,
  m: ColumnMapping,
  rule: ColumnRule,
  x: string,
  zone: string | undefined,
  b: Binder,
): string {
  if (m.format !== undefined && rule.type !== 'timestamp') {
    throw fail(`${column} is not a timestamp: "format" does not apply`);
  }
  if (m.duration !== undefined && rule.type !== 'seconds') {
    throw fail(`${column} is not a duration in seconds: "duration" does not apply`);
  }
  // A value that does not convert stays as the file has it: the validation then says why.
  if (rule.type === 'timestamp') {
    const f = m.format ?? 'iso';
    if (f === 'epoch' || f === 'epoch_ms') {
      const micros = f === 'epoch' ? '1e6' : '1e3';
      return `coalesce(strftime(make_timestamp(CAST(round(try_cast(${x} AS DOUBLE) * ${micros}) AS BIGINT)), '${ISO}') || 'Z', ${x})`;
    }
    if (f === 'iso') {
      if (zone === undefined) return x;
      // Times with their own offset keep it; the others are read in the mapping's zone.
      return `CASE WHEN regexp_matches(${x}, '(Z|[+-]\\d{2}:?\\d{2})$') THEN ${x}
        ELSE coalesce(${zoned(`try_cast(${x} AS TIMESTAMP)`, zone, b)}, ${x}) END`;
    }
    const parsed = `try_strptime(${x}, ${b.bind(f)})`;
    const withOffset = /%[zZ]/.test(f);
    return `coalesce(${withOffset ? `strftime(${parsed} AT TIME ZONE 'UTC', '${ISO}') || 'Z'` : zoned(parsed, zone, b)}, ${x})`;
  }
  if (rule.type === 'seconds' && m.duration) {
    const seconds =
      m.duration === 'hms'
        ? // HH:MM:SS or MM:SS by its parts, without a pattern: a part that is no number makes it NULL.
          `CASE len(string_split(${x}, ':'))
            WHEN 3 THEN try_cast(split_part(${x}, ':', 1) AS DOUBLE) * 3600
              + try_cast(split_part(${x}, ':', 2) AS DOUBLE) * 60 + try_cast(split_part(${x}, ':', 3) AS DOUBLE)
            WHEN 2 THEN try_cast(split_part(${x}, ':', 1) AS DOUBLE) * 60 + try_cast(split_part(${x}, ':', 2) AS DOUBLE)
          END`
        : `try_cast(${x} AS DOUBLE)${m.duration === 'ms' ? ' / 1000' : ''}`;
    return `coalesce(CAST(round(${seconds}) AS BIGINT)::VARCHAR, ${x})`;
  }
  return x;
}

/**
 * Compiles a mapping for a file of `shape`. Throws a 400 naming the fault: a column the kind
 * does not have, a source column the file lacks, a conversion on a column of another type, a
 * required column the mapping leaves out.
 */
export function compileMapping(mapping: ImportMapping, shape: SourceShape, pbx?: string): CompiledMapping {
  const b = new Binder();
  const { kind } = mapping;
  const spec = RECORD_KINDS[kind];
  const mapped = Object.keys(mapping.columns);
  for (const col of mapped) ruleOf(kind, col);
  const missing = spec.required.filter((c) => !mapped.includes(c));
  if (missing.length) throw fail(`gives no ${missing.join(', ')} (required for ${kind})`);
  const columns = spec.columns.filter((c) => mapped.includes(c));

  // Source columns: CSV field positions (1-based), JSON paths by their place in $paths.
  const paths: string[] = [];
  let maxField = 0;
  const cell = (name: string, column: string): string => {
    if (shape.type === 'jsonl') {
      const p = jsonPath(name);
      let i = paths.indexOf(p);
      if (i < 0) i = paths.push(p) - 1;
      return `nullif(trim(f[${i + 1}]), '')`;
    }
    const pos = /^#(\d{1,3})$/.exec(name);
    const index = pos ? Number(pos[1]) : shape.names.indexOf(name) + 1;
    if (index < 1 || (pos && shape.header && index > shape.names.length)) {
      const known = shape.names.length ? ` (its columns: ${shape.names.join(', ')})` : '';
      throw fail(`${column}: the file has no column "${name}"${known}`);
    }
    maxField = Math.max(maxField, index);
    return `nullif(trim(f[${index}]), '')`;
  };

  const text: string[] = [];
  const cleaned: string[] = [];
  const final: string[] = [];
  const joins: string[] = [];
  const agents: CompiledMapping['agents'] = [];
  for (const column of columns) {
    const m = mapping.columns[column] as ColumnMapping;
    const rule = ruleOf(kind, column);
    const a = q(`a:${column}`);
    const t = q(`t:${column}`);
    let assembled: string;
    // An agent named in one of several columns (an outbound call's in the originator's, an inbound
    // one's in the destination's): each column is looked up, the first that names an operator wins.
    const alternatives: string[] = [];
    if (m.const !== undefined) assembled = `${b.bind(m.const)}::VARCHAR`;
    else {
      const from = Array.isArray(m.from) ? m.from : [m.from as string];
      const cells = from.map((n) => cell(n, column));
      if (m.via === 'pbx' && cells.length > 1 && m.separator === undefined) {
        cells.forEach((c, i) => {
          alternatives.push(q(`a:${column}:${i}`));
          text.push(`${c} AS ${q(`a:${column}:${i}`)}`);
        });
        assembled = `coalesce(${cells.join(', ')})`;
      } else
        assembled =
          cells.length === 1
            ? (cells[0] as string)
            : `nullif(concat_ws(${b.bind(m.separator ?? '')}, ${cells.join(', ')}), '')`;
    }
    // Cells that mean nothing are empty.
    if (m.empty?.length) {
      assembled = `CASE WHEN list_contains(${b.bind(m.empty)}, ${assembled}) THEN NULL ELSE ${assembled} END`;
    }
    text.push(`${assembled} AS ${a}`);
    // The value map, its keys without case, and its default for the values it does not name.
    if (m.values && Object.keys(m.values).length) {
      const arms = Object.entries(m.values).map(
        ([k, v]) => `WHEN lower(${a}) = ${b.bind(k.trim().toLowerCase())} THEN nullif(${b.bind(v)}, '')`,
      );
      const other = m.default !== undefined ? `nullif(${b.bind(m.default)}, '')` : a;
      cleaned.push(`CASE WHEN ${a} IS NULL THEN NULL ${arms.join(' ')} ELSE ${other} END AS ${t}`);
    } else cleaned.push(`${a} AS ${t}`);
    let v = converted(column, m, rule, t, mapping.timeZone, b);
    if (m.via === 'pbx') {
      if (column !== 'operator_id')
        throw fail(`${column}: "via": "pbx" names operators, for operator_id only`);
      const keys = alternatives.length ? alternatives : [t];
      const js = keys.map((key, i) => {
        const j = q(`p:${column}:${i}`);
        joins.push(
          `LEFT JOIN (SELECT key, min(operator_id) AS operator_id FROM pbx_map GROUP BY key) ${j} ON ${j}.key = lower(${key})`,
        );
        return `${j}.operator_id`;
      });
      v = js.length === 1 ? (js[0] as string) : `coalesce(${js.join(', ')})`;
      agents.push({ column, agent: `_agent:${column}` });
      // Of several columns, the first names the agent the report's note speaks of.
      final.push(`${alternatives[0] ?? t} AS ${q(`_agent:${column}`)}`);
    }
    if (column === 'call_id' && pbx) v = `${b.bind(`${pbx}:`)} || ${v}`;
    final.push(`${v} AS ${q(column)}`);
  }

  let rec: string;
  let problem: string;
  if (shape.type === 'jsonl') {
    rec = `SELECT line, raw, CASE WHEN json_valid(raw) AND json_type(raw) = 'OBJECT'
        THEN json_extract_string(raw, ${paths.length ? b.bind(paths) : '[]::VARCHAR[]'}) END AS f
      FROM lines WHERE raw IS NOT NULL AND trim(raw) <> ''`;
    problem = `CASE WHEN f IS NULL THEN 'the line is not a JSON object' END`;
  } else {
    const given = mapping.format.type === 'csv' ? mapping.format.delimiter : ',';
    const delim = given === '\\t' ? '\t' : given;
    const d = regexEscape(delim);
    // Each field follows a delimiter (one is put before the line): quoted, "" inside, or bare.
    const field = `${d}("(?:[^"]|"")*"|[^${d}"]*)`;
    const d0 = b.bind(delim);
    // A line without quotes is split on its delimiter, cheaply; only a quoted one takes the pattern.
    rec = `SELECT line, raw,
        CASE WHEN contains(raw, '"')
          THEN list_transform(regexp_extract_all(${d0} || raw, ${b.bind(field)}, 1),
            x -> CASE WHEN x LIKE '"%' THEN replace(x[2:-2], '""', '"') ELSE x END)
          ELSE string_split(raw, ${d0}) END AS f
      FROM lines WHERE line > ${shape.header ? 1 : 0} AND raw IS NOT NULL AND trim(raw) <> ''`;
    // A file with a header must give its every field; one without, at least those the mapping reads.
    problem = shape.header
      ? `CASE WHEN len(f) <> ${shape.names.length} THEN 'has ' || len(f) || ' fields where the header has ${shape.names.length}' END`
      : `CASE WHEN len(f) < ${maxField} THEN 'has ' || len(f) || ' fields; the mapping reads field ${maxField}' END`;
  }
  const sql = `CREATE OR REPLACE TEMP TABLE staging AS
WITH lines AS (
  ${LINES}
), rec AS (
  ${rec}
), assembled AS (
  SELECT line, raw, ${problem} AS _row_problem,
    ${text.join(',\n    ')}
  FROM rec
), cleaned AS (
  SELECT *, ${cleaned.join(',\n    ')} FROM assembled
)
SELECT line, raw, _row_problem,
  ${final.join(',\n  ')}
FROM cleaned ${joins.join('\n')}`;
  return { sql, params: b.params, types: b.types, columns, agents };
}
