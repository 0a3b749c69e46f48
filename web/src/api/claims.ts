import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentView,
  ClaimDecisionRequest,
  ClaimView,
  NewAssessmentRequest,
  NewClaimRequest,
} from '../../../schemas/claims.ts';
import type { PlansResponse } from '../../../schemas/plans.ts';
import { api } from './client.ts';

/** Hooks for claims, assessments, the roster and the period's plans (targets, norms, bases). */
export interface RosterEntry {
  operatorId: string;
  name: string;
  teamId: string;
  teamName: string | null;
}

export function useRoster() {
  return useQuery({
    queryKey: ['operators', 'roster'],
    queryFn: ({ signal }) => api.get<{ operators: RosterEntry[] }>('/api/operators', undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export interface ClaimFilters {
  status: string | null;
  source: string | null;
}

export function useClaims(f: ClaimFilters) {
  return useQuery({
    queryKey: ['claims', f],
    queryFn: ({ signal }) => api.get<{ claims: ClaimView[] }>('/api/claims', { ...f }, signal),
  });
}

/** Anything that changes a claim or assessment changes scorecards too. */
function useInvalidate() {
  const client = useQueryClient();
  return () => {
    for (const key of ['claims', 'assessments', 'scorecards', 'ranking', 'plans']) {
      void client.invalidateQueries({ queryKey: [key] });
    }
  };
}

export function useRegisterClaim() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewClaimRequest) => api.post<{ claim: ClaimView }>('/api/claims', body),
    onSuccess: invalidate,
  });
}

export function useDecideClaim() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { claimId: string } & ClaimDecisionRequest) =>
      api.post<{ claim: ClaimView }>(`/api/claims/${encodeURIComponent(v.claimId)}/decision`, {
        status: v.status,
        note: v.note,
      }),
    onSuccess: invalidate,
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: ['assessments'],
    queryFn: ({ signal }) =>
      api.get<{ assessments: AssessmentView[] }>('/api/assessments', undefined, signal),
  });
}

export function useRecordAssessment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewAssessmentRequest) =>
      api.post<{ assessment: AssessmentView }>('/api/assessments', body),
    onSuccess: invalidate,
  });
}

export function usePlans(period: string | null) {
  return useQuery({
    queryKey: ['plans', period],
    queryFn: ({ signal }) => api.get<PlansResponse>('/api/plans', { period }, signal),
    enabled: period !== null,
  });
}

type PlanEdit =
  | { kind: 'targets'; body: { teamId: string; period: string; metric: string; target: number | null } }
  | {
      kind: 'norms';
      body: { scope: 'team' | 'operator'; subjectId: string; period: string; tasksNorm: number | null };
    }
  | { kind: 'bases'; body: { operatorId: string; period: string; variableBase: number | null } };

export function useSavePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (edit: PlanEdit) => api.put<{ ok: true }>(`/api/plans/${edit.kind}`, edit.body),
    onSuccess: invalidate,
  });
}
