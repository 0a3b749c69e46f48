import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckDef } from '../../../schemas/autoqa.ts';
import type { RuleTestSource } from '../../../schemas/autoqa-test.ts';
import { useLanguage } from '../i18n/index.ts';
import { api, call, isApiError, setValues, withSignal } from './client.ts';

/**
 * Hooks of AutoQA's screens: a call's transcript, AutoQA measured against people, the rules and
 * the background job, and the pass rates of the dashboard, the operator page and the call queue;
 * keys here so a save can refresh them.
 */
export const autoqaKeys = {
  transcript: (callId: string) => ['calls', callId, 'transcript'] as const,
  accuracy: (period: string) => ['autoqa', 'accuracy', period] as const,
  rules: ['autoqa', 'rules'] as const,
  versions: ['autoqa', 'rules', 'versions'] as const,
  version: (v: number) => ['autoqa', 'rules', 'versions', v] as const,
  job: ['autoqa', 'job'] as const,
  passRates: (q: PassRatesParams) => ['autoqa', 'pass-rates', q] as const,
};

/** `GET /api/calls/:id/transcript`; null when the call has none (the server's 404). */
export function useTranscript(callId: string) {
  return useQuery({
    queryKey: autoqaKeys.transcript(callId),
    queryFn: async ({ signal }) => {
      try {
        return await call(api.calls[':id'].transcript.$get({ param: { id: callId } }, withSignal(signal)));
      } catch (e) {
        if (isApiError(e, 404)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** `GET /api/autoqa/accuracy?period=`. */
export function useAutoqaAccuracy(period: string | null) {
  return useQuery({
    queryKey: autoqaKeys.accuracy(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.autoqa.accuracy.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: period !== null,
  });
}

/** `GET /api/autoqa/rules`: the rule set in force. */
export function useRuleSet() {
  return useQuery({
    queryKey: autoqaKeys.rules,
    queryFn: ({ signal }) => call(api.autoqa.rules.$get(undefined, withSignal(signal))),
  });
}

/** `GET /api/autoqa/rules/versions`: who saved each version, and when. */
export function useRuleVersions() {
  return useQuery({
    queryKey: autoqaKeys.versions,
    queryFn: ({ signal }) => call(api.autoqa.rules.versions.$get(undefined, withSignal(signal))),
  });
}

/** `GET /api/autoqa/rules/versions/:version`; null waits. */
export function useRuleVersion(version: number | null) {
  return useQuery({
    queryKey: autoqaKeys.version(version ?? 0),
    queryFn: ({ signal }) =>
      call(
        api.autoqa.rules.versions[':version'].$get(
          { param: { version: String(version) } },
          withSignal(signal),
        ),
      ),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** `PUT /api/autoqa/rules` (QA lead): a new version; the calls are then re-checked in the background. */
export function useSaveRuleSet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (checks: CheckDef[]) => call(api.autoqa.rules.$put({ json: { checks } })),
    onSuccess: (body) => {
      client.setQueryData(autoqaKeys.rules, body);
      void client.invalidateQueries({ queryKey: autoqaKeys.versions });
      void client.invalidateQueries({ queryKey: autoqaKeys.job });
    },
  });
}

/** `POST /api/autoqa/rules/test`: the draft on one transcript; stores nothing. */
export function useTestRules() {
  return useMutation({
    mutationFn: (v: { checks: CheckDef[]; source: RuleTestSource }) =>
      call(api.autoqa.rules.test.$post({ json: v })),
  });
}

/** `GET /api/autoqa/job`: asked every second while it runs, every five when idle. */
export function useAutoqaJob() {
  return useQuery({
    queryKey: autoqaKeys.job,
    queryFn: ({ signal }) => call(api.autoqa.job.$get(undefined, withSignal(signal))),
    refetchInterval: (q) => (q.state.data?.job.state === 'running' ? 1000 : 5000),
  });
}

export interface PassRatesParams {
  period: string;
  team?: string | null;
  department?: string | null;
  operator?: string | null;
}

/** `GET /api/autoqa/pass-rates`: each check's pass rate for the selection, per team and operator. */
export function usePassRates(q: PassRatesParams | null, enabled = true) {
  return useQuery({
    queryKey: autoqaKeys.passRates(q ?? { period: '' }),
    queryFn: ({ signal }) =>
      call(
        api.autoqa['pass-rates'].$get(
          { query: { ...setValues({ ...q }), period: q?.period ?? '' } },
          withSignal(signal),
        ),
      ),
    enabled: q !== null && enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * The checks of the rule set in force with their labels in the user's language, as the pass
 * rates name them (every role that reads check results may ask for them).
 */
export function useCheckLabels(period: string | null, enabled = true) {
  const language = useLanguage();
  const rates = usePassRates(period ? { period } : null, enabled);
  const checks = (rates.data?.checks ?? []).map((c) => ({ key: c.key, label: c.labels[language] }));
  return { checks, label: (key: string) => checks.find((c) => c.key === key)?.label ?? key };
}
