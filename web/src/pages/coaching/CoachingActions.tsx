import { useId, useState } from 'react';
import type { CoachingView } from '../../../../schemas/coaching.ts';
import { useAcknowledgeCoaching, useCloseCoaching } from '../../api/coaching.ts';
import { useNames } from '../../api/names.ts';
import { useCan } from '../../auth/access.tsx';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';

/** The operator's acknowledgement (with a comment) and the follow-up held, each for whom may. */
export function CoachingActions({ session }: { session: CoachingView }) {
  const t = useT();
  const dt = useClock();
  const names = useNames();
  const id = useId();
  const mayAcknowledge = useCan('coaching.acknowledge');
  const mayClose = useCan('coaching.manage');
  const acknowledge = useAcknowledgeCoaching(session.id);
  const close = useCloseCoaching(session.id);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 className="card-title" id={`${id}-title`}>
          {t('coaching.ack.title')}
        </h2>
      </header>
      <div className="card-body">
        {session.acknowledgedAt ? (
          <p data-testid="acknowledged">
            {t('coaching.ack.done', { at: dt.dateTime(session.acknowledgedAt) })}
            {session.acknowledgementComment && (
              <>
                {' '}
                <q>{session.acknowledgementComment}</q>
              </>
            )}
          </p>
        ) : mayAcknowledge ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              acknowledge.mutate(comment.trim());
            }}
          >
            <div className="field">
              <label className="field-label" htmlFor={`${id}-comment`}>
                {t('coaching.ack.comment')}
              </label>
              <textarea
                id={`${id}-comment`}
                className="input textarea"
                rows={2}
                maxLength={4000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <FormFeedback error={acknowledge.error} />
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={acknowledge.isPending}
            >
              {t('coaching.ack.submit')}
            </button>
          </form>
        ) : (
          <p className="cell-muted">{t('coaching.ack.waiting')}</p>
        )}
        {session.closedAt ? (
          <p data-testid="closed">
            {t('coaching.close.done', {
              at: dt.dateTime(session.closedAt),
              by: names.user(session.closedBy),
            })}
            {session.closingNote && (
              <>
                {' '}
                <q>{session.closingNote}</q>
              </>
            )}
          </p>
        ) : (
          mayClose && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                close.mutate(note.trim());
              }}
            >
              <div className="field">
                <label className="field-label" htmlFor={`${id}-note`}>
                  {t('coaching.close.note')}
                </label>
                <textarea
                  id={`${id}-note`}
                  className="input textarea"
                  rows={2}
                  maxLength={4000}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              </div>
              <FormFeedback error={close.error} />
              <button
                type="submit"
                className="button button-secondary button-small"
                disabled={close.isPending}
              >
                {t('coaching.close.submit')}
              </button>
            </form>
          )
        )}
      </div>
    </section>
  );
}
