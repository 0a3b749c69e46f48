import { useQuery } from '@tanstack/react-query';
import { api, call, withSignal } from './client.ts';

/** `GET /api/autoqa/rules`: the AutoQA rule set in force (its checks bind form questions). */
export function useAutoqaRules(enabled = true) {
  return useQuery({
    queryKey: ['autoqa', 'rules'] as const,
    queryFn: ({ signal }) => call(api.autoqa.rules.$get(undefined, withSignal(signal))),
    enabled,
    staleTime: 5 * 60_000,
  });
}
