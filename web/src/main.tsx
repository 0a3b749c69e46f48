import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App, preloadRoute } from './App.tsx';
import { isApiError } from './api/client.ts';
import { meQuery, mutationKeys, queryKeys } from './api/hooks.ts';
import { UserLanguage } from './auth/UserLanguage.tsx';
import './styles.css';
import './qa.css';
import './autoqa.css';
import './checks.css';
import './mapping.css';
import './coaching.css';

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

/**
 * The first screen is drawn once the current user and the code of the screen are there, both
 * asked for at once: rendered first, the shell would ask for the user, then for its own code,
 * then for the page's, one after the other, each a round trip and a fallback on screen.
 */
async function firstScreen(): Promise<void> {
  const path = window.location.pathname;
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  const signedInCode = path === '/login' ? undefined : quiet(preloadRoute(path, true));
  await queryClient.prefetchQuery(meQuery);
  const signedIn = queryClient.getQueryData(queryKeys.me) !== undefined;
  await (signedIn && signedInCode ? signedInCode : quiet(preloadRoute(path, false)));
}

await firstScreen();
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
