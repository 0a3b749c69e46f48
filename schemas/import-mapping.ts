import { z } from 'zod';
import { RECORD_KINDS } from './kinds.ts';

/**
 * A mapping file: how to read an export callscore has no reader of its own for (`--map`, the
 * imports page's mapping form, saved mappings). It names the kind of record the file holds, the
 * file's format and, for each canonical column, where its value comes from. The rules are in
 * docs/mapping.md; etl/mapping/ compiles a mapping to one DuckDB query.
 */

export const MAPPED_KINDS = ['calls', 'orders', 'clients', 'debts', 'products'] as const;
export type MappedKind = (typeof MAPPED_KINDS)[number];

/** DuckDB's strptime specifiers (with the `%-d` forms); any other `%x` is refused before reading. */
const SPECIFIER = /%(-?[aAwdbBhmyYHIpMSfgnzZjUWcxXGVu]|%)/g;
export const badStrptime = (pattern: string): string | null => {
  const rest = pattern.replace(SPECIFIER, '');
  const m = /%-?./.exec(rest) ?? (rest.endsWith('%') ? ['%'] : null);
  return m ? `"${m[0]}" is not a strptime specifier` : null;
};

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** How a timestamp is written in the file: a strptime pattern, or seconds / milliseconds since 1970. */
export const TIME_FORMATS = ['iso', 'epoch', 'epoch_ms'] as const;
/** How a duration is written: whole seconds, milliseconds, or `HH:MM:SS` / `MM:SS`. */
export const DURATIONS = ['seconds', 'ms', 'hms'] as const;

const sourceName = z.string().trim().min(1, 'names no column').max(200);

/** Where one canonical column's value comes from. */
export const columnMapping = z
  .object({
    /** The file's column (CSV: its header name, or `#3` for the third; JSON Lines: a path `a.b`). */
    from: z.union([sourceName, z.array(sourceName).min(1).max(8)]).optional(),
    /** A value every record gets. */
    const: z.string().max(200).optional(),
    /** Put between the columns of `from` when it names several (a date and a time: " "). */
    separator: z.string().max(10).optional(),
    /** Cells that mean "no value" (`0`, `-`, `N/A`): read as empty. */
    empty: z.array(z.string().max(100)).max(20).optional(),
    /** A timestamp's format: a strptime pattern (`%d/%m/%Y %H:%M:%S`), `epoch`, `epoch_ms` or `iso`. */
    format: z
      .string()
      .min(1)
      .max(60)
      .refine((f) => (TIME_FORMATS as readonly string[]).includes(f) || f.includes('%'), {
        message: `must be a strptime pattern (with % specifiers) or one of ${TIME_FORMATS.join(', ')}`,
      })
      .superRefine((f, ctx) => {
        const bad = f.includes('%') ? badStrptime(f) : null;
        if (bad) ctx.addIssue({ code: 'custom', message: bad });
      })
      .optional(),
    /** A duration's unit. */
    duration: z.enum(DURATIONS).optional(),
    /** The file's values and the canonical ones they stand for (compared without case). */
    values: z.record(z.string().max(100), z.string().max(100)).optional(),
    /** The value of a cell the map does not name (an empty cell stays empty). */
    default: z.string().max(100).optional(),
    /** `pbx`: the cell names an agent by a PBX id (extension, login); the operator is the one who has it. */
    via: z.literal('pbx').optional(),
  })
  .strict()
  .refine((m) => (m.from === undefined) !== (m.const === undefined), {
    message: 'takes either "from" (the file\'s column) or "const" (a fixed value)',
  });
export type ColumnMapping = z.infer<typeof columnMapping>;

export const csvFormat = z
  .object({
    type: z.literal('csv'),
    /** One character; `\t` for a tab. Default `,`. */
    delimiter: z.string().min(1).max(2).default(','),
    /** Whether the first line names the columns. Default true. */
    header: z.boolean().default(true),
    /** Names for the columns of a file without a header, in order (else `#1`, `#2` …). */
    columns: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    /** The text's encoding when it is not UTF-8 (`windows-1251`, `latin1`). */
    encoding: z.string().trim().max(40).optional(),
  })
  .strict()
  .refine((f) => f.delimiter.length === 1 || f.delimiter === '\\t', {
    message: 'delimiter must be one character (or \\t)',
    path: ['delimiter'],
  })
  .refine((f) => f.delimiter !== '"', { message: 'delimiter cannot be the quote', path: ['delimiter'] });

export const jsonlFormat = z
  .object({ type: z.literal('jsonl'), encoding: z.string().trim().max(40).optional() })
  .strict();

export const importMapping = z
  .object({
    kind: z.enum(MAPPED_KINDS, { error: `must be one of ${MAPPED_KINDS.join(', ')}` }),
    /** Where the export comes from, as a user knows it ("Avaya IP Office SMDR"). */
    platform: z.string().trim().max(100).optional(),
    format: z.discriminatedUnion('type', [csvFormat, jsonlFormat], {
      error: 'must be {"type": "csv", …} or {"type": "jsonl"}',
    }),
    /**
     * The zone of the file's local times: `UTC`, a zone name (`America/New_York`), or none: the
     * company's zone. Times written with an offset keep it.
     */
    timeZone: z
      .string()
      .trim()
      .refine(isTimeZone, { message: 'is not a time zone name (UTC, Europe/Chisinau …)' })
      .optional(),
    columns: z.record(z.string(), columnMapping),
  })
  .strict()
  .superRefine((m, ctx) => {
    const known = RECORD_KINDS[m.kind].columns;
    for (const col of Object.keys(m.columns)) {
      if (!known.includes(col)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', col],
          message: `is not a column of ${m.kind} (${known.join(', ')})`,
        });
      }
    }
    if (!Object.keys(m.columns).length) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'maps no column' });
    }
  });
export type ImportMapping = z.infer<typeof importMapping>;
export type ImportMappingInput = z.input<typeof importMapping>;

/** A mapping saved by name (`/api/imports/mappings`). */
export const MAPPING_NAME = /^[\w .-]{1,60}$/;
export const mappingName = z
  .string()
  .trim()
  .regex(MAPPING_NAME, 'must be 1 to 60 letters, digits, spaces, ".", "_" or "-"');

export interface SavedMapping {
  name: string;
  mapping: ImportMapping;
  updatedBy: string;
  updatedAt: string;
}
export interface MappingsResponse {
  mappings: SavedMapping[];
}
export interface MappingResponse {
  mapping: SavedMapping;
}

/** What an import through a mapping would do, nothing written (`POST /api/imports/preview`). */
export interface ImportPreview {
  file: string;
  kind: MappedKind;
  /** The file's columns (CSV header, or the mapping's names), for the mapping form. */
  sourceColumns: string[];
  /** Canonical columns the mapping fills. */
  columns: string[];
  read: number;
  good: number;
  quarantined: number;
  /** The first records as they would load, canonical column → value. */
  rows: { line: number; cells: Record<string, string | null> }[];
  /** The first records that would be quarantined, with the reason. */
  quarantine: { line: number; raw: string; reason: string }[];
  notes: string[];
}
export interface ImportPreviewResponse {
  preview: ImportPreview;
}
