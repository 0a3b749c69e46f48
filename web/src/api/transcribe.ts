import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TranscribeStartRequest } from '../../../schemas/transcribe.ts';
import { api, call, withSignal } from './client.ts';

/** Hooks of the administrators' transcription page: the job, its start and cancel, the failures. */
export const transcribeKeys = {
  job: ['transcribe', 'job'] as const,
  failures: (period: string) => ['transcribe', 'failures', period] as const,
};

/** `GET /api/transcribe/job`: asked every second while it runs, every five when idle. */
export function useTranscribeJob() {
  return useQuery({
    queryKey: transcribeKeys.job,
    queryFn: ({ signal }) => call(api.transcribe.job.$get(undefined, withSignal(signal))),
    refetchInterval: (q) => (q.state.data?.job.state === 'idle' ? 5000 : 1000),
  });
}

/** `GET /api/transcribe/failures?period=`: asked again as the job moves, so a retry's result shows. */
export function useTranscribeFailures(period: string, running: boolean) {
  return useQuery({
    queryKey: transcribeKeys.failures(period),
    queryFn: ({ signal }) => call(api.transcribe.failures.$get({ query: { period } }, withSignal(signal))),
    enabled: period !== '',
    refetchInterval: running ? 3000 : false,
  });
}

/** `POST /api/transcribe/job`: a run for a month (or its failures only). */
export function useStartTranscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: TranscribeStartRequest) => call(api.transcribe.job.$post({ json: v })),
    onSuccess: (body) => {
      client.setQueryData(transcribeKeys.job, body);
      void client.invalidateQueries({ queryKey: ['transcribe'] });
    },
  });
}

/** `POST /api/transcribe/job/cancel`. */
export function useCancelTranscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.transcribe.job.cancel.$post()),
    onSuccess: (body) => client.setQueryData(transcribeKeys.job, body),
  });
}
