import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClaimDecisionRequest,
  ClaimsQuery,
  NewAssessmentRequest,
  NewClaimRequest,
} from '../../../schemas/claims.ts';
import type { TARGET_METRICS } from '../../../schemas/records.ts';
import { api, call, setValues, withSignal } from './client.ts';

/** Hooks for claims, assessments, the roster and the period's plans (targets, norms, bases). */

export function useRoster() {
  return useQuery({
    queryKey: ['operators', 'roster'],
    queryFn: ({ signal }) => call(api.operators.$get(undefined, withSignal(signal))),
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
    queryFn: ({ signal }) =>
      call(
        // The filters are the page address's text; the server answers a value it does not know with a 400.
        api.claims.$get(
          { query: setValues({ ...f }) as Pick<ClaimsQuery, 'status' | 'source'> },
          withSignal(signal),
        ),
      ),
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
    mutationFn: (body: NewClaimRequest) => call(api.claims.$post({ json: body })),
    onSuccess: invalidate,
  });
}

export function useDecideClaim() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { claimId: string } & ClaimDecisionRequest) =>
      call(
        api.claims[':claimId'].decision.$post({
          param: { claimId: v.claimId },
          json: { status: v.status, note: v.note },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: ['assessments'],
    queryFn: ({ signal }) => call(api.assessments.$get({ query: {} }, withSignal(signal))),
  });
}

export function useRecordAssessment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewAssessmentRequest) => call(api.assessments.$post({ json: body })),
    onSuccess: invalidate,
  });
}

export function usePlans(period: string | null) {
  return useQuery({
    queryKey: ['plans', period],
    queryFn: ({ signal }) => call(api.plans.$get({ query: { period: period ?? '' } }, withSignal(signal))),
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
    mutationFn: (edit: PlanEdit) =>
      call(
        edit.kind === 'targets'
          ? // The metric as the plans list names it, one of TARGET_METRICS.
            api.plans.targets.$put({
              json: { ...edit.body, metric: edit.body.metric as (typeof TARGET_METRICS)[number] },
            })
          : edit.kind === 'norms'
            ? api.plans.norms.$put({ json: edit.body })
            : api.plans.bases.$put({ json: edit.body }),
      ),
    onSuccess: invalidate,
  });
}
