import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, Suspense } from 'react';
import { generatePath, NavLink, Outlet, useLocation, useNavigate, useNavigationType } from 'react-router';
import { resetSession, useLogout, useSetLocale, useTeams } from '../api/hooks.ts';
import { useSession } from '../auth/session.tsx';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type MessageKey, useLanguage, useT } from '../i18n/index.ts';
import { type HomeUser, mayOpen, PAGES, type PageName, titleOf } from '../routes.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import {
  ClaimsIcon,
  DashboardIcon,
  ImportsIcon,
  PayrollIcon,
  PlansIcon,
  RulesIcon,
  SettingsIcon,
  SignOutIcon,
  TranscribeIcon,
  UsersIcon,
} from './icons.tsx';
import { Brand } from './Logo.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { noteLocation } from './origin.ts';
import { PageSkeleton } from './PageSkeleton.tsx';
import {
  AccuracyIcon,
  CalibrationIcon,
  CoachingIcon,
  DisputesIcon,
  EvaluationsIcon,
  FormsIcon,
  QueueIcon,
  WorklistIcon,
} from './qaIcons.tsx';

/**
 * The menu: a page's link shows only to a user who may open it (routes.ts, from the server's
 * policy). `own`: an operator's own page, linked for a user who is an operator.
 */
const NAV: readonly { page: PageName; icon: ComponentType; own?: true }[] = [
  { page: 'operator', icon: DashboardIcon, own: true },
  { page: 'dashboard', icon: DashboardIcon },
  { page: 'claims', icon: ClaimsIcon },
  { page: 'plans', icon: PlansIcon },
  { page: 'payroll', icon: PayrollIcon },
  { page: 'payRules', icon: RulesIcon },
  { page: 'imports', icon: ImportsIcon },
  { page: 'transcribe', icon: TranscribeIcon },
  { page: 'users', icon: UsersIcon },
  { page: 'settings', icon: SettingsIcon },
  { page: 'callQueue', icon: QueueIcon },
  { page: 'worklist', icon: WorklistIcon },
  { page: 'sampling', icon: WorklistIcon },
  { page: 'forms', icon: FormsIcon },
  { page: 'disputes', icon: DisputesIcon },
  { page: 'appeals', icon: DisputesIcon },
  { page: 'calibration', icon: CalibrationIcon },
  { page: 'graders', icon: AccuracyIcon },
  { page: 'autoqaAccuracy', icon: AccuracyIcon },
  { page: 'autoqaRules', icon: RulesIcon },
  { page: 'myEvaluations', icon: EvaluationsIcon },
  { page: 'coaching', icon: CoachingIcon },
  { page: 'selfEvaluations', icon: EvaluationsIcon },
];

/** The menu's links for a user: each page he may open, its path and its name. */
export function menuOf(
  user: HomeUser,
): { page: PageName; to: string; label: MessageKey; icon: ComponentType }[] {
  return NAV.flatMap(({ page, icon, own }) => {
    if (!mayOpen(user.role, page)) return [];
    if (own) {
      if (!user.operatorId) return [];
      return [
        {
          page,
          to: generatePath(PAGES[page].path, { id: user.operatorId }),
          label: titleOf(page, user),
          icon,
        },
      ];
    }
    return PAGES[page].path.includes(':')
      ? []
      : [{ page, to: PAGES[page].path, label: titleOf(page, user), icon }];
  });
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0] ?? '?'];
  return letters
    .map((p) => (p ?? '').charAt(0))
    .join('')
    .toLocaleUpperCase();
}

/** The signed-in user's language, each named in itself; the choice is saved with the account. */
function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  const setLocale = useSetLocale();
  return (
    <select
      className="select language-switch"
      aria-label={t('topbar.language')}
      title={t('topbar.language')}
      value={language}
      disabled={setLocale.isPending}
      onChange={(e) => {
        const next = e.target.value;
        if (isLanguage(next)) setLocale.mutate(next);
      }}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}

/** The name of a team lead's team (his /api/teams answer holds only it); null for anyone else. */
function useLimitTeamName(team: string | null): string | null {
  const teams = useTeams({ enabled: team !== null });
  return teams.data?.teams.find((x) => x.teamId === team)?.name ?? null;
}

export default function AppShell() {
  const t = useT();
  const { user, settings } = useSession();
  const location = useLocation();
  // Noted before the page renders, so its back link knows the page it was opened from.
  noteLocation(location, useNavigationType());
  const navigate = useNavigate();
  const client = useQueryClient();
  const logout = useLogout();
  // A limited head is named with what he sees: a team lead's team, a department head's department.
  const teamName = useLimitTeamName(user.team);
  const role = user.team
    ? t('topbar.teamLead', { team: teamName ?? user.team })
    : user.department
      ? t('topbar.departmentHead', { department: user.department })
      : t(`role.${user.role}`);

  const signOut = () => {
    logout.mutate(undefined, {
      // Signed out locally even when the server cannot be reached: the cookie expires on its own.
      onSettled: () => {
        navigate('/login', { replace: true });
        resetSession(client);
      },
    });
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="sidebar-inner">
          <div className="sidebar-brand">
            <Brand />
          </div>
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              {menuOf(user).map(({ page, to, label, icon: Icon }) => (
                <li key={page}>
                  <NavLink to={{ pathname: to }} className="nav-link" title={t(label)}>
                    <Icon />
                    <span className="nav-label">{t(label)}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </aside>
      <div className="shell-body">
        <header className="topbar">
          <div className="topbar-company" title={settings.companyName}>
            {settings.companyName}
          </div>
          <div className="topbar-user">
            <NotificationBell />
            <LanguageSwitch />
            <span className="avatar" aria-hidden="true">
              {initials(user.displayName || user.username)}
            </span>
            <span className="user-text" title={t('topbar.account', { name: user.displayName, role })}>
              <span className="user-name">{user.displayName || user.username}</span>
              <span className="user-role">{role}</span>
            </span>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={signOut}
              disabled={logout.isPending}
            >
              <SignOutIcon />
              <span>{logout.isPending ? t('topbar.signingOut') : t('topbar.signOut')}</span>
            </button>
          </div>
        </header>
        <main id="main" className="main" tabIndex={-1}>
          <ErrorBoundary resetKey={location.pathname}>
            {/* A boundary per page: moving to another page unmounts the one left at once, rather than
                keeping it alive while the next one loads, where a late correction of its own
                address (a default period) would take the user back to it. */}
            <Suspense key={location.pathname} fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
