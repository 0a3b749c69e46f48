import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoachingStatus,
  NewCoachingNoteRequest,
  NewCoachingRequest,
} from '../../../schemas/coaching.ts';
import type { Answers } from '../../../schemas/forms.ts';
import type { NewSelfEvaluationsRequest } from '../../../schemas/self-evaluations.ts';
import { api, call, setValues, withSignal } from './client.ts';

/** Hooks for coaching sessions and self-evaluations. */

export function useCoachingList(
  f: { operator?: string | null; status?: CoachingStatus | null },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: ['coaching', 'list', f],
    queryFn: ({ signal }) =>
      call(
        api.coaching.$get(
          { query: setValues({ operator: f.operator ?? null, status: f.status ?? null }) },
          withSignal(signal),
        ),
      ),
  });
}

export function useCoaching(id: number) {
  return useQuery({
    queryKey: ['coaching', 'one', id],
    queryFn: ({ signal }) =>
      call(api.coaching[':id'].$get({ param: { id: String(id) } }, withSignal(signal))),
  });
}

function useInvalidate(key: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: [key] });
}

export function useOpenCoaching() {
  const invalidate = useInvalidate('coaching');
  return useMutation({
    mutationFn: (body: NewCoachingRequest) => call(api.coaching.$post({ json: body })),
    onSuccess: invalidate,
  });
}

export function useAcknowledgeCoaching(id: number) {
  const invalidate = useInvalidate('coaching');
  return useMutation({
    mutationFn: (comment: string) =>
      call(api.coaching[':id'].acknowledge.$post({ param: { id: String(id) }, json: { comment } })),
    onSuccess: invalidate,
  });
}

export function useCloseCoaching(id: number) {
  const invalidate = useInvalidate('coaching');
  return useMutation({
    mutationFn: (note: string) =>
      call(api.coaching[':id'].close.$post({ param: { id: String(id) }, json: { note } })),
    onSuccess: invalidate,
  });
}

/** A session's notes: an operator gets those meant for him. */
export function useCoachingNotes(id: number) {
  return useQuery({
    queryKey: ['coaching', 'notes', id],
    queryFn: ({ signal }) =>
      call(api.coaching[':id'].notes.$get({ param: { id: String(id) } }, withSignal(signal))),
  });
}

export function useAddCoachingNote(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCoachingNoteRequest) =>
      call(api.coaching[':id'].notes.$post({ param: { id: String(id) }, json: body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['coaching', 'notes', id] }),
  });
}

export function useSelfEvaluations(f: {
  status?: 'requested' | 'submitted' | null;
  operator?: string | null;
  period?: string | null;
}) {
  return useQuery({
    queryKey: ['self-evaluations', 'list', f],
    queryFn: ({ signal }) =>
      call(
        api['self-evaluations'].$get(
          {
            query: setValues({
              status: f.status ?? null,
              operator: f.operator ?? null,
              period: f.period ?? null,
            }),
          },
          withSignal(signal),
        ),
      ),
  });
}

export function useSelfEvaluation(id: number) {
  return useQuery({
    queryKey: ['self-evaluations', 'one', id],
    queryFn: ({ signal }) =>
      call(api['self-evaluations'][':id'].$get({ param: { id: String(id) } }, withSignal(signal))),
  });
}

export function useSelfGap(period: string | null, team: string | null = null) {
  return useQuery({
    queryKey: ['self-evaluations', 'gap', period, team],
    queryFn: ({ signal }) =>
      call(
        api['self-evaluations'].gap.$get(
          { query: setValues({ period: period ?? '', team }) as { period: string; team?: string } },
          withSignal(signal),
        ),
      ),
    enabled: period !== null,
  });
}

export function useRequestSelfEvaluations() {
  const invalidate = useInvalidate('self-evaluations');
  return useMutation({
    mutationFn: (body: NewSelfEvaluationsRequest) => call(api['self-evaluations'].$post({ json: body })),
    onSuccess: invalidate,
  });
}

export function useSubmitSelfEvaluation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Answers) =>
      call(api['self-evaluations'][':id'].submit.$post({ param: { id: String(id) }, json: { answers } })),
    onSuccess: () => {
      for (const key of ['self-evaluations', 'evaluations'])
        void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
