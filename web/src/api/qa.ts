import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewCalibrationRequest } from '../../../schemas/calibration.ts';
import type { EvaluationResponse } from '../../../schemas/evaluations.ts';
import type { Answers, NewFormRequest, UpdateFormRequest } from '../../../schemas/forms.ts';
import { api, call, type Query, withSignal } from './client.ts';

/** Hooks for QA monitoring: forms, calls and samples, evaluations, disputes and calibration. */
export const qaKeys = {
  forms: (allVersions: boolean) => ['forms', 'list', allVersions] as const,
  form: (id: number) => ['forms', id] as const,
  calls: (q: Query) => ['calls', 'list', q] as const,
  call: (id: string) => ['calls', id] as const,
  sample: (q: Query) => ['calls', 'sample', q] as const,
  assignments: (period: string) => ['calls', 'assignments', period] as const,
  worklist: (period: string) => ['calls', 'worklist', period] as const,
  monitors: ['monitors'] as const,
  evaluations: (q: Query) => ['evaluations', 'list', q] as const,
  evaluation: (id: string) => ['evaluations', id] as const,
  quality: (period: string) => ['evaluations', 'quality', period] as const,
  calibrations: ['calibrations', 'list'] as const,
  calibration: (id: number) => ['calibrations', id] as const,
  calibrationResults: (id: number) => ['calibrations', id, 'results'] as const,
  strictness: ['calibrations', 'strictness'] as const,
};

/** A filter's set values as the query string's text. */
function queryText(q: Query | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q ?? {})) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

// ---- forms ----

/** `GET /api/forms`: the latest version of each published form, or every version of every form. */
export function useForms(allVersions = false) {
  return useQuery({
    queryKey: qaKeys.forms(allVersions),
    queryFn: ({ signal }) =>
      call(
        api.forms.$get(
          { query: allVersions ? { allVersions: 'true', includeArchived: 'true' } : {} },
          withSignal(signal),
        ),
      ),
  });
}

/** `GET /api/forms/:id`: one version with its definition. */
export function useForm(id: number | null) {
  return useQuery({
    queryKey: qaKeys.form(id ?? 0),
    queryFn: ({ signal }) => call(api.forms[':id'].$get({ param: { id: String(id) } }, withSignal(signal))),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

/** `POST /api/forms` or `PUT /api/forms/:id` (a form with evaluations gets a new version). */
export function useSaveForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number | null; body: NewFormRequest | UpdateFormRequest }) =>
      v.id === null
        ? call(api.forms.$post({ json: v.body as NewFormRequest })) // no id yet: a new form's body
        : call(api.forms[':id'].$put({ param: { id: String(v.id) }, json: v.body })),
    onSuccess: (r) => {
      client.setQueryData(qaKeys.form(r.form.id), r);
      void client.invalidateQueries({ queryKey: ['forms', 'list'] });
    },
  });
}

/** `POST /api/forms/:id/archive`. */
export function useArchiveForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.forms[':id'].archive.$post({ param: { id: String(id) } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['forms'] }),
  });
}

// ---- calls ----

/** `GET /api/calls`, as Arrow: a page of calls matching the filters. */
export function useCalls(q: Query | null) {
  return useQuery({
    queryKey: qaKeys.calls(q ?? {}),
    // The Arrow reader (apache-arrow) is loaded by the pages that search calls, not by every
    // QA page that imports this file (the evaluation, the worklist, the call queue's sample).
    queryFn: async ({ signal }) => (await import('./calls-arrow.ts')).fetchCalls(q ?? {}, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/calls/:id`: the call's facts, orders, claims and evaluations. */
export function useCall(id: string | null) {
  return useQuery({
    queryKey: qaKeys.call(id ?? ''),
    queryFn: ({ signal }) => call(api.calls[':id'].$get({ param: { id: id ?? '' } }, withSignal(signal))),
    enabled: id !== null,
  });
}

/** `GET /api/calls/sample`: the proposed calls per operator. */
export function useSample(q: Query | null) {
  return useQuery({
    queryKey: qaKeys.sample(q ?? {}),
    queryFn: ({ signal }) =>
      call(
        api.calls.sample.$get(
          { query: { ...queryText(q), period: String(q?.period ?? '') } },
          withSignal(signal),
        ),
      ),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/calls/assignments?period=…`: every monitor's calls of the period. */
export function useAssignments(period: string | null) {
  return useQuery({
    queryKey: qaKeys.assignments(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.calls.assignments.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: period !== null,
  });
}

/** `GET /api/calls/worklist?period=…`: the signed-in monitor's calls with progress. */
export function useWorklist(period: string | null) {
  return useQuery({
    queryKey: qaKeys.worklist(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.calls.worklist.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: period !== null,
  });
}

function useInvalidateCalls() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['calls'] });
}

/** `POST /api/calls/assignments`: an even split of the sample, or calls by hand. */
export function useAssign() {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (
      body:
        | { period: string; monitors: string[]; sample?: Record<string, unknown> }
        | { period: string; assignments: { callId: string; monitor: string }[] },
    ) => call(api.calls.assignments.$post({ json: body })),
    onSuccess: invalidate,
  });
}

/** `DELETE /api/calls/assignments/:id`. */
export function useUnassign() {
  const invalidate = useInvalidateCalls();
  return useMutation({
    mutationFn: (id: number) => call(api.calls.assignments[':id'].$delete({ param: { id: String(id) } })),
    onSuccess: invalidate,
  });
}

/** `GET /api/monitors`: whom calls can be given to or invited to a calibration. */
export function useMonitors() {
  return useQuery({
    queryKey: qaKeys.monitors,
    queryFn: ({ signal }) => call(api.monitors.$get(undefined, withSignal(signal))),
    staleTime: 5 * 60_000,
  });
}

// ---- evaluations ----

/** `GET /api/evaluations`: a page of evaluations (an operator gets his own). */
export function useEvaluations(q: Query | null) {
  return useQuery({
    queryKey: qaKeys.evaluations(q ?? {}),
    queryFn: ({ signal }) => call(api.evaluations.$get({ query: queryText(q) }, withSignal(signal))),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/evaluations/:id`: with comments, disputes and the score breakdown. */
export function useEvaluation(id: string | null) {
  return useQuery({
    queryKey: qaKeys.evaluation(id ?? ''),
    queryFn: ({ signal }) =>
      call(api.evaluations[':id'].$get({ param: { id: id ?? '' } }, withSignal(signal))),
    enabled: id !== null,
  });
}

/** `GET /api/evaluations/quality?period=…`: each operator's mean score, n and 95% interval. */
export function useQuality(period: string | null) {
  return useQuery({
    queryKey: qaKeys.quality(period ?? ''),
    queryFn: ({ signal }) =>
      call(api.evaluations.quality.$get({ query: { period: period ?? '' } }, withSignal(signal))),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

/** Every evaluation action answers with the evaluation; it replaces the cached one. */
function useEvaluationAction<V>(run: (v: V) => Promise<EvaluationResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (res) => {
      client.setQueryData(qaKeys.evaluation(res.evaluation.id), res);
      void client.invalidateQueries({ queryKey: ['evaluations', 'list'] });
      void client.invalidateQueries({ queryKey: ['evaluations', 'quality'] });
      void client.invalidateQueries({ queryKey: ['calls'] });
      void client.invalidateQueries({ queryKey: ['calibrations'] });
      void client.invalidateQueries({ queryKey: ['scorecards'] });
    },
  });
}

/** `POST /api/evaluations`: a draft on a call with a form. */
export function useStartEvaluation() {
  return useEvaluationAction((v: { callId: string; formId: number }) =>
    call(api.evaluations.$post({ json: v })),
  );
}

/** `PUT /api/evaluations/:id/answers`: saves a draft. */
export function useSaveAnswers() {
  return useEvaluationAction((v: { id: string; answers: Answers }) =>
    call(api.evaluations[':id'].answers.$put({ param: { id: v.id }, json: { answers: v.answers } })),
  );
}

/** `POST /api/evaluations/:id/submit`: the server scores it. */
export function useSubmitEvaluation() {
  return useEvaluationAction((v: { id: string; answers: Answers }) =>
    call(api.evaluations[':id'].submit.$post({ param: { id: v.id }, json: { answers: v.answers } })),
  );
}

/** `POST /api/evaluations/:id/acknowledge` (the operator). */
export function useAcknowledge() {
  return useEvaluationAction((id: string) =>
    call(api.evaluations[':id'].acknowledge.$post({ param: { id } })),
  );
}

/** `POST /api/evaluations/:id/dispute` (the operator, with a reason and the questions he contests). */
export function useDispute() {
  return useEvaluationAction((v: { id: string; reason: string; questions?: string[] }) =>
    call(
      api.evaluations[':id'].dispute.$post({
        param: { id: v.id },
        json: { reason: v.reason, ...(v.questions?.length ? { questions: v.questions } : {}) },
      }),
    ),
  );
}

/** `POST /api/evaluations/:id/decision` (a QA lead): upheld, or revised with the revised answers. */
export function useDecide() {
  return useEvaluationAction(
    (v: { id: string; decision: 'upheld' | 'revised'; note: string; answers?: Answers }) =>
      call(
        api.evaluations[':id'].decision.$post({
          param: { id: v.id },
          json: { decision: v.decision, note: v.note, ...(v.answers ? { answers: v.answers } : {}) },
        }),
      ),
  );
}

/** `POST /api/evaluations/:id/comments`: on the evaluation, a question or a moment of the call. */
export function useComment() {
  return useEvaluationAction(
    (v: { id: string; text: string; questionId: string | null; offsetS: number | null }) =>
      call(
        api.evaluations[':id'].comments.$post({
          param: { id: v.id },
          json: { text: v.text, questionId: v.questionId, offsetS: v.offsetS },
        }),
      ),
  );
}

/** `DELETE /api/evaluations/:id`: throws a draft away. */
export function useDeleteDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.evaluations[':id'].$delete({ param: { id } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['evaluations'] });
      void client.invalidateQueries({ queryKey: ['calls'] });
    },
  });
}

// ---- calibration ----

/** `GET /api/calibrations`: sessions (a monitor sees those he is invited to). */
export function useCalibrations() {
  return useQuery({
    queryKey: qaKeys.calibrations,
    queryFn: ({ signal }) => call(api.calibrations.$get({ query: {} }, withSignal(signal))),
  });
}

/** `GET /api/calibrations/:id`. */
export function useCalibration(id: number) {
  return useQuery({
    queryKey: qaKeys.calibration(id),
    queryFn: ({ signal }) =>
      call(api.calibrations[':id'].$get({ param: { id: String(id) } }, withSignal(signal))),
  });
}

/** `GET /api/calibrations/:id/results`, once the session is closed. */
export function useCalibrationResults(id: number, enabled: boolean) {
  return useQuery({
    queryKey: qaKeys.calibrationResults(id),
    queryFn: ({ signal }) =>
      call(api.calibrations[':id'].results.$get({ param: { id: String(id) } }, withSignal(signal))),
    enabled,
  });
}

/** `GET /api/calibrations/strictness`: each monitor's mean deviation, overall and per month. */
export function useStrictness(enabled: boolean) {
  return useQuery({
    queryKey: qaKeys.strictness,
    queryFn: ({ signal }) => call(api.calibrations.strictness.$get({ query: {} }, withSignal(signal))),
    enabled,
  });
}

function useInvalidateCalibrations() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['calibrations'] });
}

/** `POST /api/calibrations`: a session on a call with invited monitors. */
export function useCreateCalibration() {
  const invalidate = useInvalidateCalibrations();
  return useMutation({
    mutationFn: (body: NewCalibrationRequest) => call(api.calibrations.$post({ json: body })),
    onSuccess: invalidate,
  });
}

/** `POST /api/calibrations/:id/evaluation`: starts one's blind scoring. */
export function useStartCalibrationScoring() {
  const invalidate = useInvalidateCalibrations();
  return useMutation({
    mutationFn: (id: number) => call(api.calibrations[':id'].evaluation.$post({ param: { id: String(id) } })),
    onSuccess: invalidate,
  });
}

/** `POST /api/calibrations/:id/close`: results show. */
export function useCloseCalibration() {
  const invalidate = useInvalidateCalibrations();
  return useMutation({
    mutationFn: (id: number) => call(api.calibrations[':id'].close.$post({ param: { id: String(id) } })),
    onSuccess: invalidate,
  });
}

/** `POST /api/evaluations/:id/appeal` (the operator): an upheld dispute taken to a head. */
export function useAppeal() {
  return useEvaluationAction((v: { id: string; reason: string }) =>
    call(api.evaluations[':id'].appeal.$post({ param: { id: v.id }, json: { reason: v.reason } })),
  );
}

/** `POST /api/evaluations/:id/appeal/decision` (a head): the appeal upheld, or revised. */
export function useDecideAppeal() {
  return useEvaluationAction(
    (v: { id: string; decision: 'upheld' | 'revised'; note: string; answers?: Answers }) =>
      call(
        api.evaluations[':id'].appeal.decision.$post({
          param: { id: v.id },
          json: { decision: v.decision, note: v.note, ...(v.answers ? { answers: v.answers } : {}) },
        }),
      ),
  );
}
