import type { ImportReport } from './import-report.ts';

/** The imports API: upload jobs, the import log and one import's quarantined rows (`/api/imports`). */

/** An upload being imported (`POST /api/imports`, `GET /api/imports/jobs/:id`). */
export interface ImportJobView {
  id: string;
  kind: string;
  fileName: string;
  /** The PBX a telephony file comes from (`--source`, the upload's field); null: the one PBX. */
  source: string | null;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Where a running import is, and how far through that phase (0..1) when known. */
  progress: { phase: string; fraction: number | null } | null;
  report: ImportReport | null;
  error: string | null;
  queuedAt: string;
}
export interface ImportJobResponse {
  job: ImportJobView;
}

/** One past import in the import log (`GET /api/imports`). */
export interface ImportSummary {
  id: number;
  kind: string;
  format: string;
  file: string;
  /** The PBX named for a telephony file (`--source`); null for the one PBX and for other kinds. */
  source: string | null;
  status: string;
  read: number;
  loaded: number;
  quarantined: number;
  duplicates: number;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
}
export interface ImportsResponse {
  imports: ImportSummary[];
}

/** One import with its quarantined rows (`GET /api/imports/:id`). */
export interface ImportDetailResponse {
  status: string;
  report: ImportReport | { error: string } | null;
  /** `rawBytes`: the line's bytes as the file had them, base64, when its text was not UTF-8. */
  quarantine: { line: number; reason: string; raw: string; rawBytes: string | null }[];
}
