import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useSyncExternalStore } from 'react';
import type { MeResponse } from '../../../schemas/auth.ts';
import { queryKeys } from '../api/hooks.ts';
import { detectLanguage, I18nProvider, isLanguage, type Language } from '../i18n/index.ts';

/**
 * The signed-in user's language once `GET /api/auth/me` has answered, the browser's before that
 * (the login page) and after signing out. It watches the cached answer without asking for it, so
 * switching the language (which updates that answer) re-renders every screen.
 */
export function UserLanguage({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    [client],
  );
  const userLocale = useSyncExternalStore(
    subscribe,
    () => client.getQueryData<MeResponse>(queryKeys.me)?.user.locale,
  );
  const language: Language = userLocale && isLanguage(userLocale) ? userLocale : detectLanguage();
  return <I18nProvider language={language}>{children}</I18nProvider>;
}
