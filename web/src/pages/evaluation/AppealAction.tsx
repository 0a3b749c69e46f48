import { useId, useState } from 'react';
import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import { useClock } from '../../clock.ts';
import { useT } from '../../i18n/index.ts';
import { disputeOpen } from './workspace.ts';

/**
 * The operator's appeal to a head of a dispute the QA lead upheld: offered while the window set by
 * the company (`appealUntil`) is open, once; with a reason.
 */
export function AppealAction({
  evaluation,
  canAct,
  busy,
  onAppeal,
}: {
  evaluation: EvaluationDetail;
  canAct: boolean;
  busy: boolean;
  onAppeal(reason: string): void;
}) {
  const t = useT();
  const dt = useClock();
  const reasonId = useId();
  const [appealing, setAppealing] = useState(false);
  const [reason, setReason] = useState('');
  if (!canAct || evaluation.status !== 'upheld' || evaluation.appealUntil === null) return null;
  const open = disputeOpen(evaluation.appealUntil, Date.now());
  return (
    <div className="action-stack">
      <p className="aside-note">
        {open
          ? t('ap.until', { date: dt.dateTime(evaluation.appealUntil) })
          : t('ap.closed', { date: dt.dateTime(evaluation.appealUntil) })}
      </p>
      {!appealing ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || !open}
          onClick={() => setAppealing(true)}
        >
          {t('ap.action.appeal')}
        </button>
      ) : (
        <form
          className="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            onAppeal(reason.trim());
          }}
        >
          <label className="field-label" htmlFor={reasonId}>
            {t('ap.reason')}
          </label>
          <textarea
            id={reasonId}
            className="input"
            rows={3}
            required
            value={reason}
            placeholder={t('ap.placeholder')}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="confirm-buttons">
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={busy || !reason.trim()}
            >
              {t('ap.action.send')}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setAppealing(false)}
            >
              {t('qa.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
