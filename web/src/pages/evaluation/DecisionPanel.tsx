import { useId, useState } from 'react';
import { useT } from '../../i18n/index.ts';

/**
 * A lead's decision on a dispute, or a head's on an appeal (`appeal`): uphold the evaluation, or
 * revise its answers; a note either way.
 */
export function DecisionPanel({
  appeal = false,
  revising,
  busy,
  onRevise,
  onDecide,
}: {
  appeal?: boolean;
  revising: boolean;
  busy: boolean;
  onRevise(on: boolean): void;
  onDecide(decision: 'upheld' | 'revised', note: string): void;
}) {
  const t = useT();
  const noteId = useId();
  const [note, setNote] = useState('');
  return (
    <div className="confirm decision">
      <p className="decision-title">{appeal ? t('ap.decision.title') : t('qa.decision.title')}</p>
      <label className="field-label" htmlFor={noteId}>
        {t('qa.decision.note')}
      </label>
      <textarea
        id={noteId}
        className="input"
        rows={3}
        value={note}
        placeholder={t('qa.decision.placeholder')}
        onChange={(e) => setNote(e.target.value)}
      />
      {revising ? (
        <>
          <p className="aside-note">{t('qa.decision.reviseHint')}</p>
          <div className="confirm-buttons">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy || !note.trim()}
              onClick={() => onDecide('revised', note.trim())}
            >
              {t('qa.action.saveRevision')}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => onRevise(false)}
            >
              {t('qa.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="confirm-buttons">
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy || !note.trim()}
            onClick={() => onDecide('upheld', note.trim())}
          >
            {t('qa.action.uphold')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => onRevise(true)}
          >
            {t('qa.action.revise')}
          </button>
        </div>
      )}
    </div>
  );
}
