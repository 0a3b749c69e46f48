import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCalls } from './calls-arrow.ts';
import { api, call, setValues, withSignal } from './client.ts';
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

const viewQuery = (v: ViewParams) => setValues({ ...v });

/** `GET /api/dashboard/summary`; the previous view stays on screen while the next loads. */
export function useDashboardSummary(v: ViewParams | null) {
  return useQuery({
    queryKey: dashboardKeys.summary(v ?? { period: '', from: null, to: null, team: null, department: null }),
    queryFn: ({ signal }) =>
      call(api.dashboard.summary.$get({ query: viewQuery(v as ViewParams) }, withSignal(signal))),
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
      call(
        api.scorecards[':operatorId'].$get(
          { param: { operatorId: id }, query: setValues({ period }) },
          withSignal(signal),
        ),
      ),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

/** One list of the operator page, for the month; `fetch` asks the server for it. */
function useOperatorList<T>(
  id: string,
  what: string,
  query: Record<string, string | number>,
  period: string | null,
  fetch: (period: string, signal: AbortSignal) => Promise<T>,
  enabled = true,
) {
  return useQuery({
    queryKey: [...dashboardKeys.operatorList(id, what, period ?? ''), query],
    queryFn: ({ signal }) => fetch(period ?? '', signal),
    enabled: period !== null && enabled,
  });
}

const op = api.operators[':operatorId'];
const operatorArgs = (operatorId: string, period: string) => ({
  param: { operatorId },
  query: { period },
});

/** `GET /api/operators/:id/trend`: six periods of scorecards. */
export const useOperatorTrend = (id: string, period: string | null) =>
  useOperatorList(id, 'trend', {}, period, (p, signal) =>
    call(op.trend.$get(operatorArgs(id, p), withSignal(signal))),
  );
/** `GET /api/operators/:id/activity`: his calls, orders and time logged in, by state. */
export const useOperatorActivity = (id: string, period: string | null) =>
  useOperatorList(id, 'activity', {}, period, (p, signal) =>
    call(op.activity.$get(operatorArgs(id, p), withSignal(signal))),
  );
/** `GET /api/operators/:id/orders`. */
export const useOperatorOrders = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList(
    id,
    'orders',
    {},
    period,
    (p, signal) => call(op.orders.$get(operatorArgs(id, p), withSignal(signal))),
    enabled,
  );
/** `GET /api/operators/:id/claims`. */
export const useOperatorClaims = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList(
    id,
    'claims',
    {},
    period,
    (p, signal) => call(op.claims.$get(operatorArgs(id, p), withSignal(signal))),
    enabled,
  );
/** `GET /api/operators/:id/assessments`. */
export const useOperatorAssessments = (id: string, period: string | null, enabled: boolean) =>
  useOperatorList(
    id,
    'assessments',
    {},
    period,
    (p, signal) => call(op.assessments.$get(operatorArgs(id, p), withSignal(signal))),
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
  useOperatorList(
    id,
    'evaluations',
    { operator: id, limit: 200 },
    period,
    (p, signal) =>
      call(api.evaluations.$get({ query: { period: p, operator: id, limit: '200' } }, withSignal(signal))),
    enabled,
  );

/** `GET /api/pay-rules/in-force?period=&department=`. */
export function useRuleInForce(period: string | null, department: string | null) {
  return useQuery({
    queryKey: dashboardKeys.ruleInForce(period ?? '', department),
    queryFn: ({ signal }) =>
      call(
        api['pay-rules']['in-force'].$get(
          { query: { period: period ?? '', ...setValues({ department }) } },
          withSignal(signal),
        ),
      ),
    enabled: period !== null,
  });
}

/** `GET /api/forms`: the monitoring forms in use. */
export function useForms() {
  return useQuery({
    queryKey: dashboardKeys.forms,
    queryFn: ({ signal }) => call(api.forms.$get({ query: {} }, withSignal(signal))),
    staleTime: 10 * 60_000,
  });
}
