import { useId, useState } from 'react';
import { useAddCoachingNote, useCoachingNotes } from '../../api/coaching.ts';
import { useCan } from '../../auth/access.tsx';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';

/**
 * A session's notes, oldest first, each with who wrote it and when; those who coach see which
 * the operator reads and add notes, the operator reads the ones meant for him.
 */
export function CoachingNotes({ sessionId }: { sessionId: number }) {
  const t = useT();
  const dt = useClock();
  const id = useId();
  const mayWrite = useCan('coaching.manage');
  const q = useCoachingNotes(sessionId);
  const add = useAddCoachingNote(sessionId);
  const [text, setText] = useState('');
  const [forOperator, setForOperator] = useState(true);
  const notes = q.data?.notes;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="coaching-notes">
      <header className="card-header">
        <h2 className="card-title" id={`${id}-title`}>
          {t('coaching.notes.title')}
        </h2>
      </header>
      <div className="card-body">
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : !notes ? (
          <Skeleton height={60} />
        ) : notes.length === 0 ? (
          <p className="cell-muted">{t('coaching.notes.empty')}</p>
        ) : (
          <ol className="coaching-note-list">
            {notes.map((n) => (
              <li key={n.id} data-testid="coaching-note">
                <p className="coaching-notes">{n.text}</p>
                <p className="coaching-note-meta">
                  <span>
                    {n.authorName} · {dt.dateTime(n.createdAt)}
                  </span>
                  {mayWrite && (
                    <span className={n.forOperator ? 'badge badge-open' : 'badge badge-muted'}>
                      {t(n.forOperator ? 'coaching.notes.forOperator' : 'coaching.notes.coachesOnly')}
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
        {mayWrite && (
          <form
            className="coaching-note-form"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(
                { text: text.trim(), forOperator },
                {
                  onSuccess: () => {
                    setText('');
                    setForOperator(true);
                  },
                },
              );
            }}
          >
            <div className="field">
              <label className="field-label" htmlFor={`${id}-text`}>
                {t('coaching.notes.add')}
              </label>
              <textarea
                id={`${id}-text`}
                className="input textarea"
                rows={3}
                maxLength={4000}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={forOperator}
                onChange={(e) => setForOperator(e.target.checked)}
              />{' '}
              {t('coaching.notes.visible')}
            </label>
            <FormFeedback error={add.error} />
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={add.isPending || text.trim() === ''}
            >
              {t('coaching.notes.submit')}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
