import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailPreferenceRequest, SmtpRequest } from '../../../schemas/notifications.ts';
import { api, call, withSignal } from './client.ts';

/** The bell's badge is asked for every 45 s; React Query stops asking while the tab is hidden. */
export const UNREAD_POLL_MS = 45_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => call(api.notifications.unread.$get({}, withSignal(signal))),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['notifications', 'list'],
    queryFn: ({ signal }) => call(api.notifications.$get({ query: {} }, withSignal(signal))),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['notifications'] });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => call(api.notifications[':id'].read.$post({ param: { id: String(id) } })),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => call(api.notifications['read-all'].$post()),
    onSuccess: refresh,
  });
}

/** `GET /api/notifications/smtp` (administrator): the server, never its password. */
export function useSmtp(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['notifications', 'smtp'],
    queryFn: ({ signal }) => call(api.notifications.smtp.$get({}, withSignal(signal))),
  });
}

export function useSaveSmtp() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: SmtpRequest) => call(api.notifications.smtp.$put({ json: body })),
    onSuccess: refresh,
  });
}

/** The signed-in user's own address and e-mail opt-out. */
export function useEmailPreference(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['notifications', 'email'],
    queryFn: ({ signal }) => call(api.notifications.email.$get({}, withSignal(signal))),
  });
}

export function useSaveEmailPreference() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: EmailPreferenceRequest) => call(api.notifications.email.$put({ json: body })),
    onSuccess: refresh,
  });
}

/** Every user's address and opt-out, for the users page (administrator). */
export function useUserEmails(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['notifications', 'users'],
    queryFn: ({ signal }) => call(api.notifications.users.$get({}, withSignal(signal))),
  });
}

export function useSaveUserEmail() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: EmailPreferenceRequest & { id: number }) =>
      call(
        api.notifications.users[':id'].email.$put({
          param: { id: String(v.id) },
          json: { email: v.email, emailOff: v.emailOff },
        }),
      ),
    onSuccess: refresh,
  });
}
