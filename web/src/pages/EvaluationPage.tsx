import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { scoreAnswers } from '../../../core/form-score.ts';
import type { EvaluationDetail } from '../../../schemas/evaluations.ts';
import type { Answers } from '../../../schemas/forms.ts';
import {
  useAcknowledge,
  useCall,
  useComment,
  useDecide,
  useDeleteDraft,
  useDispute,
  useEvaluation,
  useForm,
  useSaveAnswers,
  useSubmitEvaluation,
} from '../api/qa.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorState, errorMessage, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { type Formatters, useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { CallFactsCard } from './qa/CallFactsCard.tsx';
import { FormAnswers, ScoreSummary } from './qa/FormAnswers.tsx';
import { type PlayerHandle, RecordingPlayer } from './qa/RecordingPlayer.tsx';
import { Score, StatusBadge, useDateTime } from './qa/shared.tsx';

type Mode = 'edit' | 'revise' | 'read';

/**
 * The evaluation workspace: the call's facts and recording beside the form. A monitor answers and
 * submits his draft; the operator acknowledges or disputes; a QA lead decides a dispute.
 */
export default function EvaluationPage() {
  const t = useT();
  const { id = '' } = useParams();
  useDocumentTitle(t('qa.evaluation.title', { id }));
  const query = useEvaluation(id);
  const evaluation = query.data?.evaluation;

  if (query.isError) {
    return (
      <div className="page">
        <h1 className="page-title">{t('qa.evaluation.title', { id })}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (!evaluation) {
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="page">
          <Skeleton width={320} height={28} />
          <div className="workspace">
            <Skeleton height={420} />
            <Skeleton height={620} />
          </div>
        </div>
      </LoadingRegion>
    );
  }
  return <Workspace key={evaluation.id} evaluation={evaluation} />;
}

function Workspace({ evaluation }: { evaluation: EvaluationDetail }) {
  const t = useT();
  const fmt = useFormat();
  const dt = useDateTime();
  const navigate = useNavigate();
  const { user } = useSession();
  const call = useCall(evaluation.callId);
  const form = useForm(evaluation.formId);
  const player = useRef<PlayerHandle>(null);

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
  const comment = useComment();

  const own = evaluation.evaluator === user.username;
  const isLead = user.role === 'qa_lead' || user.role === 'admin';
  const mode: Mode =
    evaluation.status === 'draft' && own
      ? 'edit'
      : revising && evaluation.status === 'disputed' && isLead && !own
        ? 'revise'
        : 'read';
  const definition = form.data?.form.definition ?? null;
  const live = useMemo(
    () => (definition && mode !== 'read' ? scoreAnswers(definition, answers) : null),
    [definition, answers, mode],
  );
  const shown = mode === 'read' ? evaluation.breakdown : live;
  const change = (next: Answers) => {
    setAnswers(next);
    setDirty(true);
    setMessage(null);
  };
  const failure =
    save.error ?? submit.error ?? discard.error ?? acknowledge.error ?? dispute.error ?? decide.error;
  const busy =
    save.isPending ||
    submit.isPending ||
    discard.isPending ||
    acknowledge.isPending ||
    dispute.isPending ||
    decide.isPending;
  const done = (text: string) => () => {
    setDirty(false);
    setMessage(text);
  };

  const backTo =
    user.role === 'operator'
      ? { to: '/my-evaluations', label: t('qa.back.myEvaluations') }
      : evaluation.calibrationSessionId !== null
        ? { to: `/calibration/${evaluation.calibrationSessionId}`, label: t('qa.back.calibration') }
        : evaluation.status === 'disputed' && isLead
          ? { to: '/disputes', label: t('qa.back.disputes') }
          : { to: '/worklist', label: t('qa.back.worklist') };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Link className="back-link" to={backTo.to}>
            {backTo.label}
          </Link>
          <h1 className="page-title">
            {evaluation.calibration
              ? t('qa.evaluation.calibrationTitle')
              : t('qa.evaluation.title', { id: evaluation.id })}
          </h1>
          <p className="page-subtitle">
            {t('qa.evaluation.subtitle', {
              form: evaluation.formName ?? '—',
              version: evaluation.formVersion ?? '—',
              evaluator: evaluation.evaluator,
            })}
          </p>
        </div>
        <div className="header-figures">
          <StatusBadge status={evaluation.status} />
          {evaluation.score !== null && (
            <span className="header-score">
              {t('qa.score')}{' '}
              <Score score={evaluation.score} critical={evaluation.criticalFailed} fmt={fmt} />
            </span>
          )}
        </div>
      </div>

      <div className="workspace">
        <div className="workspace-side">
          <section className="card" aria-labelledby="recording-title">
            <header className="card-header">
              <h2 className="card-title" id="recording-title">
                {t('qa.recording')}
              </h2>
              {call.data?.call.talkS != null && (
                <span className="card-meta">
                  {t('qa.recording.talk', { time: fmt.duration(call.data.call.talkS) })}
                </span>
              )}
            </header>
            <div className="card-body">
              {call.isError ? (
                <ErrorState compact error={call.error} onRetry={() => void call.refetch()} />
              ) : !call.data ? (
                <Skeleton height={120} />
              ) : call.data.call.recordingUrl ? (
                <RecordingPlayer ref={player} url={call.data.call.recordingUrl} fmt={fmt} />
              ) : (
                <p className="cell-muted">{t('qa.recording.none')}</p>
              )}
            </div>
          </section>
          <Comments
            evaluation={evaluation}
            fmt={fmt}
            onSeek={(s) => player.current?.seek(s)}
            currentTime={() => player.current?.currentTime() ?? 0}
            onAdd={(text, offsetS) =>
              comment.mutateAsync({ id: evaluation.id, text, questionId: null, offsetS })
            }
            error={comment.error}
          />
          {call.data && <CallFactsCard call={call.data.call} fmt={fmt} />}
        </div>

        <section className="card workspace-form" aria-labelledby="form-title">
          <header className="card-header">
            <div className="card-heading">
              <h2 className="card-title" id="form-title">
                {evaluation.formName ?? t('qa.form')}
              </h2>
              <span className="card-meta">{t(`qa.mode.${mode}`)}</span>
            </div>
          </header>
          <div className="card-body">
            {form.isError ? (
              <ErrorState compact error={form.error} onRetry={() => void form.refetch()} />
            ) : !definition ? (
              <Skeleton height={480} />
            ) : (
              <div className="form-with-score">
                <FormAnswers
                  definition={definition}
                  answers={mode === 'read' ? (evaluation.answers ?? {}) : answers}
                  {...(mode !== 'read' ? { onChange: change } : {})}
                  result={shown}
                  comments={evaluation.comments}
                  {...(user.role !== 'operator' || own
                    ? {
                        onComment: (questionId: string, text: string) =>
                          comment.mutateAsync({ id: evaluation.id, text, questionId, offsetS: null }),
                      }
                    : {})}
                  fmt={fmt}
                />
                <aside className="score-aside">
                  {shown ? (
                    <ScoreSummary
                      result={shown}
                      definition={definition}
                      fmt={fmt}
                      label={mode === 'read' ? t('qa.score.server') : t('qa.score.live')}
                    />
                  ) : (
                    <p className="cell-muted">{t('qa.score.none')}</p>
                  )}
                  {mode === 'edit' && (
                    <div className="action-stack">
                      <button
                        type="button"
                        className="button button-primary"
                        disabled={busy}
                        onClick={() =>
                          submit.mutate(
                            { id: evaluation.id, answers },
                            {
                              onSuccess: (r) =>
                                done(
                                  t('qa.result.submitted', {
                                    score:
                                      r.evaluation.score === null ? '—' : fmt.decimal(r.evaluation.score, 2),
                                  }),
                                )(),
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
                          save.mutate(
                            { id: evaluation.id, answers },
                            { onSuccess: done(t('qa.result.saved')) },
                          )
                        }
                      >
                        {save.isPending ? t('qa.action.saving') : t('qa.action.saveDraft')}
                      </button>
                      <button
                        type="button"
                        className="button button-ghost"
                        disabled={busy}
                        onClick={() =>
                          discard.mutate(evaluation.id, {
                            onSuccess: () => navigate(backTo.to, { replace: true }),
                          })
                        }
                      >
                        {t('qa.action.discard')}
                      </button>
                    </div>
                  )}
                  {mode === 'read' && evaluation.submittedAt && (
                    <p className="aside-note">
                      {t('qa.evaluation.submittedAt', { date: dt.dateTime(evaluation.submittedAt) })}
                    </p>
                  )}
                  <OperatorActions
                    evaluation={evaluation}
                    canAct={user.role === 'operator'}
                    busy={busy}
                    onAcknowledge={() =>
                      acknowledge.mutate(evaluation.id, { onSuccess: done(t('qa.result.acknowledged')) })
                    }
                    onDispute={(reason) =>
                      dispute.mutate(
                        { id: evaluation.id, reason },
                        { onSuccess: done(t('qa.result.disputed')) },
                      )
                    }
                  />
                  {evaluation.status === 'disputed' && isLead && !own && (
                    <DecisionPanel
                      revising={revising}
                      busy={busy}
                      onRevise={(on) => {
                        setRevising(on);
                        setAnswers(evaluation.answers ?? {});
                        setDirty(on);
                      }}
                      onDecide={(decision, note) =>
                        decide.mutate(
                          {
                            id: evaluation.id,
                            decision,
                            note,
                            ...(decision === 'revised' ? { answers } : {}),
                          },
                          {
                            onSuccess: (r) => {
                              setRevising(false);
                              done(
                                decision === 'upheld'
                                  ? t('qa.result.upheld')
                                  : t('qa.result.revised', {
                                      score:
                                        r.evaluation.score === null
                                          ? '—'
                                          : fmt.decimal(r.evaluation.score, 2),
                                    }),
                              )();
                            },
                          },
                        )
                      }
                    />
                  )}
                  {message && (
                    <p className="form-ok" role="status">
                      {message}
                    </p>
                  )}
                  {failure && (
                    <p className="form-error sentence" role="alert">
                      {errorMessage(failure, t)}
                    </p>
                  )}
                </aside>
              </div>
            )}
          </div>
        </section>
      </div>
      {evaluation.disputes.length > 0 && <DisputeHistory evaluation={evaluation} fmt={fmt} />}
    </div>
  );
}

function OperatorActions({
  evaluation,
  canAct,
  busy,
  onAcknowledge,
  onDispute,
}: {
  evaluation: EvaluationDetail;
  canAct: boolean;
  busy: boolean;
  onAcknowledge(): void;
  onDispute(reason: string): void;
}) {
  const t = useT();
  const dt = useDateTime();
  const reasonId = useId();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  if (!canAct || evaluation.status !== 'submitted') return null;
  const open = evaluation.disputeUntil !== null && Date.parse(evaluation.disputeUntil) > Date.now();
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
            onDispute(reason.trim());
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

function DecisionPanel({
  revising,
  busy,
  onRevise,
  onDecide,
}: {
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
      <p className="decision-title">{t('qa.decision.title')}</p>
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

function Comments({
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
  onAdd(text: string, offsetS: number | null): Promise<unknown>;
  error: unknown;
}) {
  const t = useT();
  const dt = useDateTime();
  const textId = useId();
  const [text, setText] = useState('');
  const [atMoment, setAtMoment] = useState(true);
  const [sending, setSending] = useState(false);
  const general = evaluation.comments.filter((c) => c.questionId === null);
  return (
    <section className="card" aria-labelledby="comments-title">
      <header className="card-header">
        <h2 className="card-title" id="comments-title">
          {t('qa.comments')}
        </h2>
        <span className="card-meta">{t('qa.comments.count', { count: evaluation.comments.length })}</span>
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
                  <span className="comment-author">{c.author}</span>
                  <span className="comment-date">{dt.short(c.createdAt)}</span>
                  <span className="comment-text">{c.text}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            setSending(true);
            const offset = atMoment ? Math.round(currentTime() * 10) / 10 : null;
            onAdd(text.trim(), offset)
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
          {error != null && (
            <p className="form-error sentence" role="alert">
              {errorMessage(error, t)}
            </p>
          )}
        </form>
      </div>
    </section>
  );
}

function DisputeHistory({ evaluation, fmt }: { evaluation: EvaluationDetail; fmt: Formatters }) {
  const t = useT();
  const dt = useDateTime();
  return (
    <section className="card" aria-labelledby="disputes-title">
      <header className="card-header">
        <h2 className="card-title" id="disputes-title">
          {t('qa.disputeHistory')}
        </h2>
      </header>
      <div className="card-body">
        <ol className="version-list">
          {evaluation.disputes.map((d) => (
            <li key={d.id}>
              <span className="version-name">{t(`qa.dispute.status.${d.status}`)}</span>
              <span className="cell-muted">
                {t('qa.dispute.opened', { user: d.openedBy, date: dt.dateTime(d.openedAt) })}
              </span>
              <span className="version-note">{t('qa.dispute.reasonShown', { reason: d.reason })}</span>
              {d.decidedAt && (
                <span className="version-note">
                  {t('qa.dispute.decided', {
                    user: d.decidedBy ?? '—',
                    date: dt.dateTime(d.decidedAt),
                    note: d.decisionNote ?? '',
                  })}
                  {d.status === 'revised' &&
                    ` ${t('qa.dispute.scoreChange', {
                      before: d.scoreBefore === null ? '—' : fmt.decimal(d.scoreBefore, 2),
                      after: d.scoreAfter === null ? '—' : fmt.decimal(d.scoreAfter, 2),
                    })}`}
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
