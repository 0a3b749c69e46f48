import { useQuery } from '@tanstack/react-query';
import { api, call, withSignal } from './client.ts';

/** How often today's queue figures are asked for again while the page is in view. */
export const LIVE_REFRESH_MS = 15_000;

/**
 * `GET /api/live/queues`, asked again every 15 s; React Query pauses the interval while the tab
 * is hidden (refetchIntervalInBackground is off) and asks at once when it comes back.
 */
export function useLiveQueues(enabled: boolean) {
  return useQuery({
    queryKey: ['live', 'queues'],
    queryFn: ({ signal }) => call(api.live.queues.$get({}, withSignal(signal))),
    enabled,
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}
