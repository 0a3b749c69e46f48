import { ROLES, type Role } from './roles.ts';

/**
 * Who may do what: every action the API offers, named once, with the roles that may take it.
 * The server's route guards (server/auth/access.ts) take their roles from here and nowhere else,
 * and the web app reads the same table to show only the pages, tabs and buttons the server will
 * accept. An operator's access is further narrowed to his own records by the route's scope.
 */

const EVERYONE = ROLES;
const ADMIN = ['admin'] as const;
/** Those who act on performance and pay; an operator sees himself. */
const PERFORMANCE = ['admin', 'head', 'payroll', 'operator'] as const;
/** QA, heads and admin, and an operator his own. */
const QA_READERS = ['qa', 'qa_lead', 'head', 'admin', 'operator'] as const;
const MONITORS = ['qa', 'qa_lead', 'admin'] as const;
const LEADS = ['qa_lead', 'admin'] as const;
const HEADS = ['head', 'admin'] as const;

export const POLICY = {
  /** The signed-in user's own account: who he is, his language. */
  'session.own': EVERYONE,
  /** Periods with data, teams, operators: the lists every filter is made of. */
  'roster.read': EVERYONE,
  /** Calls and orders counted per operator and day. */
  'activity.read': EVERYONE,
  'users.read': ADMIN,
  'users.manage': ADMIN,
  'settings.read': ADMIN,
  'settings.edit': ADMIN,
  'audit.read': ADMIN,
  'imports.read': ADMIN,
  'imports.upload': ADMIN,

  /** Scorecards and the ranking: every criterion, deduction and pay. */
  'scorecards.read': PERFORMANCE,
  /** Contact-center KPIs per queue and team (no operator reads them: they are not his own). */
  'kpis.read': ['admin', 'head', 'qa_lead', 'qa', 'payroll'],
  /** The dashboard of many operators; an operator has his own page instead. */
  'dashboard.read': ['admin', 'head', 'payroll'],
  /** Today's queues as the live feed brings them: waiting callers, service level so far. */
  'live.read': HEADS,
  /** An operator's trend, orders, claims and assessments: the people who read his scorecard. */
  'operatorPage.read': PERFORMANCE,

  'payroll.read': ['payroll', 'admin', 'head'],
  'payroll.approve': ['payroll'],
  'payroll.reopen': ADMIN,
  'payroll.export': ['payroll', 'admin'],
  'payRules.read': ['admin', 'payroll', 'head'],
  /** The rule in force for a month, as an operator's "how I am evaluated" shows it. */
  'payRules.inForce': EVERYONE,
  'payRules.create': ADMIN,
  'payRules.preview': ADMIN,

  'plans.read': ['head', 'admin', 'payroll'],
  /** Targets and norms. */
  'plans.edit': HEADS,
  /** Variable-pay bases: payroll keeps them too. */
  'plans.bases': ['head', 'admin', 'payroll'],
  'claims.read': ['head', 'admin', 'payroll', 'qa_lead', 'operator'],
  'claims.create': HEADS,
  'claims.decide': HEADS,
  'assessments.read': PERFORMANCE,
  'assessments.create': HEADS,

  /** Forms are read by everyone: an operator sees the form he is scored on. */
  'forms.read': EVERYONE,
  'forms.create': LEADS,
  'forms.edit': LEADS,
  'forms.archive': LEADS,
  'calls.read': QA_READERS,
  'calls.sample': MONITORS,
  /** A monitor's worklist and the calls assigned to monitors. */
  'worklist.read': MONITORS,
  'assignments.manage': LEADS,
  'monitors.read': MONITORS,
  'evaluations.read': QA_READERS,
  /** Quality scores per operator: payroll reads them for the pay. */
  'evaluations.quality': [...QA_READERS, 'payroll'],
  /** Start, fill in, submit or delete a draft of an evaluation. */
  'evaluations.score': MONITORS,
  'evaluations.acknowledge': ['operator'],
  'evaluations.dispute': ['operator'],
  'evaluations.decide': LEADS,
  /** Appeal a dispute a QA lead upheld (with two levels of disputes). */
  'evaluations.appeal': ['operator'],
  /** Decide an appeal (level 2): a head, for the operators of his scope. */
  'evaluations.decideAppeal': HEADS,
  /** The monitors' own figures (grading the graders); a monitor sees his own row only. */
  'qa.graders': ['qa', 'qa_lead', 'head', 'admin'],
  /** Disputes per monitor and per form question. */
  'qa.disputesReport': ['qa_lead', 'head', 'admin'],
  'evaluations.comment': [...MONITORS, 'operator'],
  'calibration.read': ['qa', 'qa_lead', 'head', 'admin'],
  /** Open and close calibration sessions. */
  'calibration.run': LEADS,
  /** Score a session's call as one of its monitors. */
  'calibration.join': ['qa', 'qa_lead'],
  'calibration.strictness': ['qa_lead', 'head', 'admin'],

  /** Check the period's transcribed calls (AutoQA). */
  'autoqa.run': LEADS,
  /** A call's check results: whoever reads the call (an operator his own). */
  'autoqa.read': QA_READERS,
  'autoqa.rules.read': MONITORS,
  /** Every edit of the rule set is a new version: the QA lead's. */
  'autoqa.rules.edit': ['qa_lead'],
  /** AutoQA measured against the monitors: agreement, precision, recall, disagreements. */
  'autoqa.accuracy': ['qa_lead', 'head', 'admin'],
  /** Run a draft rule set on one transcript, storing nothing. */
  'autoqa.rules.test': MONITORS,
  /** Coaching sessions: heads and QA leads read those of their scope, an operator his own. */
  'coaching.read': ['head', 'qa_lead', 'admin', 'operator'],
  /** Open a coaching session, edit its notes, record its follow-up. */
  'coaching.manage': ['head', 'qa_lead'],
  'coaching.acknowledge': ['operator'],
  /** Sampling rules that fill the worklists by themselves: heads read them, QA leads edit and run them. */
  'sampling.read': ['qa_lead', 'head', 'admin'],
  'sampling.edit': LEADS,
  /** The calls the rules gave: a monitor his own, the others every monitor's of their scope. */
  'sampling.worklist': ['qa', 'qa_lead', 'head', 'admin'],
  /** Self-evaluations and the gap between them and the monitors' scores. */
  'selfEvaluations.read': QA_READERS,
  /** Ask an operator to score calls of his own. */
  'selfEvaluations.request': ['qa_lead'],
  /** Score one's own call. */
  'selfEvaluations.submit': ['operator'],
  /** The background re-checks' progress (the rules page; the administrator's imports page). */
  'autoqa.job.read': MONITORS,
  /** Speech to text on the server: starting, cancelling and retrying runs, and their failures. */
  'transcribe.run': ['admin'],
  'transcribe.read': ['admin'],
  /** One's own notifications and e-mail preference: every user, each only his own. */
  'notifications.own': EVERYONE,
  /** The SMTP server and the users' e-mail addresses. */
  'notifications.smtp': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export const rolesFor = (action: Action): readonly Role[] => POLICY[action];

export const can = (role: Role, action: Action): boolean => rolesFor(action).includes(role);

export const isAction = (name: string): name is Action => Object.hasOwn(POLICY, name);
