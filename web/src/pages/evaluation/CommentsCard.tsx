import { useId, useState } from 'react';
import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import { useNames } from '../../api/names.ts';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { commentOffset } from './workspace.ts';

/** The evaluation's general comments, each at its moment of the recording, and a new one. */
export function CommentsCard({
  evaluation,
  fmt,
  onSeek,
  currentTime,
  onAdd,
  error,
}: {
  evaluation: EvaluationDetail;
  fmt: Formatters;
  onSeek(seconds: number): void;
  currentTime(): number;
  /** Adds a comment; null for a reader who may not comment (a head, payroll). */
  onAdd: ((text: string, offsetS: number | null) => Promise<unknown>) | null;
  error: unknown;
}) {
  const t = useT();
  const dt = useClock();
  const names = useNames();
  const textId = useId();
  const [text, setText] = useState('');
  const [atMoment, setAtMoment] = useState(true);
  const [sending, setSending] = useState(false);
  const general = evaluation.comments.filter((c) => c.questionId === null);
  // Comments on a question are shown beside it in the form; the header counts them apart.
  const onQuestions = evaluation.comments.length - general.length;
  return (
    <section className="card" aria-labelledby="comments-title">
      <header className="card-header">
        <h2 className="card-title" id="comments-title">
          {t('qa.comments')}
        </h2>
        <span className="card-meta">
          {t('qa.comments.count', { count: general.length })}
          {onQuestions > 0 && ` · ${t('qa.comments.onQuestions', { count: onQuestions })}`}
        </span>
      </header>
      <div className="card-body">
        {general.length === 0 ? (
          <p className="cell-muted">{t('qa.comments.none')}</p>
        ) : (
          <ul className="comment-list">
            {general.map((c) => (
              <li key={c.id}>
                {c.offsetS !== null && (
                  <button
                    type="button"
                    className="time-chip"
                    onClick={() => onSeek(c.offsetS as number)}
                    title={t('qa.comments.seek')}
                  >
                    {fmt.duration(c.offsetS)}
                  </button>
                )}
                <span className="comment-body">
                  <span className="comment-author">{names.user(c.author)}</span>
                  <span className="comment-date">{dt.short(c.createdAt)}</span>
                  <span className="comment-text">{c.text}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {onAdd && (
          <form
            className="comment-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              setSending(true);
              const offset = commentOffset(atMoment, currentTime());
              onAdd?.(text.trim(), offset)
                .then(() => setText(''))
                .catch(() => undefined)
                .finally(() => setSending(false));
            }}
          >
            <label className="visually-hidden" htmlFor={textId}>
              {t('qa.comments.new')}
            </label>
            <textarea
              id={textId}
              className="input"
              rows={2}
              value={text}
              placeholder={t('qa.comments.placeholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="comment-form-row">
              <label className="checkbox">
                <input type="checkbox" checked={atMoment} onChange={(e) => setAtMoment(e.target.checked)} />
                <span>{t('qa.comments.atMoment')}</span>
              </label>
              <button
                type="submit"
                className="button button-secondary button-small"
                disabled={sending || !text.trim()}
              >
                {t('qa.comment.add')}
              </button>
            </div>
            <FormFeedback error={error} />
          </form>
        )}
      </div>
    </section>
  );
}
