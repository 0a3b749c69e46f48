import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { MeResponse } from '../../../schemas/auth.ts';
import { isApiError } from '../api/client.ts';
import { useMe } from '../api/hooks.ts';
import { LogoMark } from '../components/Logo.tsx';
import { ErrorState } from '../components/states.tsx';
import { useT } from '../i18n/index.ts';

const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in user and company settings; only for components under RequireAuth. */
export function useSession(): MeResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a signed-in user (render under <RequireAuth>)');
  return session;
}

/** Where the login page sends the user back to; only paths of this app, never another site. */
export interface LoginState {
  from?: string;
}

export function safeReturnPath(state: unknown): string {
  const from = (state as LoginState | null)?.from;
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    !from.startsWith('/login')
    ? from
    : '/';
}

export function FullPageLoading() {
  const t = useT();
  return (
    <div className="splash" role="status" aria-live="polite">
      <LogoMark size={40} />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}

/** Renders its children for a signed-in user and sends everyone else to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (isApiError(me.error, 401)) {
    const state: LoginState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.data) return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
  if (me.isError) {
    return (
      <div className="splash">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  return <FullPageLoading />;
}
