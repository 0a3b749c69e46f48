import { useQuery } from '@tanstack/react-query';
import { api, call, withSignal } from './client.ts';

/** Hooks of grading the graders: the monitors' figures and the disputes report of a month. */
export const gradersKeys = {
  graders: (period: string) => ['evaluations', 'graders', period] as const,
  disputes: (period: string) => ['evaluations', 'graders', 'disputes', period] as const,
};

/** `GET /api/qa/graders?period=`. */
export function useGraders(period: string | null) {
  return useQuery({
    queryKey: gradersKeys.graders(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.qa.graders.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: period !== null,
  });
}

/** `GET /api/qa/graders/disputes?period=`; only for a role that may read it (`enabled`). */
export function useDisputesReport(period: string | null, enabled: boolean) {
  return useQuery({
    queryKey: gradersKeys.disputes(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.qa.graders.disputes.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: enabled && period !== null,
  });
}
