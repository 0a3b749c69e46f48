import { Navigate, Outlet, useLocation } from 'react-router';
import { type Action, can } from '../../../schemas/policy.ts';
import NotAvailablePage from '../pages/NotAvailablePage.tsx';
import { homeOf, mayOpenPath } from '../routes.ts';
import { useSession } from './session.tsx';

/**
 * Whether the signed-in user may take an action, by the server's own policy: what this says
 * no, the server would refuse, so the page neither shows nor enables it.
 */
export function useCan(action: Action): boolean {
  return can(useSession().user.role, action);
}

/** The signed-in user's start page. */
export function useHome(): string {
  return homeOf(useSession().user);
}

/** The pages, each for the users who may open it; anyone else gets "not available for your role". */
export function PageGate() {
  const { user } = useSession();
  const { pathname } = useLocation();
  return mayOpenPath(user, pathname) ? <Outlet /> : <NotAvailablePage />;
}

/** The app's root: each role's own start page, keeping the query (a period) it was opened with. */
export function HomeRedirect() {
  const home = useHome();
  const { search } = useLocation();
  return <Navigate to={{ pathname: home, search }} replace />;
}
