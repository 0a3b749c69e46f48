import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, MeResponse } from '../../../schemas/auth.ts';
import type { LanguageCode } from '../../../schemas/users.ts';
import { api, call, withSignal } from './client.ts';

/** One hook per endpoint; the keys live here so invalidation can name them. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  periods: ['periods'] as const,
  teams: ['teams'] as const,
  imports: ['imports'] as const,
  importDetail: (id: number) => ['imports', id] as const,
  importJob: (id: string) => ['imports', 'jobs', id] as const,
};

export const mutationKeys = {
  login: ['auth', 'login'] as const,
  logout: ['auth', 'logout'] as const,
  setLocale: ['auth', 'locale'] as const,
  uploadImport: ['imports', 'upload'] as const,
};

/** `GET /api/auth/me`: the signed-in user and company settings; fails with 401 when signed out. */
/** `GET /api/auth/me`, as useMe asks for it; main.tsx asks for it before the first render. */
export const meQuery = {
  queryKey: queryKeys.me,
  queryFn: ({ signal }: { signal: AbortSignal }) => call(api.auth.me.$get(undefined, withSignal(signal))),
  staleTime: 5 * 60_000,
};

export function useMe() {
  return useQuery(meQuery);
}

/** `POST /api/auth/login`. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.login,
    mutationFn: (body: LoginRequest) => call(api.auth.login.$post({ json: body })),
    onSuccess: () => resetSession(client),
  });
}

/** `POST /api/auth/logout`; the answer carries nothing the app needs. */
export function useLogout() {
  return useMutation({
    mutationKey: mutationKeys.logout,
    mutationFn: () => call(api.auth.logout.$post()),
  });
}

/** `PUT /api/auth/me/locale`: the signed-in user's language; the whole app follows the answer. */
export function useSetLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.setLocale,
    mutationFn: (locale: LanguageCode) => call(api.auth.me.locale.$put({ json: { locale } })),
    onSuccess: ({ user }) =>
      client.setQueryData<MeResponse>(queryKeys.me, (me) => (me ? { ...me, user } : me)),
  });
}

/** Drops everything cached for the previous user, so nobody sees another account's data. */
export function resetSession(client: QueryClient) {
  client.removeQueries();
}

/** `GET /api/periods`: months with calls, newest first. */
export function usePeriods() {
  return useQuery({
    queryKey: queryKeys.periods,
    queryFn: ({ signal }) => call(api.periods.$get(undefined, withSignal(signal))),
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/teams`: the teams the user may see; `enabled: false` waits. */
export function useTeams(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.teams,
    queryFn: ({ signal }) => call(api.teams.$get(undefined, withSignal(signal))),
    staleTime: 10 * 60_000,
    enabled: options.enabled ?? true,
  });
}

/** `GET /api/imports`: the import log, newest first. */
export function useImports() {
  return useQuery({
    queryKey: queryKeys.imports,
    queryFn: ({ signal }) => call(api.imports.$get({ query: { limit: '100' } }, withSignal(signal))),
  });
}

/** `GET /api/imports/:id`: one import's report and its quarantined rows. */
export function useImportDetail(id: number) {
  return useQuery({
    queryKey: queryKeys.importDetail(id),
    queryFn: ({ signal }) => call(api.imports[':id'].$get({ param: { id: String(id) } }, withSignal(signal))),
  });
}

/** `GET /api/imports/jobs/:id`, polled while the job waits or runs; the log is refreshed after. */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.importJob(id ?? ''),
    queryFn: async ({ signal }) => {
      const res = await call(api.imports.jobs[':id'].$get({ param: { id: id ?? '' } }, withSignal(signal)));
      if (res.job.state === 'done' || res.job.state === 'failed')
        void client.invalidateQueries({ queryKey: queryKeys.imports, exact: true });
      return res;
    },
    enabled: id !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.job.state;
      return state === 'done' || state === 'failed' ? false : 500;
    },
  });
}

/** `POST /api/imports` (multipart: file, kind, format, gmt): answers with the queued job. */
export function useUploadImport() {
  return useMutation({
    mutationKey: mutationKeys.uploadImport,
    mutationFn: (form: FormData) => call(api.imports.$post(undefined, { init: { body: form } })),
  });
}
