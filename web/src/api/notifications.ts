import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
