import type { DuckDBConnection } from '@duckdb/node-api';
import type { Format } from '../../schemas/import-report.ts';
import type { FactKind } from '../facts/fact-columns.ts';

/** What a reader is told about the import it stages for. */
export interface StageContext {
  /** The company's time zone: local times without an offset are read in it. */
  timeZone: string;
  /** The PBX the file comes from (`--source`): its call ids are written `NAME:id`. */
  pbx?: string | undefined;
  /** The file's name as the user knows it, for messages. */
  fileName: string;
  /** Lines staged at a time (file-lines.ts LINE_BATCH unless given): bounds the memory a file takes. */
  lineBatch?: number | undefined;
}

/** What a reader staged: the canonical columns it filled, and facts about the file worth telling. */
export interface StagedRead {
  columns: string[];
  notes: string[];
}

/**
 * A reader of one phone system's export. It turns the file into canonical records of its kind, in
 * a temp table `staging` with, besides the canonical columns it fills (all VARCHAR, as the
 * canonical formats give them, times as ISO 8601 text):
 * - `line BIGINT`: the record's line in the file (1-based), or its ordinal where lines mean nothing;
 * - `raw VARCHAR`: the record as the file has it, for the quarantine;
 * - `_row_problem VARCHAR`: why the record cannot be read at all (NULL when it can).
 * Validation, quarantine, repeats and loading are then those of the canonical kind
 * (etl/facts/import-facts.ts). The temp table `pbx_map(key, operator_id)` (lower-cased PBX
 * identifiers of each operator) exists when `stage` runs, to name the operator of an agent.
 */
export interface PlatformReader {
  format: Format;
  kind: FactKind;
  /** The system and export, as a user knows it ("FreeSWITCH mod_cdr_csv"). */
  platform: string;
  /** True when the file's first bytes (UTF-8 text, BOM removed) say it is this format. */
  detect(head: string, fileName: string): boolean;
  stage(c: DuckDBConnection, file: string, ctx: StageContext): Promise<StagedRead>;
}

/** The canonical call columns a reader of queued calls stages first, in this order. */
export const QUEUED_CALL_COLUMNS = [
  'call_id',
  'started_at',
  'queued_at',
  'answered_at',
  'ended_at',
  'direction',
  'operator_id',
  'phone',
  'queue',
  'disposition',
  'talk_s',
] as const;
