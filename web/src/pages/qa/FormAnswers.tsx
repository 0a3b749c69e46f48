import { type ReactNode, useId, useState } from 'react';
import type { CommentView } from '../../../../schemas/evaluations.ts';
import type {
  Answers,
  AnswerValue,
  FormDefinition,
  Question,
  ScoreResult,
} from '../../../../schemas/forms.ts';
import { useNames } from '../../api/names.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { AutoTag } from './AutoTag.tsx';

const NA = '__na__';

/** The answer as the value of a radio input. */
function encode(v: AnswerValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === null) return NA;
  return String(v);
}

function decode(q: Question, raw: string): AnswerValue {
  if (raw === NA) return null;
  if (q.type === 'yes_no') return raw === 'true';
  if (q.type === 'scale') return Number(raw);
  return raw;
}

function choices(q: Question, t: ReturnType<typeof useT>): { value: string; label: string; hint?: string }[] {
  const list: { value: string; label: string; hint?: string }[] =
    q.type === 'yes_no'
      ? [
          { value: 'true', label: t('qa.answer.yes') },
          { value: 'false', label: t('qa.answer.no') },
        ]
      : q.type === 'scale'
        ? Array.from({ length: q.max - q.min + 1 }, (_, i) => ({
            value: String(q.min + i),
            label: String(q.min + i),
          }))
        : q.options.map((o) => ({
            value: o.label,
            label: o.label,
            hint: t('qa.answer.points', { points: o.points }),
          }));
  if (q.allowNa) list.push({ value: NA, label: t('qa.answer.na') });
  return list;
}

function QuestionBlock({
  q,
  value,
  onChange,
  comments,
  onComment,
  failed,
  extra,
}: {
  q: Question;
  value: AnswerValue | undefined;
  onChange?: (v: AnswerValue) => void;
  comments: CommentView[];
  onComment?: (text: string) => Promise<unknown>;
  failed: boolean;
  extra?: ReactNode;
}) {
  const t = useT();
  const name = useId();
  const names = useNames();
  const [composing, setComposing] = useState(false);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const current = encode(value);
  const readOnly = !onChange;
  return (
    <fieldset className={failed ? 'question is-failed' : 'question'} data-question={q.id}>
      <legend className="question-text">{q.text}</legend>
      <div className="question-meta">
        <span>{t('qa.question.weight', { weight: q.weight })}</span>
        {q.type === 'scale' && <span>{t('qa.question.scale', { min: q.min, max: q.max })}</span>}
        {q.critical !== 'none' && (
          <span className="badge badge-danger badge-small">{t(`qa.critical.${q.critical}`)}</span>
        )}
        {q.auto && <AutoTag check={q.auto.check} />}
        {failed && <span className="question-failed">{t('qa.question.failed')}</span>}
      </div>
      {q.help && <p className="question-help">{q.help}</p>}
      <div className="segmented" role="radiogroup" aria-label={q.text}>
        {choices(q, t).map((c) => {
          const checked = current === c.value;
          return (
            <label key={c.value} className={checked ? 'segment is-checked' : 'segment'}>
              <input
                type="radio"
                name={name}
                value={c.value}
                checked={checked}
                disabled={readOnly && !checked}
                readOnly={readOnly}
                onChange={() => onChange?.(decode(q, c.value))}
              />
              <span>{c.label}</span>
              {c.hint && <span className="segment-hint">{c.hint}</span>}
            </label>
          );
        })}
        {readOnly && current === undefined && <span className="cell-muted">{t('qa.answer.none')}</span>}
      </div>
      {extra}
      {comments.length > 0 && (
        <ul className="question-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <span className="comment-author">{names.user(c.author)}</span> {c.text}
            </li>
          ))}
        </ul>
      )}
      {onComment &&
        (composing ? (
          <form
            className="comment-compose"
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              setSending(true);
              onComment(text.trim())
                .then(() => {
                  setText('');
                  setComposing(false);
                })
                .finally(() => setSending(false))
                .catch(() => undefined);
            }}
          >
            <label className="visually-hidden" htmlFor={`${name}-comment`}>
              {t('qa.comment.onQuestion', { question: q.text })}
            </label>
            <input
              id={`${name}-comment`}
              className="input input-small"
              value={text}
              placeholder={t('qa.comment.placeholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <button
              type="submit"
              className="button button-secondary button-small"
              disabled={sending || !text.trim()}
            >
              {t('qa.comment.add')}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setComposing(false)}
            >
              {t('qa.cancel')}
            </button>
          </form>
        ) : (
          <button type="button" className="link-button" onClick={() => setComposing(true)}>
            {t('qa.comment.question')}
          </button>
        ))}
    </fieldset>
  );
}

/**
 * A form's questions with their answers: editable radio groups when `onChange` is given, else
 * read-only. Sections show their score when a result is given.
 */
export function FormAnswers({
  definition,
  answers,
  onChange,
  result,
  comments = [],
  onComment,
  extra,
  fmt,
}: {
  definition: FormDefinition;
  answers: Answers;
  onChange?: (next: Answers) => void;
  result: ScoreResult | null;
  comments?: CommentView[];
  onComment?: (questionId: string, text: string) => Promise<unknown>;
  /** What else a question shows under its answer (AutoQA's proposal in the workspace). */
  extra?: (q: Question) => ReactNode;
  fmt: Formatters;
}) {
  const t = useT();
  const failed = new Set(result?.failedCriticals ?? []);
  return (
    <div className="form-answers">
      {definition.sections.map((s) => {
        const sectionScore = result?.sections.find((x) => x.sectionId === s.id);
        return (
          <section key={s.id} className="form-section" aria-label={s.title}>
            <header className="form-section-header">
              <h3 className="form-section-title">{s.title}</h3>
              {sectionScore && (
                <span className={sectionScore.criticalFailed ? 'section-score is-failed' : 'section-score'}>
                  {sectionScore.score === null ? t('qa.section.noScore') : fmt.decimal(sectionScore.score, 2)}
                  {sectionScore.criticalFailed && ` · ${t('qa.section.zeroed')}`}
                </span>
              )}
            </header>
            {s.questions.map((q) => (
              <QuestionBlock
                key={q.id}
                q={q}
                value={answers[q.id]}
                failed={failed.has(q.id)}
                {...(onChange ? { onChange: (v: AnswerValue) => onChange({ ...answers, [q.id]: v }) } : {})}
                comments={comments.filter((c) => c.questionId === q.id)}
                {...(onComment ? { onComment: (text: string) => onComment(q.id, text) } : {})}
                {...(extra ? { extra: extra(q) } : {})}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

/** The score of a set of answers: the total, failed criticals, and how many are answered. */
export function ScoreSummary({
  result,
  label,
  fmt,
  definition,
}: {
  result: ScoreResult;
  label: string;
  fmt: Formatters;
  definition: FormDefinition;
}) {
  const t = useT();
  const texts = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q.text] as const)));
  const band =
    result.score === null
      ? ''
      : result.score >= 80
        ? 'score-good'
        : result.score >= 60
          ? 'score-mid'
          : 'score-low';
  return (
    <div className="score-summary" aria-live="polite">
      <div className="score-summary-main">
        <span className="score-summary-label">{label}</span>
        <span className={`score-summary-value ${band}`} data-testid="score-value">
          {result.score === null ? '—' : fmt.decimal(result.score, 2)}
        </span>
      </div>
      <p className="score-summary-counts">
        {t('qa.score.counts', {
          answered: result.answered,
          na: result.notApplicable,
          open: result.unanswered,
        })}
      </p>
      {result.failedCriticals.length > 0 && (
        <ul className="score-summary-critical">
          {result.failedCriticals.map((id) => (
            <li key={id}>{t('qa.score.failedCritical', { question: texts.get(id) ?? id })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
