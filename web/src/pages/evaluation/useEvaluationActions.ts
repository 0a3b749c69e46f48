import { useEffect, useState } from 'react';
import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import type { Answers } from '../../../../schemas/forms.ts';
import {
  useAcknowledge,
  useAppeal,
  useDecide,
  useDecideAppeal,
  useDeleteDraft,
  useDispute,
  useSaveAnswers,
  useSubmitEvaluation,
} from '../../api/qa.ts';

/**
 * The workspace's answers and everything done with them: saving, submitting or discarding a
 * draft, acknowledging or disputing, deciding a dispute; which of them is under way, the last
 * failure and the last result's sentence.
 */
export function useEvaluationActions(evaluation: EvaluationDetail) {
  const [answers, setAnswers] = useState<Answers>(evaluation.answers ?? {});
  const [revising, setRevising] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Answers follow the server's copy until the user changes them.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setAnswers(evaluation.answers ?? {});
  }, [evaluation.answers, dirty]);

  const save = useSaveAnswers();
  const submit = useSubmitEvaluation();
  const discard = useDeleteDraft();
  const acknowledge = useAcknowledge();
  const dispute = useDispute();
  const decide = useDecide();
  const appeal = useAppeal();
  const decideAppeal = useDecideAppeal();
  const all = [save, submit, discard, acknowledge, dispute, decide, appeal, decideAppeal];

  return {
    answers,
    revising,
    message,
    save,
    submit,
    discard,
    acknowledge,
    dispute,
    decide,
    appeal,
    decideAppeal,
    failure: all.find((m) => m.error)?.error ?? null,
    busy: all.some((m) => m.isPending),
    /** The user changed an answer. */
    change(next: Answers) {
      setAnswers(next);
      setDirty(true);
      setMessage(null);
    },
    /** A lead starts or stops revising the answers, from the evaluation's own. */
    revise(on: boolean) {
      setRevising(on);
      setAnswers(evaluation.answers ?? {});
      setDirty(on);
    },
    /** A change was accepted: say so, and follow the server's answers again. */
    done(text: string, stopRevising = false) {
      if (stopRevising) setRevising(false);
      setDirty(false);
      setMessage(text);
    },
  };
}

export type EvaluationActions = ReturnType<typeof useEvaluationActions>;
