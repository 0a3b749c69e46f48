import { matchPath } from 'react-router';
import { type Action, can } from '../../schemas/policy.ts';
import type { Role } from '../../schemas/roles.ts';
import type { MessageKey } from './i18n/index.ts';

/**
 * The app's pages: each one's path, its name (a back link says "← name") and the actions of the
 * server's policy it needs to be of use. A page opens only for a role that may take all of them;
 * the menu lists only those pages, so a role is never shown a page the server refuses.
 */
export interface PageDef {
  path: string;
  title: MessageKey;
  needs: readonly Action[];
  /** The path parameter naming an operator: an operator opens the page for himself only. */
  ownParam?: string;
}

export const PAGES = {
  dashboard: { path: '/dashboard', title: 'nav.dashboard', needs: ['dashboard.read', 'scorecards.read'] },
  operator: {
    path: '/operators/:id',
    title: 'page.operator',
    needs: ['scorecards.read', 'operatorPage.read'],
    ownParam: 'id',
  },
  payroll: { path: '/payroll', title: 'nav.payroll', needs: ['payroll.read', 'scorecards.read'] },
  payRules: { path: '/pay-rules', title: 'nav.payRules', needs: ['payRules.read'] },
  claims: { path: '/claims', title: 'nav.claims', needs: ['claims.read', 'assessments.read'] },
  plans: { path: '/plans', title: 'nav.plans', needs: ['plans.read'] },
  users: { path: '/users', title: 'nav.users', needs: ['users.read'] },
  settings: { path: '/settings', title: 'nav.settings', needs: ['settings.read'] },
  imports: { path: '/imports', title: 'nav.imports', needs: ['imports.read'] },
  // Speech to text on the server: a month's recordings into transcripts (administrators).
  transcribe: { path: '/transcribe', title: 'nav.transcribe', needs: ['transcribe.read', 'transcribe.run'] },
  importDetail: { path: '/imports/:id', title: 'page.importDetail', needs: ['imports.read'] },
  // The queue is where monitors pick calls: a proposed sample beside the search. Heads (who read
  // the contact-center figures, unlike an operator) open its search, where a check's failures
  // on the dashboard drill to; the sample tab needs calls.sample.
  callQueue: { path: '/calls', title: 'nav.callQueue', needs: ['calls.read', 'kpis.read'] },
  call: { path: '/calls/:id', title: 'page.call', needs: ['calls.read'] },
  worklist: { path: '/worklist', title: 'nav.worklist', needs: ['worklist.read'] },
  evaluation: { path: '/evaluations/:id', title: 'page.evaluation', needs: ['evaluations.read'] },
  // Where an operator acknowledges or disputes what he was scored.
  myEvaluations: {
    path: '/my-evaluations',
    title: 'nav.myEvaluations',
    needs: ['evaluations.read', 'evaluations.acknowledge'],
  },
  // The disputes waiting for a decision.
  disputes: { path: '/disputes', title: 'nav.disputes', needs: ['evaluations.read', 'evaluations.decide'] },
  // Where forms are built and versioned; a monitor sees the form he scores on in the workspace.
  forms: { path: '/forms', title: 'nav.forms', needs: ['forms.read', 'forms.edit'] },
  newForm: { path: '/forms/new', title: 'page.newForm', needs: ['forms.create'] },
  editForm: { path: '/forms/:id/edit', title: 'page.editForm', needs: ['forms.edit'] },
  calibration: { path: '/calibration', title: 'nav.calibration', needs: ['calibration.read'] },
  // The QA lead edits AutoQA's checks and tests them on a transcript; monitors read and test them.
  autoqaRules: { path: '/autoqa/rules', title: 'nav.autoqaRules', needs: ['autoqa.rules.read'] },
  calibrationSession: {
    path: '/calibration/:id',
    title: 'page.calibrationSession',
    needs: ['calibration.read'],
  },
  // Appeals of upheld disputes, waiting for a head, and those decided.
  appeals: {
    path: '/appeals',
    title: 'nav.appeals',
    needs: ['evaluations.read', 'evaluations.decideAppeal'],
  },
  // Each monitor's own figures for a month: a monitor opens it for his own row.
  graders: { path: '/qa/graders', title: 'nav.graders', needs: ['qa.graders'] },
  // AutoQA measured against the monitors, beside calibration (people against people).
  autoqaAccuracy: { path: '/autoqa/accuracy', title: 'nav.autoqaAccuracy', needs: ['autoqa.accuracy'] },
  // Sampling rules fill the monitors' worklists by themselves; a monitor sees the calls given to him.
  sampling: { path: '/qa/sampling', title: 'nav.sampling', needs: ['sampling.worklist'] },
  // Coaching sessions: heads and QA leads open them, an operator reads and acknowledges his own.
  coaching: { path: '/coaching', title: 'nav.coaching', needs: ['coaching.read'] },
  // Before the session's own path: `/coaching/new` is no session.
  coachingNew: { path: '/coaching/new', title: 'page.coachingNew', needs: ['coaching.manage'] },
  coachingSession: { path: '/coaching/:id', title: 'page.coachingSession', needs: ['coaching.read'] },
  // An operator's calls to score himself; QA and heads read them and the gap to the monitors.
  selfEvaluations: {
    path: '/self-evaluations',
    title: 'nav.selfEvaluations',
    needs: ['selfEvaluations.read'],
  },
  selfEvaluation: {
    path: '/self-evaluations/:id',
    title: 'page.selfEvaluation',
    needs: ['selfEvaluations.read'],
  },
} as const satisfies Record<string, PageDef>;

export type PageName = keyof typeof PAGES;
const PAGE_NAMES = Object.keys(PAGES) as PageName[];

export const mayOpen = (role: Role, page: PageName): boolean =>
  PAGES[page].needs.every((action) => can(role, action));

/** The page at a path of this app, if any. */
export function pageAt(pathname: string): PageName | null {
  return PAGE_NAMES.find((name) => matchPath(PAGES[name].path, pathname) !== null) ?? null;
}

export interface HomeUser {
  role: Role;
  operatorId: string | null;
}

/**
 * Where each role starts: a monitor at his worklist, a QA lead at the disputes waiting for him, a
 * head at the dashboard, payroll at the pay periods, an operator at his own page, an administrator
 * at the imports that feed everything.
 */
export function homeOf(user: HomeUser): string {
  switch (user.role) {
    case 'qa':
      return PAGES.worklist.path;
    case 'qa_lead':
      return PAGES.disputes.path;
    case 'head':
      return PAGES.dashboard.path;
    case 'payroll':
      return PAGES.payroll.path;
    case 'admin':
      return PAGES.imports.path;
    case 'operator':
      return user.operatorId ? `/operators/${encodeURIComponent(user.operatorId)}` : PAGES.myEvaluations.path;
  }
}

/** A page's name for a user: an operator's own page is his scorecard. */
export function titleOf(page: PageName, user: HomeUser): MessageKey {
  return page === 'operator' && user.role === 'operator' ? 'nav.myPage' : PAGES[page].title;
}

/**
 * Whether a user may open the page at a path: his role may take what the page needs and, for an
 * operator, the page is his own. A path of no page: yes, the "not found" page says so itself.
 */
export function mayOpenPath(user: HomeUser, pathname: string): boolean {
  const page = pageAt(pathname);
  if (page === null) return true;
  if (!mayOpen(user.role, page)) return false;
  const def: PageDef = PAGES[page];
  if (user.role !== 'operator' || !def.ownParam) return true;
  const named = matchPath(def.path, pathname)?.params[def.ownParam];
  return named === user.operatorId;
}
