import { z } from 'zod';

export const FORMATS = [
  'csv',
  'jsonl',
  'parquet',
  'asterisk-cdr',
  'queue-log',
  'vtt',
  'whisper-json',
  // Exports of other phone systems, each read by its own reader (etl/platforms/).
  'asterisk-cdr-table',
  'queue-log-table',
  'cdr-custom',
  'freeswitch-csv',
  'freeswitch-json',
  '3cx',
  '3cx-cdroutput',
  'vicidial-closer',
  'vicidial-log',
  'vicidial-agent',
  'amazon-connect',
  // Any export, read through a mapping file (--map).
  'mapped',
] as const;
export type Format = (typeof FORMATS)[number];

export const quarantinedRow = z.object({ line: z.number().int(), reason: z.string(), raw: z.string() });

/** What an import did, for the CLI, the API and the import log. read = loaded + quarantined + duplicates. */
export const importReport = z.object({
  importId: z.number().int().nullable(),
  file: z.string(),
  kind: z.string(),
  format: z.string(),
  checksum: z.string(),
  status: z.enum(['done', 'already_imported', 'rejected']),
  message: z.string().nullable(),
  read: z.number().int(),
  loaded: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  /** Columns in the file that the kind does not know; they are ignored. */
  ignoredColumns: z.array(z.string()),
  /** Facts about the file worth telling, e.g. calls that matched no operator. */
  notes: z.array(z.string()),
  /** The first quarantined rows; all of them are in the import log. */
  quarantine: z.array(quarantinedRow),
  seconds: z.number(),
  /**
   * A transcripts import: its figures above count segments, these the transcripts (one per call).
   * loaded counts the replaced too; read = loaded + quarantined + duplicates.
   */
  transcripts: z
    .object({
      read: z.number().int(),
      loaded: z.number().int(),
      replaced: z.number().int(),
      quarantined: z.number().int(),
      duplicates: z.number().int(),
    })
    .optional(),
});
export type ImportReport = z.infer<typeof importReport>;
