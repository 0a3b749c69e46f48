import { useId, useState } from 'react';
import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import { useClock } from '../../clock.ts';
import { useT } from '../../i18n/index.ts';
import { disputeOpen } from './workspace.ts';

/** The operator's answer to a submitted evaluation: acknowledge it, or dispute it with a reason. */
export function OperatorActions({
  evaluation,
  questions = [],
  canAct,
  busy,
  onAcknowledge,
  onDispute,
}: {
  evaluation: EvaluationDetail;
  /** The form's questions, which the operator may name as the ones he disputes. */
  questions?: readonly { id: string; text: string }[];
  canAct: boolean;
  busy: boolean;
  onAcknowledge(): void;
  onDispute(reason: string, questions: string[]): void;
}) {
  const t = useT();
  const dt = useClock();
  const reasonId = useId();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [named, setNamed] = useState<ReadonlySet<string>>(new Set());
  if (!canAct || evaluation.status !== 'submitted') return null;
  const open = disputeOpen(evaluation.disputeUntil, Date.now());
  return (
    <div className="action-stack">
      <p className="aside-note">
        {open
          ? t('qa.dispute.until', { date: dt.dateTime(evaluation.disputeUntil) })
          : t('qa.dispute.closed', { date: dt.dateTime(evaluation.disputeUntil) })}
      </p>
      <button type="button" className="button button-primary" disabled={busy} onClick={onAcknowledge}>
        {t('qa.action.acknowledge')}
      </button>
      {!disputing ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || !open}
          onClick={() => setDisputing(true)}
        >
          {t('qa.action.dispute')}
        </button>
      ) : (
        <form
          className="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            onDispute(
              reason.trim(),
              questions.filter((q) => named.has(q.id)).map((q) => q.id),
            );
          }}
        >
          <label className="field-label" htmlFor={reasonId}>
            {t('qa.dispute.reason')}
          </label>
          <textarea
            id={reasonId}
            className="input"
            rows={3}
            required
            value={reason}
            placeholder={t('qa.dispute.placeholder')}
            onChange={(e) => setReason(e.target.value)}
          />
          {questions.length > 0 && (
            <fieldset className="dispute-questions">
              <legend className="field-label">{t('gr.dispute.questions')}</legend>
              {questions.map((q) => (
                <label key={q.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={named.has(q.id)}
                    onChange={(e) => {
                      const next = new Set(named);
                      if (e.target.checked) next.add(q.id);
                      else next.delete(q.id);
                      setNamed(next);
                    }}
                  />
                  {q.text}
                </label>
              ))}
            </fieldset>
          )}
          <div className="confirm-buttons">
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={busy || !reason.trim()}
            >
              {t('qa.action.sendDispute')}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setDisputing(false)}
            >
              {t('qa.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
