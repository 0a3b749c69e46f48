import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../schemas/settings.ts';
import { api, call, withSignal } from './client.ts';

/** Hooks for the company settings (administrator). */
const settingsKey = ['admin', 'settings'] as const;

/** `GET /api/admin/settings`. */
export function useCompanySettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => call(api.admin.settings.$get(undefined, withSignal(signal))),
  });
}

/**
 * `PUT /api/admin/settings/:key`. Every cached figure may depend on a setting (a new time zone
 * moves calls, orders and claims between months), so everything is asked for again.
 */
export function useSaveSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { key: keyof Settings; value: string }) =>
      call(api.admin.settings[':key'].$put({ param: { key: v.key }, json: { value: v.value } })),
    onSuccess: () => void client.invalidateQueries(),
  });
}
