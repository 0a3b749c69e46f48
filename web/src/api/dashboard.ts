import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  OperatorAssessmentsResponse,
  OperatorClaimsResponse,
  OperatorOrdersResponse,
  OperatorTrendResponse,
  SummaryResponse,
} from '../../../schemas/dashboard.ts';
import type { EvaluationsResponse } from '../../../schemas/evaluations.ts';
import type { FormsResponse } from '../../../schemas/forms.ts';
import type { PayRuleVersion } from '../../../schemas/pay-rule.ts';
import type { ScorecardResponse } from '../../../schemas/scorecard.ts';
import { fetchCalls } from './calls-arrow.ts';
import { api } from './client.ts';
import { fetchRanking } from './ranking-arrow.ts';

/** What the dashboard shows: a month or a range of local dates (to exclusive), and a view. */
export interface ViewParams {
  period: string | null;
  from: string | null;
  to: string | null;
  team: string | null;
  department: string | null;
}

export const dashboardKeys = {
  summary: (v: ViewParams) => ['dashboard', 'summary', v] as const,
  // Under 'scorecards', so approving or re-opening a month refreshes the ranking too.
  scorecards: (v: ViewParams) => ['scorecards', 'view', v] as const,
  operator: (id: string, period: string) => ['scorecards', 'operator', id, period] as const,
  operatorList: (id: string, what: string, period: string) => ['operators', id, what, period] as const,
  ruleInForce: (period: string, department: string | null) =>
    ['pay-rules', 'in-force', period, department] as const,
  forms: ['forms'] as const,
};

const viewQuery = (v: ViewParams) => ({ ...v });

/** `GET /api/dashboard/summary`; the previous view stays on screen while the next loads. */
export function useDashboardSummary(v: ViewParams | null) {
  return useQuery({
    queryKey: dashboardKeys.summary(v ?? { period: '', from: null, to: null, team: null, department: null }),
    queryFn: ({ signal }) =>
      api.get<SummaryResponse>('/api/dashboard/summary', viewQuery(v as ViewParams), signal),
    enabled: v !== null,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/ranking` for the view, as Arrow: the ranking's rows. */
export function useViewScorecards(v: ViewParams | null) {
  return useQuery({
    queryKey: dashboardKeys.scorecards(
      v ?? { period: '', from: null, to: null, team: null, department: null },
    ),
    queryFn: ({ signal }) => fetchRanking(viewQuery(v as ViewParams), signal),
    enabled: v !== null,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/scorecards/:operatorId?period=`. */
export function useOperatorScorecard(id: string, period: string | null) {
  return useQuery({
    queryKey: dashboardKeys.operator(id, period ?? ''),
    queryFn: ({ signal }) =>
      api.get<ScorecardResponse>(`/api/scorecards/${encodeURIComponent(id)}`, { period }, signal),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

function useOperatorList<T>(
  id: string,
  what: string,
  path: string,
  query: Record<string, string | number>,
  period: string | null,
  enabled = true,
) {
  return useQuery({
    queryKey: [...dashboardKeys.operatorList(id, what, period ?? ''), query],
    queryFn: ({ signal }) => api.get<T>(path, { period, ...query }, signal),
    enabled: period !== null && enabled,
  });
}

const op = (id: string) => `/api/operators/${encodeURIComponent(id)}`;

/** `GET /api/operators/:id/trend`: six periods of scorecards. */
export const useOperatorTrend = (id: string, period: string | null) =>
  useOperatorList<OperatorTrendResponse>(id, 'trend', `${op(id)}/trend`, {}, period);
/** `GET /api/operators/:id/orders`. */
export const useOperatorOrders = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList<OperatorOrdersResponse>(id, 'orders', `${op(id)}/orders`, {}, period, enabled);
/** `GET /api/operators/:id/claims`. */
export const useOperatorClaims = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList<OperatorClaimsResponse>(id, 'claims', `${op(id)}/claims`, {}, period, enabled);
/** `GET /api/operators/:id/assessments`. */
export const useOperatorAssessments = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList<OperatorAssessmentsResponse>(
    id,
    'assessments',
    `${op(id)}/assessments`,
    {},
    period,
    enabled,
  );
/** `GET /api/calls?operator=…`, as Arrow: the operator's calls of the month, newest first. */
export function useOperatorCalls(id: string, period: string | null, enabled: boolean) {
  const query = { operator: id, limit: 200 };
  return useQuery({
    queryKey: [...dashboardKeys.operatorList(id, 'calls', period ?? ''), query],
    queryFn: ({ signal }) => fetchCalls({ period, ...query }, signal),
    enabled: period !== null && enabled,
  });
}
/** `GET /api/evaluations?operator=…`. */
export const useOperatorEvaluations = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList<EvaluationsResponse>(
    id,
    'evaluations',
    '/api/evaluations',
    { operator: id, limit: 200 },
    period,
    enabled,
  );

/** `GET /api/pay-rules/in-force?period=&department=`. */
export function useRuleInForce(period: string | null, department: string | null) {
  return useQuery({
    queryKey: dashboardKeys.ruleInForce(period ?? '', department),
    queryFn: ({ signal }) =>
      api.get<{ rule: PayRuleVersion }>('/api/pay-rules/in-force', { period, department }, signal),
    enabled: period !== null,
  });
}

/** `GET /api/forms`: the monitoring forms in use. */
export function useForms() {
  return useQuery({
    queryKey: dashboardKeys.forms,
    queryFn: ({ signal }) => api.get<FormsResponse>('/api/forms', undefined, signal),
    staleTime: 10 * 60_000,
  });
}
