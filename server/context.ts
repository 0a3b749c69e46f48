import type { Settings } from '../schemas/settings.ts';
import type { UserView } from '../schemas/users.ts';
import type { Analytics } from '../stores/duckdb.ts';
import type { FactEngine } from '../stores/facts.ts';
import type { Db } from '../stores/sqlite.ts';
import type { AutoqaJob } from './autoqa/autoqa-job.ts';
import type { ImportQueue } from './imports/import-queue.ts';
import type { Outbox } from './notifications/outbox.ts';
import type { TranscribeJob } from './transcribe/transcribe-job.ts';

/** What every request handler can reach: the two stores and where the data lives. */
export interface Deps {
  dataDir: string;
  db: Db;
  analytics: Analytics;
  /** Where scoring reads the fact aggregates (docs/clickhouse.md); the analytics store when absent. */
  facts?: FactEngine;
  /** Where the built web app is; null serves the API only. */
  webDir: string | null;
  version: string;
  /** Imports sent through the API, run one at a time. */
  imports: ImportQueue;
  /** AutoQA's background re-checks after rule edits and imports. */
  autoqa: AutoqaJob;
  /** Speech-to-text runs started from the web app, one at a time. */
  transcribe: TranscribeJob;
  /** Notification e-mails, sent in the background with retries. */
  outbox: Outbox;
  /**
   * Set when this process answers from the Parquet lake (`callscore serve --lake`): it reads the
   * facts from the lake's files and never writes them (docs/deployment.md).
   */
  lakeMode?: LakeMode | undefined;
}

export interface LakeMode {
  lakeDir: string;
  /** Where the importing process is, for the message that sends an import there. */
  importer: string | null;
}

/** What the access middleware decided: whose data this request may read. */
export interface Scope {
  /** null: every operator; otherwise only these. */
  operatorIds: readonly string[] | null;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    user: UserView | null;
    settings: Settings;
    scope: Scope;
  };
}
