import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewPayRuleRequest, PayRule, PayRuleVersion, RulePreview } from '../../../schemas/pay-rule.ts';
import type { PayPeriodsResponse, PayPeriodView, ScorecardsResponse } from '../../../schemas/scorecard.ts';
import { api } from './client.ts';

/** Hooks for scorecards, pay periods and pay rules; keys here so a change can invalidate them. */
export const payKeys = {
  periods: ['pay-periods'] as const,
  scorecards: (period: string, team: string | null) => ['scorecards', period, team] as const,
  rules: ['pay-rules'] as const,
};

/** `GET /api/pay-periods`: every month with its status and totals. */
export function usePayPeriods() {
  return useQuery({
    queryKey: payKeys.periods,
    queryFn: ({ signal }) => api.get<PayPeriodsResponse>('/api/pay-periods', undefined, signal),
  });
}

/** `GET /api/scorecards?period=…`; keeps the previous month on screen while the next loads. */
export function useScorecards(period: string | null, team: string | null = null) {
  return useQuery({
    queryKey: payKeys.scorecards(period ?? '', team),
    queryFn: ({ signal }) => api.get<ScorecardsResponse>('/api/scorecards', { period, team }, signal),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

function useInvalidatePay() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: payKeys.periods });
    void client.invalidateQueries({ queryKey: ['scorecards'] });
  };
}

/** `POST /api/pay-periods/:period/approve` (payroll). */
export function useApprovePeriod() {
  const invalidate = useInvalidatePay();
  return useMutation({
    mutationFn: (period: string) =>
      api.post<{ payPeriod: PayPeriodView }>(`/api/pay-periods/${encodeURIComponent(period)}/approve`),
    onSuccess: invalidate,
  });
}

/** `POST /api/pay-periods/:period/reopen` (administrator, with a reason). */
export function useReopenPeriod() {
  const invalidate = useInvalidatePay();
  return useMutation({
    mutationFn: (v: { period: string; reason: string }) =>
      api.post<{ payPeriod: PayPeriodView }>(`/api/pay-periods/${encodeURIComponent(v.period)}/reopen`, {
        reason: v.reason,
      }),
    onSuccess: invalidate,
  });
}

/** The address of a payroll file; the browser downloads it with the session cookie. */
export function exportUrl(
  period: string,
  format: 'csv' | 'xlsx',
  delimiter: ',' | ';' = ',',
  decimal: '.' | ',' = '.',
) {
  const q = new URLSearchParams({ format });
  if (format === 'csv') {
    q.set('delimiter', delimiter);
    q.set('decimal', decimal);
  }
  return `/api/pay-periods/${encodeURIComponent(period)}/export?${q}`;
}

/** `GET /api/pay-rules`: every version of every department's rule. */
export function usePayRules() {
  return useQuery({
    queryKey: payKeys.rules,
    queryFn: ({ signal }) => api.get<{ rules: PayRuleVersion[] }>('/api/pay-rules', undefined, signal),
  });
}

/** `POST /api/pay-rules/preview`: what a rule would do to a month, before saving it. */
export function usePreviewRule() {
  return useMutation({
    mutationFn: (v: { department: string | null; period: string; rule: PayRule }) =>
      api.post<RulePreview>('/api/pay-rules/preview', v),
  });
}

/** `POST /api/pay-rules`: saves a new version. */
export function useSaveRule() {
  const client = useQueryClient();
  const invalidate = useInvalidatePay();
  return useMutation({
    mutationFn: (v: NewPayRuleRequest) => api.post<{ rule: PayRuleVersion }>('/api/pay-rules', v),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: payKeys.rules });
      invalidate();
    },
  });
}
