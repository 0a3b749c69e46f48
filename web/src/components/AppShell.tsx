import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, Suspense } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { Role } from '../../../schemas/roles.ts';
import { resetSession, useLogout, useSetLocale, useTeams } from '../api/hooks.ts';
import { useSession } from '../auth/session.tsx';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type MessageKey, useLanguage, useT } from '../i18n/index.ts';
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
  UsersIcon,
} from './icons.tsx';
import { Brand } from './Logo.tsx';
import { PageSkeleton } from './PageSkeleton.tsx';
import {
  CalibrationIcon,
  DisputesIcon,
  EvaluationsIcon,
  FormsIcon,
  QueueIcon,
  WorklistIcon,
} from './qaIcons.tsx';

/** Pages that exist; a page gets its link here when its route does, for the roles it serves. */
const NAV: readonly {
  to: string;
  label: MessageKey;
  icon: ComponentType;
  end?: boolean;
  roles?: readonly Role[];
}[] = [
  { to: '/', label: 'nav.dashboard', icon: DashboardIcon, end: true },
  { to: '/claims', label: 'nav.claims', icon: ClaimsIcon, roles: ['head', 'admin', 'payroll'] },
  { to: '/plans', label: 'nav.plans', icon: PlansIcon, roles: ['head', 'admin', 'payroll'] },
  { to: '/payroll', label: 'nav.payroll', icon: PayrollIcon, roles: ['payroll', 'admin', 'head'] },
  { to: '/pay-rules', label: 'nav.payRules', icon: RulesIcon, roles: ['admin'] },
  { to: '/imports', label: 'nav.imports', icon: ImportsIcon, roles: ['admin'] },
  { to: '/users', label: 'nav.users', icon: UsersIcon, roles: ['admin'] },
  { to: '/settings', label: 'nav.settings', icon: SettingsIcon, roles: ['admin'] },
  { to: '/calls', label: 'nav.callQueue', icon: QueueIcon, roles: ['qa', 'qa_lead', 'admin'] },
  { to: '/worklist', label: 'nav.worklist', icon: WorklistIcon, roles: ['qa', 'qa_lead'] },
  { to: '/forms', label: 'nav.forms', icon: FormsIcon, roles: ['qa_lead', 'admin'] },
  { to: '/disputes', label: 'nav.disputes', icon: DisputesIcon, roles: ['qa_lead', 'admin'] },
  {
    to: '/calibration',
    label: 'nav.calibration',
    icon: CalibrationIcon,
    roles: ['qa', 'qa_lead', 'admin', 'head'],
  },
  { to: '/my-evaluations', label: 'nav.myEvaluations', icon: EvaluationsIcon, roles: ['operator'] },
];

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
              {NAV.filter((n) => !n.roles || n.roles.includes(user.role)).map(
                ({ to, label, icon: Icon, end }) => (
                  <li key={to}>
                    <NavLink to={{ pathname: to }} end={end} className="nav-link" title={t(label)}>
                      <Icon />
                      <span className="nav-label">{t(label)}</span>
                    </NavLink>
                  </li>
                ),
              )}
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
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
