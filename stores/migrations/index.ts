import type { Migration } from 'kysely';
import * as initial from './2026-11-23-001-initial.ts';
import * as qa from './2026-11-25-002-qa.ts';
import * as pay from './2026-11-25-003-pay.ts';
import * as headDepartment from './2026-11-25-004-head-department.ts';
import * as headTeam from './2026-11-25-005-head-team.ts';
import * as importJobs from './2026-11-26-006-import-jobs.ts';
import * as quarantineRawBytes from './2026-12-04-007-quarantine-raw-bytes.ts';
import * as autoqaRuleSets from './2026-12-05-008-autoqa-rule-sets.ts';
import * as evaluationAutoAnswers from './2026-12-05-009-evaluation-auto-answers.ts';
import * as importJobSource from './2026-12-05-010-import-job-source.ts';
import * as importMappings from './2026-12-06-011-import-mappings.ts';
import * as followedFiles from './2026-12-06-012-followed-files.ts';
import * as coaching from './2026-12-06-014-coaching.ts';
import * as selfEvaluations from './2026-12-06-015-self-evaluations.ts';
import * as gradingTime from './2026-12-06-016-grading-time.ts';
import * as disputeLevels from './2026-12-06-017-dispute-levels.ts';
import * as notifications from './2026-12-06-018-notifications.ts';
import * as samplingRules from './2026-12-06-019-sampling-rules.ts';
import * as dataVersion from './2026-12-07-021-data-version.ts';
import * as coachingNotes from './2026-12-07-023-coaching-notes.ts';

/** Every migration, by name; names sort in the order they run. Add new files here. */
export const migrations: Record<string, Migration> = {
  '2026-11-23-001-initial': initial,
  '2026-11-25-002-qa': qa,
  '2026-11-25-003-pay': pay,
  '2026-11-25-004-head-department': headDepartment,
  '2026-11-25-005-head-team': headTeam,
  '2026-11-26-006-import-jobs': importJobs,
  '2026-12-04-007-quarantine-raw-bytes': quarantineRawBytes,
  '2026-12-05-008-autoqa-rule-sets': autoqaRuleSets,
  '2026-12-05-009-evaluation-auto-answers': evaluationAutoAnswers,
  '2026-12-05-010-import-job-source': importJobSource,
  '2026-12-06-011-import-mappings': importMappings,
  '2026-12-06-012-followed-files': followedFiles,
  '2026-12-06-016-grading-time': gradingTime,
  '2026-12-06-017-dispute-levels': disputeLevels,
  '2026-12-06-014-coaching': coaching,
  '2026-12-06-015-self-evaluations': selfEvaluations,
  '2026-12-06-018-notifications': notifications,
  '2026-12-06-019-sampling-rules': samplingRules,
  '2026-12-07-021-data-version': dataVersion,
  '2026-12-07-023-coaching-notes': coachingNotes,
};
