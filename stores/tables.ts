import type { Generated } from 'kysely';

/** Row types of the operational store (SQLite), as the latest migration leaves them. */

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  operator_id: string | null;
  password_hash: string;
  locale: Generated<string>;
  /** A head limited to one department; null: every department. */
  department: string | null;
  /** A head limited to one team (a team lead); null: no team limit. */
  team_id: string | null;
  active: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  /** Where his notifications are e-mailed; null: the app only. */
  email: string | null;
  /** 1: he turned e-mail off for himself. */
  email_opt_out: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  username: string;
  kind: string;
  /** JSON: what the message names (an evaluation id, a level, a decision). */
  params: string;
  /** The app's path to the thing the notification is about. */
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  notification_id: number;
  to_address: string;
  subject: string;
  body: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface SmtpConfigTable {
  id: number;
  host: string;
  port: number;
  secure: number;
  user: string;
  password: string;
  from_address: string;
  /** The app's address, put before the links in e-mails; '': links are paths. */
  app_url: Generated<string>;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

export interface TeamsTable {
  team_id: string;
  name: string;
  department: string | null;
  import_id: number | null;
}

export interface OperatorsTable {
  operator_id: string;
  name: string;
  team_id: string;
  pbx_ids: string;
  hired_on: string | null;
  active: number;
  import_id: number | null;
}

export interface TargetsTable {
  team_id: string;
  period: string;
  metric: string;
  target: number;
  import_id: number | null;
}

export interface NormsTable {
  scope: 'operator' | 'team';
  subject_id: string;
  period: string;
  tasks_norm: number;
  import_id: number | null;
}

export interface VariablePayTable {
  operator_id: string;
  period: string;
  variable_base: number;
  currency: string;
  import_id: number | null;
}

export interface ClaimsTable {
  claim_id: string;
  operator_id: string;
  source: string;
  division: string | null;
  call_id: string | null;
  order_id: string | null;
  received_at: string;
  status: string;
  decided_at: string | null;
  decision_note: string | null;
  description: string | null;
  origin: Generated<string>;
  import_id: number | null;
  updated_at: Generated<string>;
}

export interface AssessmentsTable {
  assessment_id: string;
  operator_id: string;
  assessed_at: string;
  polarity: string;
  author: string | null;
  note: string | null;
  origin: Generated<string>;
  import_id: number | null;
}

export interface FormsTable {
  id: Generated<number>;
  form_key: string;
  version: number;
  name: string;
  definition: string;
  status: Generated<string>;
  created_at: Generated<string>;
  created_by: string | null;
  description: string | null;
}

export interface EvaluationsTable {
  evaluation_id: string;
  call_id: string;
  operator_id: string | null;
  call_started_at: string | null;
  form_id: number | null;
  evaluator: string;
  score: number | null;
  critical_failed: number;
  status: string;
  answers: string | null;
  submitted_at: string | null;
  calibration: number;
  origin: Generated<string>;
  import_id: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  calibration_session_id: number | null;
  /** When its monitor first opened it; null for an imported evaluation. */
  opened_at: string | null;
}

export interface EvaluationCommentsTable {
  id: Generated<number>;
  evaluation_id: string;
  author: string;
  question_id: string | null;
  offset_s: number | null;
  text: string;
  created_at: Generated<string>;
}

export interface EvaluationDisputesTable {
  id: Generated<number>;
  evaluation_id: string;
  reason: string;
  opened_by: string;
  opened_at: string;
  status: 'open' | 'upheld' | 'revised';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  score_before: number | null;
  answers_before: string | null;
  critical_failed_before: number | null;
  score_after: number | null;
  answers_after: string | null;
  /** 1: the dispute, decided by a QA lead; 2: the appeal of an upheld one, decided by a head. */
  level: Generated<number>;
  /** The questions contested, a JSON array of question ids; null: none named. */
  question_ids: string | null;
}

export interface EvaluationAssignmentsTable {
  id: Generated<number>;
  period: string;
  call_id: string;
  operator_id: string | null;
  call_started_at: string | null;
  monitor: string;
  assigned_by: string;
  assigned_at: Generated<string>;
}

export interface SamplingRulesTable {
  id: Generated<number>;
  name: string;
  active: number;
  definition: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SamplingItemsTable {
  id: Generated<number>;
  rule_id: number;
  run_on: string;
  call_id: string;
  operator_id: string;
  monitor: string;
  assignment_id: number;
}

export interface SamplingRefillsTable {
  id: Generated<number>;
  rule_id: number;
  run_on: string;
  ran_at: string;
  ran_by: string;
  counts: string;
}

export interface CalibrationSessionsTable {
  id: Generated<number>;
  call_id: string;
  operator_id: string | null;
  call_started_at: string | null;
  form_id: number;
  reference_evaluator: string | null;
  status: 'open' | 'closed';
  note: string | null;
  created_by: string;
  created_at: Generated<string>;
  closed_by: string | null;
  closed_at: string | null;
}

export interface CalibrationParticipantsTable {
  session_id: number;
  monitor: string;
}

export interface PayRulesTable {
  id: Generated<number>;
  department: string | null;
  version: number;
  valid_from: string;
  rule: string;
  created_at: Generated<string>;
  created_by: string | null;
  note: string | null;
}

export interface ClaimPeriodsTable {
  claim_id: string;
  period: string;
  assigned_at: string;
}

export interface PayExportsTable {
  period: string;
  format: string;
  content: Buffer;
  sha256: string;
}

export interface PayPeriodsTable {
  period: string;
  status: Generated<string>;
  approved_at: string | null;
  approved_by: string | null;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}

export interface PaySnapshotsTable {
  period: string;
  operator_id: string;
  scorecard: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  format: string;
  file_name: string;
  checksum: string;
  status: string;
  rows_read: Generated<number>;
  loaded: Generated<number>;
  quarantined: Generated<number>;
  duplicates: Generated<number>;
  report: string | null;
  actor: string;
  started_at: string;
  finished_at: string | null;
}

export interface ImportQuarantineTable {
  import_id: number;
  line: number;
  raw: string;
  reason: string;
  /** The row's bytes as the file has them, when its text is not simply their UTF-8 reading. */
  raw_bytes: Buffer | null;
}

/** An upload's import job; `report` is the import report as JSON once it is done. */
export interface ImportJobsTable {
  id: Generated<number>;
  kind: string;
  format: string | null;
  gmt_times: Generated<number>;
  /** The text encoding the sender named; null for UTF-8. */
  encoding: string | null;
  /** The PBX a telephony file comes from (its call ids' prefix); null: one PBX. */
  pbx_source?: string | null;
  /** The mapping (its JSON) the file is read through; null: none. */
  mapping?: string | null;
  stored_name: string;
  file_name: string;
  size: number;
  actor: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  report: string | null;
  error: string | null;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A version of the AutoQA rule set: its checks as JSON (schemas/autoqa.ts); the highest version is in force. */
export interface AutoqaRuleSetsTable {
  version: number;
  checks: string;
  created_at: string;
  created_by: string;
}

/** An answer AutoQA proposed on an evaluation, and what the monitor did with it. */
export interface EvaluationAutoAnswersTable {
  evaluation_id: string;
  question_id: string;
  check_key: string;
  rules_version: number;
  result: 'pass' | 'fail' | 'na';
  auto_value: string;
  final_value: string | null;
  decision: 'accepted' | 'overridden' | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A mapping saved by name (schemas/import-mapping.ts), its JSON as checked. */
export interface ImportMappingsTable {
  name: string;
  mapping: string;
  updated_by: string;
  updated_at: string;
}

/** A file `import --follow` reads as the PBX writes it: how far it got, and which file that was. */
export interface FollowedFilesTable {
  path: string;
  format: string;
  /** The `--source` PBX name; '' for one PBX. */
  pbx_source: string;
  inode: string;
  first_line: string | null;
  offset: number;
  size: number;
  lines: number;
  last_event_at: string | null;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
  smtp_config: SmtpConfigTable;
  teams: TeamsTable;
  operators: OperatorsTable;
  targets: TargetsTable;
  norms: NormsTable;
  variable_pay: VariablePayTable;
  claims: ClaimsTable;
  assessments: AssessmentsTable;
  forms: FormsTable;
  evaluations: EvaluationsTable;
  evaluation_comments: EvaluationCommentsTable;
  evaluation_disputes: EvaluationDisputesTable;
  evaluation_assignments: EvaluationAssignmentsTable;
  sampling_rules: SamplingRulesTable;
  sampling_items: SamplingItemsTable;
  sampling_refills: SamplingRefillsTable;
  calibration_sessions: CalibrationSessionsTable;
  calibration_participants: CalibrationParticipantsTable;
  pay_rules: PayRulesTable;
  pay_periods: PayPeriodsTable;
  pay_snapshots: PaySnapshotsTable;
  claim_periods: ClaimPeriodsTable;
  pay_exports: PayExportsTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  import_quarantine: ImportQuarantineTable;
  import_jobs: ImportJobsTable;
  import_mappings: ImportMappingsTable;
  autoqa_rule_sets: AutoqaRuleSetsTable;
  evaluation_auto_answers: EvaluationAutoAnswersTable;
  followed_files: FollowedFilesTable;
  coaching_sessions: CoachingSessionsTable;
  coaching_notes: CoachingNotesTable;
  self_evaluations: SelfEvaluationsTable;
  data_versions: DataVersionsTable;
}

export interface CoachingSessionsTable {
  id: Generated<number>;
  operator_id: string;
  opened_by: string;
  opened_at: string;
  opened_on: string;
  source: string;
  source_ref: string | null;
  /** JSON array of call ids. */
  call_ids: Generated<string>;
  /** JSON array of findings. */
  findings: Generated<string>;
  /** JSON of the goal. */
  goal: string;
  target: number;
  follow_up_on: string;
  notes: Generated<string>;
  acknowledged_at: string | null;
  acknowledgement_comment: string | null;
  closed_at: string | null;
  closed_by: string | null;
  closing_note: string | null;
}

/** A note on a coaching session: who, when, and whether the operator reads it. */
export interface CoachingNotesTable {
  id: Generated<number>;
  session_id: number;
  author: string;
  created_at: string;
  text: string;
  /** 1: the operator reads it; 0: for those who coach only. */
  for_operator: Generated<number>;
}

export interface SelfEvaluationsTable {
  id: Generated<number>;
  call_id: string;
  operator_id: string;
  call_started_at: string;
  form_id: number;
  requested_by: string;
  requested_at: string;
  status: string;
  /** JSON of the answers; null until submitted. */
  answers: string | null;
  score: number | null;
  critical_failed: Generated<number>;
  submitted_at: string | null;
}

/** A counter every process of the store polls (migration 021): `data` and `sessions`. */
export interface DataVersionsTable {
  name: string;
  version: number;
}
