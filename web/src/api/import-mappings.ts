import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportMappingInput, ImportPreviewResponse } from '../../../schemas/import-mapping.ts';
import { api, call } from './client.ts';

/** Mappings saved by name, and the preview of a file read through one (`/api/imports/mappings`, `/preview`). */
const keys = { mappings: ['imports', 'mappings'] as const };

export function useSavedMappings() {
  return useQuery({
    queryKey: keys.mappings,
    queryFn: () => call(api.imports.mappings.$get()),
  });
}

export function useSaveMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, mapping }: { name: string; mapping: ImportMappingInput }) =>
      call(
        api.imports.mappings[':name'].$put(
          { param: { name } },
          { init: { body: JSON.stringify(mapping), headers: { 'content-type': 'application/json' } } },
        ),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mappings }),
  });
}

export function useDeleteMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.imports.mappings[':name'].$delete({ param: { name } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mappings }),
  });
}

export function usePreviewMapping() {
  return useMutation({
    mutationFn: (form: FormData) =>
      call(api.imports.preview.$post(undefined, { init: { body: form } })) as Promise<ImportPreviewResponse>,
  });
}
