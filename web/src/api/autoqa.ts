import { useQuery } from '@tanstack/react-query';
import { api, call, isApiError, withSignal } from './client.ts';

/** Hooks of AutoQA's screens: a call's transcript, and AutoQA measured against people. */
export const autoqaKeys = {
  transcript: (callId: string) => ['calls', callId, 'transcript'] as const,
  accuracy: (period: string) => ['autoqa', 'accuracy', period] as const,
};

/** `GET /api/calls/:id/transcript`; null when the call has none (the server's 404). */
export function useTranscript(callId: string) {
  return useQuery({
    queryKey: autoqaKeys.transcript(callId),
    queryFn: async ({ signal }) => {
      try {
        return await call(api.calls[':id'].transcript.$get({ param: { id: callId } }, withSignal(signal)));
      } catch (e) {
        if (isApiError(e, 404)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** `GET /api/autoqa/accuracy?period=`. */
export function useAutoqaAccuracy(period: string | null) {
  return useQuery({
    queryKey: autoqaKeys.accuracy(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.autoqa.accuracy.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: period !== null,
  });
}
