import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { isApiError } from './api/client.ts';
import { mutationKeys, queryKeys } from './api/hooks.ts';
import { UserLanguage } from './auth/UserLanguage.tsx';
import './styles.css';
import './qa.css';

/**
 * A 401 from any request means the session ended (expired or signed out elsewhere): asking again
 * for the current user turns that into the redirect to the login page.
 */
const sameKey = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  a !== undefined && a.length === b.length && a.every((part, i) => part === b[i]);

function onAuthError(error: unknown, key: readonly unknown[] | undefined) {
  if (!isApiError(error, 401) || sameKey(key, queryKeys.me)) return;
  void queryClient.invalidateQueries({ queryKey: queryKeys.me });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onAuthError(error, query.queryKey) }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      // A wrong password on the login form is a 401 too, and not a lost session.
      if (!sameKey(mutation.options.mutationKey, mutationKeys.login)) onAuthError(error, undefined);
    },
  }),
  defaultOptions: {
    queries: {
      // 4xx answers do not get better by asking again; network and 5xx failures might.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 60_000,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <UserLanguage>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </UserLanguage>
    </QueryClientProvider>
  </StrictMode>,
);
