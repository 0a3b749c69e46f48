import { useNavigate } from 'react-router';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import type { EvaluationActions } from './useEvaluationActions.ts';
import { scoreText } from './workspace.ts';

/** A monitor's own draft: submit it, save it, or discard it and go back. */
export function DraftActions({
  evaluationId,
  ws,
  backTo,
}: {
  evaluationId: string;
  ws: EvaluationActions;
  backTo: string;
}) {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { answers, busy, submit, save, discard } = ws;
  return (
    <div className="action-stack">
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() =>
          submit.mutate(
            { id: evaluationId, answers },
            {
              onSuccess: (r) =>
                ws.done(t('qa.result.submitted', { score: scoreText(r.evaluation.score, fmt) })),
            },
          )
        }
      >
        {submit.isPending ? t('qa.action.submitting') : t('qa.action.submit')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={() =>
          save.mutate({ id: evaluationId, answers }, { onSuccess: () => ws.done(t('qa.result.saved')) })
        }
      >
        {save.isPending ? t('qa.action.saving') : t('qa.action.saveDraft')}
      </button>
      <button
        type="button"
        className="button button-ghost"
        disabled={busy}
        onClick={() => discard.mutate(evaluationId, { onSuccess: () => navigate(backTo, { replace: true }) })}
      >
        {t('qa.action.discard')}
      </button>
    </div>
  );
}
