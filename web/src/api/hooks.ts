import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeriodsResponse, TeamsResponse } from '../../../schemas/activity.ts';
import type {
  LocaleResponse,
  LoginRequest,
  LoginResponse,
  LogoutResponse,
  MeResponse,
} from '../../../schemas/auth.ts';
import type { ImportDetailResponse, ImportJobResponse, ImportsResponse } from '../../../schemas/imports.ts';
import type { LanguageCode } from '../../../schemas/users.ts';
import { api } from './client.ts';

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
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => api.get<MeResponse>('/api/auth/me', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** `POST /api/auth/login`. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.login,
    mutationFn: (body: LoginRequest) => api.post<LoginResponse>('/api/auth/login', body),
    onSuccess: () => resetSession(client),
  });
}

/** `POST /api/auth/logout`; the answer carries nothing the app needs. */
export function useLogout() {
  return useMutation({
    mutationKey: mutationKeys.logout,
    mutationFn: () => api.post<LogoutResponse>('/api/auth/logout'),
  });
}

/** `PUT /api/auth/me/locale`: the signed-in user's language; the whole app follows the answer. */
export function useSetLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: mutationKeys.setLocale,
    mutationFn: (locale: LanguageCode) => api.put<LocaleResponse>('/api/auth/me/locale', { locale }),
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
    queryFn: ({ signal }) => api.get<PeriodsResponse>('/api/periods', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/teams`: the teams the user may see; `enabled: false` waits. */
export function useTeams(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.teams,
    queryFn: ({ signal }) => api.get<TeamsResponse>('/api/teams', undefined, signal),
    staleTime: 10 * 60_000,
    enabled: options.enabled ?? true,
  });
}

/** `GET /api/imports`: the import log, newest first. */
export function useImports() {
  return useQuery({
    queryKey: queryKeys.imports,
    queryFn: ({ signal }) => api.get<ImportsResponse>('/api/imports', { limit: 100 }, signal),
  });
}

/** `GET /api/imports/:id`: one import's report and its quarantined rows. */
export function useImportDetail(id: number) {
  return useQuery({
    queryKey: queryKeys.importDetail(id),
    queryFn: ({ signal }) => api.get<ImportDetailResponse>(`/api/imports/${id}`, undefined, signal),
  });
}

/** `GET /api/imports/jobs/:id`, polled while the job waits or runs; the log is refreshed after. */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.importJob(id ?? ''),
    queryFn: async ({ signal }) => {
      const res = await api.get<ImportJobResponse>(`/api/imports/jobs/${id}`, undefined, signal);
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
    mutationFn: (form: FormData) => api.post<ImportJobResponse>('/api/imports', form),
  });
}
