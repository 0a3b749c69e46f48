import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewPayRuleRequest, PayRule } from '../../../schemas/pay-rule.ts';
import { api, call, setValues, withSignal } from './client.ts';

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
    queryFn: ({ signal }) => call(api['pay-periods'].$get(undefined, withSignal(signal))),
  });
}

/** `GET /api/scorecards?period=…`; keeps the previous month on screen while the next loads. */
export function useScorecards(period: string | null, team: string | null = null) {
  return useQuery({
    queryKey: payKeys.scorecards(period ?? '', team),
    queryFn: ({ signal }) =>
      call(api.scorecards.$get({ query: setValues({ period, team }) }, withSignal(signal))),
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

/**
 * `POST /api/pay-periods/:period/approve` (payroll), confirming by id the operators with no
 * variable base.
 */
export function useApprovePeriod() {
  const invalidate = useInvalidatePay();
  return useMutation({
    mutationFn: (v: { period: string; confirmMissingBases: string[] }) =>
      call(
        api['pay-periods'][':period'].approve.$post({
          param: { period: v.period },
          json: { confirmMissingBases: v.confirmMissingBases },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** `POST /api/pay-periods/:period/reopen` (administrator, with a reason). */
export function useReopenPeriod() {
  const invalidate = useInvalidatePay();
  return useMutation({
    mutationFn: (v: { period: string; reason: string }) =>
      call(
        api['pay-periods'][':period'].reopen.$post({
          param: { period: v.period },
          json: { reason: v.reason },
        }),
      ),
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
    queryFn: ({ signal }) => call(api['pay-rules'].$get(undefined, withSignal(signal))),
  });
}

/** `POST /api/pay-rules/preview`: what a rule would do to a month, before saving it. */
export function usePreviewRule() {
  return useMutation({
    mutationFn: (v: { department: string | null; period: string; rule: PayRule }) =>
      call(api['pay-rules'].preview.$post({ json: v })),
  });
}

/** `POST /api/pay-rules`: saves a new version. */
export function useSaveRule() {
  const client = useQueryClient();
  const invalidate = useInvalidatePay();
  return useMutation({
    mutationFn: (v: NewPayRuleRequest) => call(api['pay-rules'].$post({ json: v })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: payKeys.rules });
      invalidate();
    },
  });
}
