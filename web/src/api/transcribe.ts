import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TranscribeStartRequest } from '../../../schemas/transcribe.ts';
import { api, call, withSignal } from './client.ts';

/** Hooks of the administrators' transcription page: the job, its start and cancel, the failures. */
export const transcribeKeys = {
  job: ['transcribe', 'job'] as const,
  /** `run`: when the last run ended, so the list is asked again once a run has stored its failures. */
  failures: (period: string, run: string | null) => ['transcribe', 'failures', period, run] as const,
};

/** `GET /api/transcribe/job`: asked every second while it runs, every five when idle. */
export function useTranscribeJob() {
  return useQuery({
    queryKey: transcribeKeys.job,
    queryFn: ({ signal }) => call(api.transcribe.job.$get(undefined, withSignal(signal))),
    refetchInterval: (q) => (q.state.data?.job.state === 'idle' ? 5000 : 1000),
  });
}

/**
 * `GET /api/transcribe/failures?period=`: asked again every few seconds while a run goes on, and
 * once more when it has ended (`finishedAt`), so its last failures show.
 */
export function useTranscribeFailures(period: string, running: boolean, finishedAt: string | null) {
  return useQuery({
    queryKey: transcribeKeys.failures(period, finishedAt),
    queryFn: ({ signal }) => call(api.transcribe.failures.$get({ query: { period } }, withSignal(signal))),
    enabled: period !== '',
    placeholderData: keepPreviousData,
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
