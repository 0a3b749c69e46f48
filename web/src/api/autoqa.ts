import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLanguage } from '../i18n/index.ts';
import { api, call, setValues, withSignal } from './client.ts';

/** AutoQA's figures on the dashboard, the operator page and the call queue. */
export const autoqaKeys = {
  passRates: (q: PassRatesParams) => ['autoqa', 'pass-rates', q] as const,
};

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
