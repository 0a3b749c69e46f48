import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SamplingRuleInput } from '../../../schemas/sampling-rules.ts';
import { api, call, setValues, withSignal } from './client.ts';

/** Hooks of the sampling rules and the calls they gave (`/api/qa/sampling-rules`). */

const rules = api.qa['sampling-rules'];

export function useSamplingRules(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['sampling', 'rules'],
    queryFn: ({ signal }) => call(rules.$get({}, withSignal(signal))),
  });
}

export function useSamplingWorklist(monitor: string | null) {
  return useQuery({
    queryKey: ['sampling', 'worklist', monitor],
    queryFn: ({ signal }) => call(rules.worklist.$get({ query: setValues({ monitor }) }, withSignal(signal))),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['sampling'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
  };
}

export function useSaveSamplingRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, rule }: { id: number | null; rule: SamplingRuleInput }) =>
      id === null
        ? call(rules.$post({ json: rule }))
        : call(rules[':id'].$put({ param: { id: String(id) }, json: rule })),
    onSuccess: invalidate,
  });
}

export function useRunSampling() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { date: string; ruleId?: number }) => call(rules.refill.$post({ json: body })),
    onSuccess: invalidate,
  });
}
