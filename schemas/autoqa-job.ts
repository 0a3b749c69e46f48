/**
 * The background AutoQA job that keeps results current: after a rule-set edit or an import of
 * transcripts or products it checks, one month at a time, the calls without results of the rule
 * set in force. `GET /api/autoqa/job`.
 */
export interface AutoqaJobView {
  state: 'idle' | 'running';
  /** The month being checked (YYYY-MM); null when idle, or while looking for what is left. */
  month: string | null;
  /** Calls of that month checked so far, and how many it has to check. */
  done: number;
  total: number;
  /** Months still waiting after this one, newest first. */
  waiting: string[];
  /** The rule-set version the job checks under. */
  rulesVersion: number | null;
  /** When the job last found nothing left to check. */
  finishedAt: string | null;
  /** The last month that could not be checked, and why (it is tried again on the next change). */
  error: string | null;
}

export interface AutoqaJobResponse {
  job: AutoqaJobView;
}
